package main

import (
	"errors"
	"time"

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

	index *outcomeIndex // sessions by key, for drawing the log
}

// book is the single caseBook of the running app.
var book = &caseBook{}

// open loads the store the first time anything needs it. Every reader of
// the book calls it, because go-app may draw a page before its OnNav.
func (b *caseBook) open() {
	if b.store != nil {
		return
	}
	s, err := casestore.Open(browserStorage(), time.Now)
	if err != nil {
		b.openErr = err.Error()
		s, _ = casestore.Open(casestore.NewMemory(), time.Now) // keep working in memory
	}
	b.store = s
	if id := s.Current(); id != "" {
		b.switchTo(id)
	}
}

// setCase makes c the open case and drops what was derived from the old one.
func (b *caseBook) setCase(c calc.Case) {
	b.c = c
	b.index = nil
}

// hasCase reports whether a child's case is open.
func (b *caseBook) hasCase() bool {
	b.open()
	return b.id != ""
}

// current returns the open case. Callers must not change it in place:
// use change.
func (b *caseBook) current() calc.Case {
	b.open()
	return b.c
}

// list returns every child's record on this device.
func (b *caseBook) list() []casestore.Summary {
	b.open()
	return b.store.List()
}

// switchTo opens another child's case.
func (b *caseBook) switchTo(id string) error {
	c, rev, err := b.store.Load(id)
	if err != nil {
		return err
	}
	b.id, b.rev, b.conflict, b.saveError = id, rev, false, ""
	b.setCase(c)
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
	b.id, b.rev, b.saveError, b.saved = id, rev, "", time.Now()
	b.setCase(c)
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
	return b.commit(next)
}

// changeOutcomes changes the session records of one provision. Only that
// provision's list is copied, not the whole case, so a tap in a log of
// thousands of sessions stays quick.
func (b *caseBook) changeOutcomes(provisionID string, edit func([]calc.Outcome) []calc.Outcome) []calc.FieldError {
	next := b.c
	next.Plans = append([]calc.Plan(nil), b.c.Plans...)
	for pi := range next.Plans {
		for i, p := range next.Plans[pi].Provisions {
			if p.ID != provisionID {
				continue
			}
			provs := append([]calc.Provision(nil), next.Plans[pi].Provisions...)
			provs[i].Outcomes = edit(append([]calc.Outcome(nil), p.Outcomes...))
			next.Plans[pi].Provisions = provs
			return b.commit(next)
		}
	}
	return []calc.FieldError{{Message: "This help is no longer in the record. Go back to the list."}}
}

// provision returns the provision with this id in the open case.
func (b *caseBook) provision(id string) (calc.Provision, bool) {
	for _, p := range provisionsOf(b.c) {
		if p.ID == id {
			return p, true
		}
	}
	return calc.Provision{}, false
}

// commit checks a changed case and saves it; see change.
func (b *caseBook) commit(next calc.Case) []calc.FieldError {
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
		b.setCase(next)
		b.saveError = err.Error()
		return nil
	}
	b.rev, b.saved, b.saveError = rev, time.Now(), ""
	b.setCase(next)
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

// outcomeOf returns what is recorded for one expected session. The index
// is rebuilt only after the case changes (setCase), so drawing a row costs
// a map lookup.
func (b *caseBook) outcomeOf(provisionID string, s calc.Session) (calc.Outcome, bool) {
	idx := b.outcomeIndex()
	o, ok := idx.records[outcomeKey{provisionID, s}]
	return o, ok
}

// madeUpFor returns the date a missed session was made up, if it was.
func (b *caseBook) madeUpFor(provisionID string, s calc.Session) (calc.Date, bool) {
	d, ok := b.outcomeIndex().madeUp[outcomeKey{provisionID, s}]
	return d, ok
}

type outcomeKey struct {
	provisionID string
	session     calc.Session
}

type outcomeIndex struct {
	records map[outcomeKey]calc.Outcome
	madeUp  map[outcomeKey]calc.Date
}

func (b *caseBook) outcomeIndex() *outcomeIndex {
	if b.index != nil {
		return b.index
	}
	idx := &outcomeIndex{records: map[outcomeKey]calc.Outcome{}, madeUp: map[outcomeKey]calc.Date{}}
	for _, p := range provisionsOf(b.c) {
		for _, o := range p.Outcomes {
			if o.Status == calc.StatusMadeUp {
				idx.madeUp[outcomeKey{p.ID, calc.Session{Date: o.Replaces, Seq: o.ReplacesSeq}}] = o.Date
				continue
			}
			idx.records[outcomeKey{p.ID, calc.Session{Date: o.Date, Seq: o.Seq}}] = o
		}
	}
	b.index = idx
	return idx
}
