package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
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
	// Records is set for a file of several records (see ExportAll): what
	// importing each would do, in the file's order. Case, ChildName,
	// Council, SchemaVersion and Match are then empty, and the counts are
	// the totals.
	Records []Plan
}

// Several reports whether the plan is for a file of several records.
func (p Plan) Several() bool { return p.Records != nil }

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
	format := formatOf(top)
	if format == lockedFormat {
		data, err = open(data, passphrase)
		if err != nil {
			return Plan{}, err
		}
		plan.Locked = true
		if top, err = topLevel(data); err != nil {
			return Plan{}, errDamaged
		}
		format = formatOf(top)
	}
	switch {
	case format == recordsFormat:
		return importRecords(top, data, plan, existing, today)
	case format != "" || top["format"] != nil:
		return Plan{}, errNotOurs
	}
	one, err := importCase(data, existing, today)
	if err != nil {
		return Plan{}, err
	}
	one.Locked = plan.Locked
	return one, nil
}

// formatOf is the "format" of a file's top level, "" if none or not text.
func formatOf(top map[string]json.RawMessage) string {
	var f string
	json.Unmarshal(top["format"], &f)
	return f
}

// importCase checks one case file and says what importing it would do.
func importCase(data []byte, existing []Existing, today calc.Date) (Plan, error) {
	var plan Plan
	top, err := topLevel(data)
	if err != nil {
		return Plan{}, err
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

// maxDepth is how deeply lists and records may be nested in a file; a case
// file goes about 6 deep.
const maxDepth = 64

// topLevel reads the top-level fields of one JSON object. Each kind of bad
// file gets its own message: empty, a byte order mark, not text, nested
// too deeply, a list, null, a single value, not JSON (named after what it
// looks like), a mistake inside, cut off (damaged; a locked file too), or
// something after the end.
func topLevel(data []byte) (map[string]json.RawMessage, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errEmpty
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return nil, errBOM
	}
	first := bytes.TrimLeft(data, " \t\r\n")
	if first[0] != '{' && first[0] != '[' && first[0] != '"' && first[0] != 'n' && first[0] != 't' && first[0] != 'f' &&
		first[0] != '-' && (first[0] < '0' || first[0] > '9') {
		return nil, notJSON(first)
	}
	if !utf8.Valid(data) {
		return nil, errNotText
	}
	if depth(data) > maxDepth {
		return nil, errTooDeep
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		se, isSyntax := errors.AsType[*json.SyntaxError](err)
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
			if bytes.Contains(data[:min(len(data), 400)], []byte(lockedFormat)) {
				return nil, errLockedCutOff
			}
			return nil, errCutOff
		case isSyntax && first[0] == '{':
			return nil, badJSON(1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n")))
		}
		return nil, notJSON(first)
	}
	if dec.More() {
		return nil, errTwo
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errTwo
	}
	switch v[0] {
	case '[':
		return nil, errList
	case 'n':
		return nil, errNull
	case '{':
	default:
		return nil, errValue
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(v, &top); err != nil {
		return nil, errNotJSON
	}
	return top, nil
}

// depth is the deepest nesting of lists and records in data (outside
// strings). It stops counting past maxDepth.
func depth(data []byte) int {
	d, deepest, inString, escaped := 0, 0, false, false
	for _, b := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			d++
			if d > deepest {
				deepest = d
				if d > maxDepth {
					return d
				}
			}
		case b == '}' || b == ']':
			d--
		}
	}
	return deepest
}
