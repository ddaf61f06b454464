package casestore

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"provisiontracker/calc"
)

// Storage layout (see STORAGE.md). Every key starts with Prefix.
const (
	// Prefix starts every key the store reads or writes; nothing else in
	// localStorage is touched.
	Prefix = "pt:"

	keyCurrent = Prefix + "current"
	casePrefix = Prefix + "case:"

	// Layout is the version of the store's own records (heads and saved
	// versions). The case inside has its own schema_version (calc).
	Layout = 1

	headFormat    = "provision-tracker/head"
	versionFormat = "provision-tracker/saved-case"
	backupFormat  = "provision-tracker/backup-mark"
)

// step upgrades a stored record (head, saved version or backup mark) from
// layout v to v+1, editing the generic JSON object.
type step func(map[string]json.RawMessage) error

// layoutSteps[v] turns a layout v record into layout v+1. Layout 1 is the
// first, so the table is empty: to make layout 2, add layoutSteps[1], bump
// Layout and add a layout-1 fixture to testdata/layout.
var layoutSteps = map[int]step{}

// upgrade brings a stored record to layout target with the steps given.
func upgrade(m map[string]json.RawMessage, steps map[int]step, target int) error {
	raw, ok := m["layout"]
	if !ok {
		return errors.New("it has no layout number")
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return errors.New("its layout number is not a whole number from 1")
	}
	if v > target {
		return errNewer
	}
	for ; v < target; v++ {
		s, ok := steps[v]
		if !ok {
			return fmt.Errorf("there is no way to update layout %d", v)
		}
		if err := s(m); err != nil {
			return fmt.Errorf("it could not be updated from layout %d: %v", v, err)
		}
		m["layout"] = json.RawMessage(itoa(v + 1))
	}
	return nil
}

var errNewer = errors.New("it was saved by a newer version of the app")

// head is the pointer that says which saved version of a case is current.
// Writing it is the "switch" of a save.
type head struct {
	Format   string    `json:"format"`
	Layout   int       `json:"layout"`
	ID       string    `json:"id"`
	Revision int       `json:"revision"`
	Version  string    `json:"version"`            // key of the current saved version
	Previous string    `json:"previous,omitempty"` // key of the one before, kept for recovery
	Child    string    `json:"child"`              // first name, for the list
	Council  string    `json:"council,omitempty"`  // DfE code, to match an imported backup
	SavedAt  time.Time `json:"saved_at"`
	// Deleting is set by Delete before it removes anything, so that a
	// head left without versions is known to be a delete cut short (to
	// finish) rather than a record whose saved versions went missing (to
	// tell the parent about).
	Deleting bool `json:"deleting,omitempty"`
}

// envelope is one saved version of a case.
type envelope struct {
	Format   string          `json:"format"`
	Layout   int             `json:"layout"`
	ID       string          `json:"id"`
	Revision int             `json:"revision"`
	SavedAt  time.Time       `json:"saved_at"`
	Case     json.RawMessage `json:"case"` // the case file, byte for byte as calc.EncodeCaseFile wrote it
}

// backupMark records the last backup the parent exported.
type backupMark struct {
	Format   string    `json:"format"`
	Layout   int       `json:"layout"`
	Revision int       `json:"revision"`
	At       time.Time `json:"at"`
}

func headKey(id string) string   { return casePrefix + id }
func backupKey(id string) string { return casePrefix + id + ":backup" }
func versionKey(id string, rev int, tag string) string {
	return casePrefix + id + ":v" + itoa(rev) + "-" + tag
}

type keyKind int

const (
	kindOther keyKind = iota
	kindCurrent
	kindHead
	kindVersion
	kindBackup
)

// parseKey classifies a key of the store.
func parseKey(k string) (kind keyKind, id string, rev int) {
	if k == keyCurrent {
		return kindCurrent, "", 0
	}
	rest, ok := strings.CutPrefix(k, casePrefix)
	if !ok {
		return kindOther, "", 0
	}
	id, sub, hasSub := strings.Cut(rest, ":")
	if !validID(id) {
		return kindOther, "", 0
	}
	if !hasSub {
		return kindHead, id, 0
	}
	if sub == "backup" {
		return kindBackup, id, 0
	}
	if v, ok := strings.CutPrefix(sub, "v"); ok {
		n, tag, ok := strings.Cut(v, "-")
		r, err := strconv.Atoi(n)
		if ok && err == nil && r >= 1 && itoa(r) == n && validTag(tag) {
			return kindVersion, id, r
		}
	}
	return kindOther, id, 0
}

const idAlphabet = "abcdefghijkmnpqrstuvwxyz23456789" // 32 letters and digits, no look-alikes
const idLen = 10                                      // 50 random bits

func randomString(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	for i := range b {
		b[i] = idAlphabet[b[i]%32]
	}
	return string(b)
}

