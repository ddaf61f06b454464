package backup

import (
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

var (
	errNotJSON = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup: it is not the right kind of file. " +
		"Choose the file Provision Tracker saved; its name starts with provision-tracker-."}
	errNotOurs = &Error{kind: ErrNotBackup, Msg: "This file is not a Provision Tracker backup. " +
		"Choose the file Provision Tracker saved; its name starts with provision-tracker-."}
	errNewer = &Error{kind: ErrNewer, Msg: "This backup was made by a newer version of Provision Tracker. " +
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
			out = append(out, w+" "+strconv.Itoa(n+1))
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
	var ve *calc.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		return &Error{kind: ErrInvalid, Msg: "This backup cannot be imported: " + err.Error() + ". Nothing has been changed."}
	}
	msg := "This backup cannot be imported because part of it is not right. "
	if len(ve.Problems) > 1 {
		msg = "This backup cannot be imported because " + strconv.Itoa(len(ve.Problems)) + " things in it are not right. The first: "
	}
	msg += describe(ve.Problems[0]) + " Nothing has been changed."
	return &Error{kind: ErrInvalid, Msg: msg, Problems: ve.Problems}
}

func exportProblems(err error) error {
	var ve *calc.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		return &Error{kind: ErrInvalid, Msg: "The backup could not be made: " + err.Error() + "."}
	}
	return &Error{kind: ErrInvalid, Problems: ve.Problems,
		Msg: "The backup could not be made because the record is not finished. " + describe(ve.Problems[0]) + " Fix it, then try again."}
}
