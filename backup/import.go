package backup

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"provisiontracker/calc"
)

// Existing is a case already in the app, to match an import against
// (casestore's Summary has these fields).
type Existing struct {
	ID        string
	ChildName string
	Council   string
}

// Plan says what importing a file would do. Nothing has been changed yet:
// the app shows it and asks the parent. When Match is set, a case for the
// same child exists and the parent chooses to replace it or keep both;
// otherwise the case is added as a new one.
type Plan struct {
	Case          calc.Case
	ChildName     string
	Council       string // DfE code, "" if none
	CouncilName   string // "" if none
	SchemaVersion int    // the schema version of the file (before any update)
	Locked        bool   // the file was locked with a passphrase
	Plans         int
	Provisions    int
	Sessions      int // session records (outcomes)
	Contacts      int
	// Match is the existing case for the same child (same first name,
	// ignoring case and spaces, and same council), or nil. The case file
	// has no identity field, so this is the best match there is.
	Match *Existing
}

// IsLocked reports whether data looks like a locked backup, so the app
// can ask for the passphrase before calling Import.
func IsLocked(data []byte) bool {
	var probe struct {
		Format string `json:"format"`
	}
	return json.Unmarshal(data, &probe) == nil && probe.Format == lockedFormat
}

// Import checks a backup file completely and says what importing it would
// do. passphrase is used only for a locked file ("" gives
// ErrNeedPassphrase). It never changes anything; every refusal is an
// *Error whose message can be shown to the parent. It is ImportAt without
// today: the app calls ImportAt.
func Import(data []byte, passphrase string, existing []Existing) (Plan, error) {
	return ImportAt(data, passphrase, existing, calc.Date{})
}

// ImportAt is Import with today's date, which also applies calc.CheckWork
// as of today (help with no end date counted until today), so that no file
// can make the app too slow to use once it is imported.
func ImportAt(data []byte, passphrase string, existing []Existing, today calc.Date) (Plan, error) {
	if len(data) > MaxFileSize {
		return Plan{}, errTooBig
	}
	var plan Plan
	top, err := topLevel(data)
	if err != nil {
		return Plan{}, err
	}
	if f, ok := top["format"]; ok {
		var format string
		if json.Unmarshal(f, &format) != nil || format != lockedFormat {
			return Plan{}, errNotOurs
		}
		data, err = open(data, passphrase)
		if err != nil {
			return Plan{}, err
		}
		plan.Locked = true
		if top, err = topLevel(data); err != nil {
			return Plan{}, errDamaged
		}
	}
	sv, ok := top["schema_version"]
	if !ok {
		return Plan{}, errNotOurs
	}
	v, err := strconv.Atoi(string(sv))
	if err != nil || v < 1 {
		return Plan{}, &Error{kind: ErrInvalid, Msg: "This backup cannot be imported: its schema version (" + shorten(string(sv)) +
			") is not a whole number from 1. The file may have been changed. Nothing has been changed."}
	}
	if v > calc.SchemaVersion {
		return Plan{}, errNewer
	}
	plan.SchemaVersion = v
	c, err := calc.DecodeCaseFile(data)
	if err != nil {
		return Plan{}, importProblems(err)
	}
	if probs := calc.CheckWork(c, today); len(probs) > 0 {
		return Plan{}, importProblems(&calc.ValidationError{Problems: probs})
	}
	plan.Case = c
	plan.ChildName = c.Child.FirstName
	plan.Council = c.Council
	if co, ok := calc.CouncilByCode(c.Council); ok {
		plan.CouncilName = co.Name
	}
	plan.Plans = len(c.Plans)
	for _, p := range c.Plans {
		plan.Provisions += len(p.Provisions)
		for _, pr := range p.Provisions {
			plan.Sessions += len(pr.Outcomes)
		}
	}
	plan.Contacts = len(c.Contacts)
	key := matchKey(c.Child.FirstName, c.Council)
	for i := range existing {
		if matchKey(existing[i].ChildName, existing[i].Council) == key {
			m := existing[i]
			plan.Match = &m
			break
		}
	}
	return plan, nil
}

func matchKey(name, council string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " ")) + "|" + strings.TrimSpace(council)
}

func shorten(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}

// topLevel reads the top-level fields of one JSON object.
func topLevel(data []byte) (map[string]json.RawMessage, error) {
	if !utf8.Valid(data) {
		return nil, errNotJSON
	}
	var top map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&top); err != nil || top == nil || dec.More() {
		return nil, errNotJSON
	}
	return top, nil
}