func validID(s string) bool  { return len(s) == idLen && inAlphabet(s) }
func validTag(s string) bool { return len(s) == 6 && inAlphabet(s) }

func inAlphabet(s string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(idAlphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}

// encodeEnvelope writes the envelope with the case file bytes inside exactly
// as given (json.Marshal would re-indent them).
func encodeEnvelope(id string, rev int, at time.Time, caseFile []byte) []byte {
	hdr, _ := json.Marshal(struct {
		Format   string    `json:"format"`
		Layout   int       `json:"layout"`
		ID       string    `json:"id"`
		Revision int       `json:"revision"`
		SavedAt  time.Time `json:"saved_at"`
	}{versionFormat, Layout, id, rev, at})
	var b bytes.Buffer
	b.Write(hdr[:len(hdr)-1])
	b.WriteString(`,"case":`)
	b.Write(bytes.TrimRight(caseFile, "\n"))
	b.WriteString("}")
	return b.Bytes()
}

// readRecord parses a stored record of the given format, upgrades its layout
// and decodes it strictly into v.
func readRecord(raw, format string, v any) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &m); err != nil || m == nil {
		return errors.New("it is not in a form the app can read")
	}
	var f string
	if err := json.Unmarshal(m["format"], &f); err != nil || f != format {
		return errors.New("it is not a kind of record this app knows")
	}
	before := string(m["layout"])
	if err := upgrade(m, layoutSteps, Layout); err != nil {
		return err
	}
	b := []byte(raw) // keep the bytes as stored when nothing was upgraded
	if string(m["layout"]) != before {
		b, _ = json.Marshal(m)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errors.New("part of it is not in a form the app can read")
	}
	return nil
}

func parseHead(raw string, id string) (head, error) {
	var h head
	if err := readRecord(raw, headFormat, &h); err != nil {
		return h, err
	}
	if h.ID != id || h.Revision < 1 {
		return h, errors.New("its details do not match")
	}
	if k, hid, rev := parseKey(h.Version); k != kindVersion || hid != id || rev != h.Revision {
		return h, errors.New("it points to the wrong place")
	}
	if h.Previous != "" {
		if k, hid, rev := parseKey(h.Previous); k != kindVersion || hid != id || rev >= h.Revision {
			return h, errors.New("it points to the wrong place")
		}
	}
	return h, nil
}

// decodeCase reads the case file kept in a saved version. A case that
// calc.DecodeCaseFile refuses only because it is not complete yet (for
// example no plan entered so far) is still read, so that a record the
// parent is in the middle of typing is never lost: that is what Save wrote.
//
// Then, with today's date, it applies calc.CheckWork: a record that asks
// the app to count far more than it can (a file damaged by hand, or
// imported before the limits) is not opened, so it can never freeze the
// app at start.
func decodeCase(caseFile []byte, today calc.Date) (calc.Case, error) {
	c, err := decodeLenient(caseFile)
	if err != nil {
		return c, err
	}
	if probs := calc.CheckWork(c, today); len(probs) > 0 {
		return calc.Case{}, &tooMuchWorkError{probs}
	}
	// A record saved before version 5 has no ids_given: the ids in use
	// are the numbers given so far.
	calc.RecordIDs(&c)
	return c, nil
}

// tooMuchWorkError is why a saved record was not opened: calc.CheckWork's
// problems.
type tooMuchWorkError struct{ problems []calc.FieldError }

func (e *tooMuchWorkError) Error() string { return e.problems[0].Message }

func decodeLenient(caseFile []byte) (calc.Case, error) {
	var sv struct {
		V json.Number `json:"schema_version"`
	}
	if err := json.Unmarshal(caseFile, &sv); err == nil {
		if n, err := strconv.Atoi(sv.V.String()); err == nil && n > calc.SchemaVersion {
			return calc.Case{}, errNewer
		}
	}
	c, err := calc.DecodeCaseFile(caseFile)
	if err == nil {
		return c, nil
	}
	migrated, merr := calc.Migrate(caseFile)
	if merr != nil {
		return calc.Case{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(migrated))
	dec.DisallowUnknownFields()
	var lenient calc.Case
	if dec.Decode(&lenient) != nil || len(calc.Validate(lenient)) == 0 {
		return calc.Case{}, err
	}
	return lenient, nil
}

// readVersion reads a saved version: its envelope and the case inside.
func readVersion(raw, key, id string, rev int, today calc.Date) (envelope, calc.Case, error) {
	var e envelope
	if err := readRecord(raw, versionFormat, &e); err != nil {
		return e, calc.Case{}, err
	}
	if e.ID != id || e.Revision != rev {
		return e, calc.Case{}, errors.New("its details do not match where it is kept")
	}
	c, err := decodeCase(e.Case, today)
	return e, c, err
}

// itoa is strconv.Itoa kept out of line: inlined at each of the many
// calls it costs code in the wasm.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }
