package main

import (
	"encoding/json"
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
	// dirty is set while c holds changes that are not in storage (a save
	// failed or met a newer version from another tab). The changes stay on
	// screen and in backups made now; nothing from another tab replaces
	// them without the parent choosing.
	dirty bool
	// other is the newer version another tab saved, while the parent
	// chooses between it and this tab's (see keepOther and keepMine).
	other *casestore.ConflictError
	// notice is a short message about something that happened without the
	// parent doing it here ("Updated from another tab"), shown until the
	// next page.
	notice string

	// draft is a provision being added or changed. It joins the record
	// only when the parent saves it on its check page, so a half-answered
	// provision never enters the counts or the estimate. It holds only
	// the answers its steps ask (see draftOf): saving it copies the ones
	// the parent changed from draftBase, the provision as it was when the
	// draft opened, into the latest saved provision with its id. Its
	// session records are never written from a draft.
	draft      *calc.Provision
	draftBase  calc.Provision
	draftIsNew bool
	// draftPlan is the id of the plan new help goes into ("" for the
	// newest plan).
	draftPlan  string
	draftClash []fieldClash // answers changed underneath, for the parent to choose
	// removed is the provision just removed, with where it was (its plan's
	// id and its place in that plan), for Undo.
	removed      *calc.Provision
	removedPlan  string
	removedIndex int

	index *outcomeIndex // sessions by key, for drawing the log

	// persistAsked is set once the browser was asked to keep the site's
	// storage (askPersistentStorage): once per start is enough.
	persistAsked bool

	// carried is set once keepForUpdate has kept the unsaved change for
	// the reload into the new version.
	carried bool
}

// memoryOnlyMessage tells the parent, from the first page, that the browser
// refuses storage, so the app keeps the record only in memory.
// casestore.ErrUnavailable speaks of a "latest change", which there is not
// yet when the app starts.
const memoryOnlyMessage = "This browser is not letting the app save anything on this device. " +
	"This often happens in private browsing. You can still use the app, but what you enter is kept only while this page is open. " +
	"Download a backup before you close it."

// open loads the store the first time anything needs it. Every reader of
// the book calls it, because go-app may draw a page before its OnNav.
func (b *caseBook) open() {
	if b.store != nil {
		return
	}
	s, err := casestore.Open(browserStorage(), time.Now)
	if err != nil {
		b.openErr = err.Error()
		if errors.Is(err, casestore.ErrUnavailable) {
			b.openErr = memoryOnlyMessage
		}
		s, _ = casestore.Open(casestore.NewMemory(), time.Now) // keep working in memory
	}
	b.store = s
	if id := s.Current(); id != "" {
		b.switchTo(id)
	}
	b.takeCarry()
	guardUnload(func() bool { return !b.carried && b.hasUnsaved() })
}

// hasUnsaved reports whether this tab holds a change that is not saved on
// this device: a case change storage refused or that met another tab's,
// or help being added or changed that is not saved yet.
func (b *caseBook) hasUnsaved() bool {
	if b.dirty {
		return true
	}
	if b.draft == nil {
		return false
	}
	for _, f := range provisionFields {
		if f.text(b.draft) != f.text(&b.draftBase) {
			return true
		}
	}
	return false
}

// carry is what keepForUpdate hands to the next start of this tab.
type carry struct {
	ID         string          `json:"id"`
	Rev        int             `json:"rev"`
	Case       json.RawMessage `json:"case,omitempty"` // the unsaved case file
	Draft      *calc.Provision `json:"draft,omitempty"`
	DraftBase  calc.Provision  `json:"draft_base"`
	DraftIsNew bool            `json:"draft_is_new,omitempty"`
	DraftPlan  string          `json:"draft_plan,omitempty"`
}

// keepForUpdate makes sure nothing unsaved is lost when the page reloads
// for an update: it tries to save a change storage refused, and carries
// what is still unsaved (and help being added) to the next start of this
// tab. It reports false when the browser would not take it either: then
// the update must wait.
func (b *caseBook) keepForUpdate() bool {
	b.open()
	if b.dirty && b.other == nil {
		b.commit(b.c) // storage may have room now
	}
	if !b.hasUnsaved() {
		return true
	}
	k := carry{ID: b.id, Rev: b.rev, Draft: b.draft, DraftBase: b.draftBase, DraftIsNew: b.draftIsNew, DraftPlan: b.draftPlan}
	if b.dirty {
		file, err := calc.EncodeCaseFile(b.c)
		if err != nil {
			return false
		}
		k.Case = file
	}
	data, err := json.Marshal(k)
	// Once carried, the reload loses nothing: the page does not warn.
	b.carried = err == nil && carryPut(string(data))
	return b.carried
}

