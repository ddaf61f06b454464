package backup

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"provisiontracker/calc"
)

// Error is why a backup could not be made or imported. Msg is plain English
// for the parent; Problems, when set, name the fields (calc's paths).
type Error struct {
	Msg      string
	Problems []calc.FieldError
	kind     error
}

func (e *Error) Error() string { return e.Msg }

// Is lets errors.Is match the kinds below.
func (e *Error) Is(target error) bool { return e.kind != nil && target == e.kind }

// Kinds of refusal, for errors.Is (the message to show is the Error's).
var (
	ErrNeedPassphrase  = errors.New("this backup is locked: ask for the passphrase")
	ErrWrongPassphrase = errors.New("wrong passphrase or damaged file")
	ErrDamaged         = errors.New("the locked backup is damaged")
	ErrNotBackup       = errors.New("not a Provision Tracker backup")
	ErrNewer           = errors.New("made by a newer version")
	ErrTooBig          = errors.New("file too big")
	ErrInvalid         = errors.New("the case in the file has problems")
)

// chooseOurs ends the messages about a file that is not a backup at all.
const chooseOurs = " Choose the file Provision Tracker saved; its name starts with provision-tracker-. Nothing has been changed."

// The kinds of bad file, each with its own plain message (see topLevel).
var (
	errEmpty = &Error{kind: ErrNotBackup, Msg: "This file is empty: there is nothing in it. " +
		"It may not have finished downloading or copying: download or copy the backup again. Nothing has been changed."}
	errBOM = &Error{kind: ErrNotBackup, Msg: "This file starts with a hidden mark (a \"byte order mark\") that Provision Tracker never writes, " +
		"so it was probably opened and saved again by another program, such as a text editor. Use the backup file as Provision Tracker saved it." + chooseOurs}
	errNotText = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it is not text (it is not written in UTF-8), " +
		"so it may be a different kind of file, or damaged." + chooseOurs}
	errTooDeep = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it has lists inside lists far more deeply than a backup ever has." + chooseOurs}
	errList    = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it holds a list [ ... ], and a backup holds one record { ... }." + chooseOurs}
	errNull    = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it holds only the word null, with no record in it." + chooseOurs}
	errValue   = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it holds a single value (a word or a number), not a record { ... }." + chooseOurs}
	errTwo     = &Error{kind: ErrNotBackup, Msg: "This file has something more after the end of the backup, perhaps two backups joined together. " +
		"Use one backup file at a time, as Provision Tracker saved it. Nothing has been changed."}
	errCutOff = &Error{kind: ErrDamaged, Msg: "This backup is damaged: its end is missing, so it was cut off (perhaps it did not finish downloading or copying). " +
		"Use another copy of the backup, or make it again. Nothing has been changed."}
	errLockedCutOff = &Error{kind: ErrDamaged, Msg: "This locked backup is damaged: its end is missing, so it was cut off (perhaps it did not finish downloading or copying), " +
		"and it cannot be opened. Use another copy of the backup, or make it again. Nothing has been changed."}
	errNotJSON = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it is not the right kind of file." + chooseOurs}
	errNotOurs = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it holds a record of another kind." + chooseOurs}
	errNewer   = &Error{kind: ErrNewer, Msg: "This backup was made by a newer version of Provision Tracker. " +
		"Update the app first (close every tab of it and open it again), then import the file again. Nothing has been changed."}
	errTooBig = &Error{kind: ErrTooBig, Msg: "This file is too big to be a Provision Tracker backup (more than 5 MB). " +
		"Check that you chose the right file. Nothing has been changed."}
	errNeedPass  = &Error{kind: ErrNeedPassphrase, Msg: "This backup is locked with a passphrase. Type the passphrase to open it."}
	errWrongPass = &Error{kind: ErrWrongPassphrase, Msg: "The backup could not be opened: the passphrase is not right, or the file has been damaged. " +
		"Check the passphrase (capital letters and spaces count) and try again. If it still does not open, use another copy of the backup. Nothing has been changed."}
	errTooMuchWork = &Error{kind: ErrDamaged, Msg: "This locked backup asks for far more work to open than Provision Tracker ever uses, " +
		"so it was changed or made by something else. Use another copy of the backup. Nothing has been changed."}
	errDamaged = &Error{kind: ErrDamaged, Msg: "This locked backup is damaged, so it cannot be opened. " +
		"Use another copy of the backup. Nothing has been changed."}
)

