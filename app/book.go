package main

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// caseBook is the app's one copy of the parent's cases: which child is
// open, that case, its stored revision and how the last save went. Pages
// read it and change the case only through change, which checks the new
// case, saves it, and only then makes it the current one: a change that
// fails its checks or cannot be saved leaves the saved case as it was.
type caseBook struct {
	store     *casestore.Store
	openErr   string // storage could not be opened at all
	id        string
	rev       int
	c         calc.Case
	saved     time.Time
	saveError string // the last save failed: shown until a save works
	conflict  bool   // another tab saved a newer version of this case

	// draft is a provision being added or changed. It joins the record
	// only when the parent saves it on its check page, so a half-answered
	// provision never enters the counts or the estimate.
	draft      *calc.Provision
	draftIsNew bool
	// removed is the provision just removed, with where it was, for Undo.
	removed      *calc.Provision
	removedIndex int
}

// book is the single caseBook of the running app.
var book = &caseBook{}

// open loads the store the first time any page needs it.
func (b *caseBook) open(ctx app.Context) {
	if b.store != nil || b.openErr != "" {
		return
	}
	s, err := casestore.Open(browserStorage(ctx), time.Now)
	if err != nil {
		b.openErr = err.Error()
		s, _ = casestore.Open(casestore.NewMemory(), time.Now) // keep working in memory
	}
	b.store = s
	if id := s.Current(); id != "" {
		b.switchTo(id)
	}
}

// hasCase reports whether a child's case is open.
func (b *caseBook) hasCase() bool { return b.id != "" }

// current returns the open case. Callers must not change it in place:
// use change.
func (b *caseBook) current() calc.Case { return b.c }

// switchTo opens another child's case.
func (b *caseBook) switchTo(id string) error {
	c, rev, err := b.store.Load(id)
	if err != nil {
		return err
	}
	b.id, b.rev, b.c, b.conflict, b.saveError = id, rev, c, false, ""
	b.store.SetCurrent(id)
	return nil
}

// start creates a new case for a child and opens it.
func (b *caseBook) start(c calc.Case) []calc.FieldError {
	if problems := calc.Validate(c); len(problems) > 0 {
		return problems
	}
	id, rev, err := b.store.Create(c)
	if err != nil {
		b.saveError = err.Error()
		return []calc.FieldError{{Path: "", Message: err.Error()}}
	}
	b.id, b.rev, b.c, b.saveError, b.saved = id, rev, c, "", time.Now()
	b.store.SetCurrent(id)
	return nil
}

// change applies edit to a copy of the open case, checks it with calc and
// saves it. It returns the problems calc found (nothing is saved then) or
// the reason the save failed (the change is kept in memory and shown, so
// nothing typed is lost, and the parent is told).
func (b *caseBook) change(edit func(c *calc.Case)) []calc.FieldError {
	next := cloneCase(b.c)
	edit(&next)
	if problems := calc.Validate(next); len(problems) > 0 {
		return problems
	}
	rev, err := b.store.Save(b.id, next, b.rev)
	var conflict *casestore.ConflictError
	switch {
	case errors.As(err, &conflict):
		b.conflict = true
		b.saveError = "This child's record was changed in another tab or window. " +
			"Your last change was not saved, so that nothing is overwritten. Reload the page to see the newest version."
		return nil
	case err != nil:
		b.c = next
		b.saveError = err.Error()
		return nil
	}
	b.c, b.rev, b.saved, b.saveError = next, rev, time.Now(), ""
	return nil
}

// cloneCase deep-copies a case through its case-file form, so an edit can
// never reach the saved copy through a shared slice.
func cloneCase(c calc.Case) calc.Case {
	data, err := calc.EncodeCaseFile(c)
	if err != nil {
		return c
	}
	copied, err := calc.DecodeCaseFile(data)
	if err != nil {
		return c
	}
	return copied
}