// takeCarry takes back, as the app starts, what keepForUpdate carried: the
// unsaved case is on screen again and saved if storage takes it now; the
// help being added is open again.
func (b *caseBook) takeCarry() {
	data, ok := carryTake()
	if !ok {
		return
	}
	var k carry
	if json.Unmarshal([]byte(data), &k) != nil || k.ID == "" {
		return
	}
	if k.ID != b.id && b.switchTo(k.ID) != nil {
		if len(k.Case) == 0 {
			return
		}
		b.id = k.ID // deleted meanwhile: keepMine makes it a record again
	}
	if len(k.Case) > 0 {
		c, err := calc.DecodeCaseFile(k.Case)
		if err != nil {
			return
		}
		b.rev = k.Rev
		b.commit(c)
		if b.dirty {
			b.saveError = "Your latest change from before the update is on this page, but it is still not saved on this device. " + b.saveError
		} else {
			b.notice = "Your change from before the update is saved."
		}
	}
	if k.Draft != nil {
		b.draft, b.draftBase, b.draftIsNew, b.draftPlan = k.Draft, k.DraftBase, k.DraftIsNew, k.DraftPlan
	}
}

// savedNow is the time of a save that worked, for the "Saved on this
// device" line. It is zero while the book works in memory because storage
// could not be opened: nothing is saved on this device then.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (b *caseBook) savedNow() time.Time {
	if b.openErr != "" {
		return time.Time{}
	}
	return time.Now()
}

// setCase makes c the open case and drops what was derived from the old one.
func (b *caseBook) setCase(c calc.Case) {
	b.c = c
	b.index = nil
}

// hasCase reports whether a child's case is open.
// Kept out of line (go:noinline): every page calls it.
//
//go:noinline
func (b *caseBook) hasCase() bool {
	b.open()
	return b.id != ""
}

// current returns the open case. Callers must not change it in place:
// use change.
// Kept out of line, as hasCase.
//
//go:noinline
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
	b.dirty, b.other, b.notice = false, nil, ""
	b.setCase(c)
	b.store.SetCurrent(id)
	return nil
}

// start creates a new case for a child and opens it.
func (b *caseBook) start(c calc.Case) []calc.FieldError {
	calc.RecordIDs(&c)
	if problems := calc.Validate(c); len(problems) > 0 {
		return problems
	}
	id, rev, err := b.store.Create(c)
	if err != nil {
		b.saveError = err.Error()
		return []calc.FieldError{{Path: "", Message: err.Error()}}
	}
	b.id, b.rev, b.saveError, b.saved = id, rev, "", b.savedNow()
	b.setCase(c)
	b.store.SetCurrent(id)
	return nil
}

// refresh makes the open case the latest saved one, before a page applies
// what it changes to it: another tab may have saved since, and its storage
// event may not have arrived yet. When this tab has changes that are not
// saved, it keeps them (the parent chooses, see keepOther and keepMine).
func (b *caseBook) refresh() {
	b.open()
	if b.dirty || b.id == "" {
		return
	}
	c, rev, err := b.store.Load(b.id)
	if err != nil || rev == b.rev {
		return
	}
	b.rev, b.conflict, b.other = rev, false, nil
	b.setCase(c)
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
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
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
	calc.RecordIDs(&next)
	if problems := calc.Validate(next); len(problems) > 0 {
		return problems
	}
	rev, err := b.store.Save(b.id, next, b.rev)
	// errors.AsType, not errors.As: no reflection in the wasm.
	conflict, isConflict := errors.AsType[*casestore.ConflictError](err)
	switch {
	case isConflict:
		// Keep this tab's change on screen (nothing typed is lost) and let
		// the parent choose which version to keep.
		b.setCase(next)
		b.dirty = true
		b.setConflict(conflict)
		return nil
	case err != nil:
		b.setCase(next)
		b.dirty = true
		b.saveError = err.Error()
		return nil
	}
	b.rev, b.saved, b.saveError = rev, b.savedNow(), ""
	b.dirty, b.conflict, b.other = false, false, nil
	b.setCase(next)
	return nil
}