// notJSON is the message for a file that is not JSON: named after what
// it looks like when its first bytes say so.
func notJSON(data []byte) *Error {
	for _, k := range []struct{ magic, what string }{
		{"PK\x03\x04", "a zip file"}, {"%PDF", "a PDF document"}, {"\x89PNG", "a picture"}, {"\xff\xd8\xff", "a picture"},
		{"GIF8", "a picture"}, {"\xd0\xcf\x11\xe0", "an Office document"}, {"{\\rtf", "a document"}, {"<", "a web page or other document"},
	} {
		if bytes.HasPrefix(data, []byte(k.magic)) {
			return &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it looks like " + k.what + "." + chooseOurs}
		}
	}
	return errNotJSON
}

// badJSON is the message for a file that starts like a backup but is not
// written the way Provision Tracker writes one.
func badJSON(line int) *Error {
	return &Error{kind: ErrNotBackup, Msg: "This file is not written the way Provision Tracker writes backups (there is a mistake on line " +
		itoa(line) + "), so it may have been changed by another program. Use the backup file as Provision Tracker saved it, or another copy." +
		" Nothing has been changed."}
}

var pathPart = regexp.MustCompile(`^([a-z_]+)(?:\[(\d+)\])?$`)

var words = map[string]string{
	"plans": "plan", "provisions": "provision", "outcomes": "session record",
	"count_periods": "count period", "not_in_place": "not-in-place period",
	"contacts": "contact", "education_lost": "time without education",
	"promised_steps": "promised step", "school_years": "school year", "terms": "term",
	"inset_days": "INSET day", "rate_overrides": "rate change", "weekdays": "weekday",
}

// Words turns a calc field path into plain words:
// "plans[0].provisions[2].frequency.count" → "plan 1, provision 3, frequency count".
func Words(path string) string {
	if path == "" {
		return "the file"
	}
	var out []string
	var tail []string
	for _, p := range strings.Split(path, ".") {
		m := pathPart.FindStringSubmatch(p)
		if m == nil {
			tail = append(tail, p)
			continue
		}
		if m[2] != "" {
			if len(tail) > 0 {
				out = append(out, strings.Join(tail, " "))
				tail = nil
			}
			n, _ := strconv.Atoi(m[2])
			w := words[m[1]]
			if w == "" {
				w = strings.ReplaceAll(m[1], "_", " ")
			}
			out = append(out, w+" "+itoa(n+1))
			continue
		}
		tail = append(tail, strings.ReplaceAll(m[1], "_", " "))
	}
	if len(tail) > 0 {
		out = append(out, strings.Join(tail, " "))
	}
	return strings.Join(out, ", ")
}

func describe(p calc.FieldError) string {
	msg := strings.TrimSpace(p.Message)
	if msg != "" && !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return "In " + Words(p.Path) + " (" + p.Path + "): " + msg
}

func importProblems(err error) error {
	ve, ok := errors.AsType[*calc.ValidationError](err)
	if !ok || len(ve.Problems) == 0 {
		return &Error{kind: ErrInvalid, Msg: "This backup cannot be imported: " + err.Error() + ". Nothing has been changed."}
	}
	msg := "This backup cannot be imported because part of it is not right. "
	if len(ve.Problems) > 1 {
		msg = "This backup cannot be imported because " + itoa(len(ve.Problems)) + " things in it are not right. The first: "
	}
	msg += describe(ve.Problems[0]) + " Nothing has been changed."
	return &Error{kind: ErrInvalid, Msg: msg, Problems: ve.Problems}
}

func exportProblems(err error) error {
	ve, ok := errors.AsType[*calc.ValidationError](err)
	if !ok || len(ve.Problems) == 0 {
		return &Error{kind: ErrInvalid, Msg: "The backup could not be made: " + err.Error() + "."}
	}
	return &Error{kind: ErrInvalid, Problems: ve.Problems,
		Msg: "The backup could not be made because the record is not finished, or part of it needs changing. " + describe(ve.Problems[0]) + " Fix it, then try again."}
}
