package casestore

import (
	"errors"
	"strings"
	"time"

	"provisiontracker/calc"
)

// Errors returned by the Store. Their text is written for parents and can be
// shown as it is. Match them with errors.Is.
//
// A Storage implementation reports a full store by returning an error that
// wraps ErrStorageFull (for example on a QuotaExceededError), and a store the
// browser refuses (private browsing, storage switched off) with an error that
// wraps ErrUnavailable. The Store treats any other storage error as
// ErrUnavailable.
var (
	ErrStorageFull = errors.New("There is no room left on this device to save. " +
		"Your latest change is still on the screen but it is not saved yet. " +
		"Download a backup now, then delete any old records you do not need.")
	ErrUnavailable = errors.New("This browser is not letting the app save anything (this often happens in private browsing). " +
		"Your latest change is still on the screen but it is not saved yet. " +
		"Download a backup now so you do not lose it.")
	ErrNotFound = errors.New("This child's record could not be found. " +
		"It may have been deleted in another tab or window. " +
		"Go back to the list of records.")
	ErrConflict = errors.New("This record was changed in another tab or window. " +
		"Your latest change here is not saved yet. Choose which version to keep.")
)

// ConflictError is returned by Save when another tab or window saved the case
// after the revision the caller started from. It carries the newer stored
// case, so the app can show it or let the parent choose. errors.Is(err,
// ErrConflict) is true.
type ConflictError struct {
	ID        string
	Revision  int       // the newer stored revision
	SavedAt   time.Time // when it was saved
	Case      calc.Case // the newer stored case
	ChildName string
}

func (e *ConflictError) Error() string {
	who := "This child's"
	if n := strings.TrimSpace(e.ChildName); n != "" {
		who = n + "'s"
	}
	return who + " record was changed in another tab or window. " +
		"Your latest change here is not saved yet, so nothing has been lost. " +
		"Choose which version to keep."
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// UnsaveableError is returned by Save when the case could not be written in
// a form that can be read back: it could not be encoded (this should never
// happen with a case made by the app) or it is over calc.CheckWork's limits
// on the work a record can cause. Problems name the fields, as calc does.
type UnsaveableError struct {
	Problems []calc.FieldError
}

func (e *UnsaveableError) Error() string {
	msg := "This change could not be saved"
	if len(e.Problems) > 0 {
		msg += ": " + strings.TrimSuffix(e.Problems[0].Message, ".")
	}
	return msg + ". Your change is still on the screen. Check that field, or download a backup and ask for help."
}

// storageErr turns an error from Storage into ErrStorageFull or ErrUnavailable.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func storageErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, ErrStorageFull) {
		return ErrStorageFull
	}
	return ErrUnavailable
}