// setConflict records that another tab saved a newer version.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (b *caseBook) setConflict(ce *casestore.ConflictError) {
	b.conflict, b.other = true, ce
	b.saveError = ce.Error()
}

// otherTabChanged is called with the key of each browser "storage" event
// (another tab of the app wrote; "" when storage was cleared). When the
// open case changed there, it is loaded again, unless this tab has changes
// that are not saved: then the parent chooses which version to keep.
func (b *caseBook) otherTabChanged(key string) {
	b.open()
	ch, ok := b.store.Changed(key)
	if !ok || b.id == "" {
		return
	}
	if ch.All {
		s, exists := b.store.Summary(b.id)
		if !exists {
			ch = casestore.Change{ID: b.id, Deleted: true}
		} else {
			ch = casestore.Change{ID: b.id, Revision: s.Revision}
		}
	}
	if ch.ID != b.id {
		return // another child's record: the list and the reminders read the store
	}
	if ch.Deleted {
		if b.dirty {
			// Keep what is on screen so it can still be backed up.
			b.saveError = casestore.ErrNotFound.Error() + " What is on this screen is not saved: download a backup to keep it."
			return
		}
		b.id, b.rev, b.c, b.draft, b.removed = "", 0, calc.Case{}, nil, nil
		b.index = nil
		b.notice = "This record was deleted in another tab or window."
		return
	}
	if ch.Overwritten && !b.dirty {
		// Another tab saved over this tab's last save a moment after it:
		// this tab still holds it, so the parent chooses, as for any clash.
		b.dirty = true
	}
	if ch.Revision == b.rev && !ch.Overwritten && (b.other == nil || b.other.Revision == ch.Revision) {
		return // only the backup mark changed, or nothing new
	}
	c, rev, err := b.store.Load(b.id)
	if err != nil {
		return // the store lists it as a problem; what is on screen stays
	}
	if b.dirty {
		s, _ := b.store.Summary(b.id)
		b.setConflict(&casestore.ConflictError{ID: b.id, Revision: rev, SavedAt: s.Updated, Case: c, ChildName: c.Child.FirstName})
		return
	}
	b.rev, b.conflict, b.other, b.removed = rev, false, nil, nil
	b.setCase(c)
	b.notice = "Updated from another tab"
}

// keepOther drops this tab's unsaved change and shows the version another
// tab saved.
func (b *caseBook) keepOther() {
	c, rev, err := b.store.Load(b.id)
	if err != nil {
		b.saveError = err.Error()
		return
	}
	b.rev, b.dirty, b.conflict, b.other, b.saveError, b.removed = rev, false, false, nil, "", nil
	b.setCase(c)
	b.notice = "Now showing the version saved in the other tab."
}

// keepMine saves this tab's version on top of the newer one. If the other
// tab saved yet again since the parent was asked, they are asked again.
func (b *caseBook) keepMine() {
	if b.other == nil {
		return
	}
	c, rev, err := b.store.Load(b.id)
	switch {
	case errors.Is(err, casestore.ErrNotFound):
		// Deleted in the other tab: keep this version as a new record.
		id, rev, err := b.store.Create(b.c)
		if err != nil {
			b.saveError = err.Error()
			return
		}
		b.id, b.rev = id, rev
		b.store.SetCurrent(id)
	case err != nil:
		b.saveError = err.Error()
		return
	case rev != b.other.Revision:
		s, _ := b.store.Summary(b.id)
		b.setConflict(&casestore.ConflictError{ID: b.id, Revision: rev, SavedAt: s.Updated, Case: c, ChildName: c.Child.FirstName})
		return
	default:
		calc.RecordIDs(&b.c, c) // the other tab's numbers stay given
		newRev, err := b.store.Save(b.id, b.c, rev)
		if ce, ok := errors.AsType[*casestore.ConflictError](err); ok {
			b.setConflict(ce)
			return
		}
		if err != nil {
			b.saveError = err.Error()
			return
		}
		b.rev = newRev
	}
	b.dirty, b.conflict, b.other, b.saveError, b.saved = false, false, nil, "", b.savedNow()
	b.notice = "Saved this tab's version."
}

// forgetAll empties the book after everything was deleted.
func (b *caseBook) forgetAll() {
	b.id, b.rev, b.c, b.draft, b.removed, b.index = "", 0, calc.Case{}, nil, nil, nil
	b.dirty, b.conflict, b.other, b.saveError, b.notice, b.saved = false, false, nil, "", "", time.Time{}
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
