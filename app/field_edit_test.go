//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// otherTab is a second tab of the app on the same storage: it saves
// without this tab's book knowing, as when its storage event is late.
type otherTab struct {
	t   *testing.T
	s   *casestore.Store
	id  string
	mem *casestore.Memory // the storage both tabs share
}

// twoTabs opens c in the book and returns the other tab.
func twoTabs(t *testing.T, c calc.Case) otherTab {
	t.Helper()
	mem := casestore.NewMemory()
	id := freshBook(t, mem, c)
	s, err := casestore.Open(mem, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	return otherTab{t, s, id, mem}
}

// change saves an edit of the latest stored case from the other tab.
func (o otherTab) change(edit func(c *calc.Case)) {
	o.t.Helper()
	c, rev, err := o.s.Load(o.id)
	if err != nil {
		o.t.Fatal(err)
	}
	edit(&c)
	if _, err := o.s.Save(o.id, c, rev); err != nil {
		o.t.Fatal(err)
	}
}

// stored is the case as saved now.
func (o otherTab) stored() calc.Case {
	o.t.Helper()
	c, _, err := o.s.Load(o.id)
	if err != nil {
		o.t.Fatal(err)
	}
	return c
}

func recordsOf(c calc.Case, id string) []calc.Outcome {
	for _, p := range provisionsOf(c) {
		if p.ID == id {
			return p.Outcomes
		}
	}
	return nil
}

// openDraft follows the Change link of a provision's wording.
func openDraft(t *testing.T, id string) *provisionWordingPage {
	t.Helper()
	(&provisionsPage{book: book}).OnNav(app.Context{})
	w := &provisionWordingPage{provisionStep: provisionStep{book: book}}
	w.load(url.Values{"id": {id}})
	if book.draft == nil || book.draft.ID != id {
		t.Fatalf("no draft of %s", id)
	}
	return w
}

var twoMissed = []calc.Outcome{
	{Date: calc.MustDate(2023, 3, 6), Status: calc.StatusMissed},
	{Date: calc.MustDate(2023, 3, 13), Status: calc.StatusMissed},
}

// Saving help keeps the session records marked while it was open, in this
// tab (the log, then Back) or in another.
func TestSavingHelpKeepsItsSessionRecords(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mark   func(o otherTab)
		reword bool
	}{
		{"marked in this tab's log, wording changed", func(otherTab) {
			book.changeOutcomes("ot", func(outs []calc.Outcome) []calc.Outcome { return append(outs, twoMissed...) })
		}, true},
		{"marked in another tab, saved unchanged", func(o otherTab) {
			o.change(func(c *calc.Case) { c.Plans[0].Provisions[0].Outcomes = twoMissed })
		}, false},
		{"marked in another tab, wording changed", func(o otherTab) {
			o.change(func(c *calc.Case) { c.Plans[0].Provisions[0].Outcomes = twoMissed })
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := twoTabs(t, logsSeedCase(t))
			w := openDraft(t, "ot")
			if tc.reword {
				w.wording = "New words"
				if !w.save() {
					t.Fatal(w.errs)
				}
			}
			tc.mark(o)
			check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
			check.load(url.Values{})
			if !check.save() {
				t.Fatalf("not saved: %v %v", check.errs, book.draftClash)
			}
			got := o.stored()
			if n := len(recordsOf(got, "ot")); n != 2 {
				t.Errorf("%d session records after saving the help, want 2", n)
			}
			if tc.reword && got.Plans[0].Provisions[0].Wording != "New words" {
				t.Errorf("wording %q, want the new words", got.Plans[0].Provisions[0].Wording)
			}
		})
	}
}

// When the day and the weeks clash, the parent is shown them in words,
// not as the file stores them ("saturday", "all_year").
func TestDayClashIsInWords(t *testing.T) {
	o := twoTabs(t, logsSeedCase(t))
	openDraft(t, "ot")
	weeks := &provisionWeeksPage{provisionStep: provisionStep{book: book}}
	weeks.load(url.Values{})
	weeks.weeks, weeks.weekday = string(calc.AllYear), "saturday"
	if !weeks.save() {
		t.Fatalf("not saved: %v", weeks.errs)
	}
	o.change(func(c *calc.Case) {
		c.Plans[0].Provisions[0].Weekdays = []string{"sunday"}
		c.Plans[0].Provisions[0].Weeks = calc.AllYear
	})
	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{})
	if check.save() {
		t.Fatal("saved over the other tab's day")
	}
	text := strings.Join(strings.Fields(renderText(t, check)), " ")
	for _, must := range []string{"Yours: Saturday", "Saved: Sunday"} {
		if !strings.Contains(text, must) {
			t.Errorf("the check page does not say %q: %s", must, text)
		}
	}
	if strings.Contains(text, "all_year") || strings.Contains(text, "saturday") {
		t.Errorf("the check page shows the stored words: %s", text)
	}
}

// An answer changed both here and in another tab is not overwritten: the
// check page shows both and the parent chooses.
func TestHelpChangedInBothTabs(t *testing.T) {
	for _, keepMine := range []bool{true, false} {
		o := twoTabs(t, logsSeedCase(t))
		w := openDraft(t, "ot")
		w.wording = "Mine"
		w.save()
		o.change(func(c *calc.Case) {
			c.Plans[0].Provisions[0].Wording = "Theirs"
			c.Plans[0].Provisions[0].Provider = "Company B" // not changed here: kept
		})
		check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
		check.load(url.Values{})
		if check.save() {
			t.Fatal("saved over the other tab's wording")
		}
		if len(book.draftClash) != 1 || book.draftClash[0].Mine != "Mine" || book.draftClash[0].Saved != "Theirs" {
			t.Fatalf("clashes %+v", book.draftClash)
		}
		if got := o.stored().Plans[0].Provisions[0].Wording; got != "Theirs" {
			t.Fatalf("stored %q while the parent was asked", got)
		}
		text := strings.Join(strings.Fields(renderText(t, check)), " ")
		for _, must := range []string{"changed somewhere else", "Yours: Mine", "Saved: Theirs", "Keep yours", "Keep the saved answers"} {
			if !strings.Contains(text, must) {
				t.Errorf("the check page does not say %q", must)
			}
		}
		want := "Theirs"
		if keepMine {
			check.resolve(true)
			want = "Mine"
		} else {
			check.resolve(false)
		}
		p := o.stored().Plans[0].Provisions[0]
		if p.Wording != want || p.Provider != "Company B" {
			t.Errorf("keep mine %v: stored %q by %q, want %q by Company B", keepMine, p.Wording, p.Provider, want)
		}
		if book.draft != nil {
			t.Errorf("keep mine %v: the draft is still open", keepMine)
		}
	}
}

// Help removed in another tab is not brought back by saving a change.
func TestHelpRemovedInAnotherTab(t *testing.T) {
	o := twoTabs(t, logsSeedCase(t))
	w := openDraft(t, "ot")
	w.wording = "Mine"
	w.save()
	o.change(func(c *calc.Case) {
		c.Plans[0].Provisions = nil
	})
	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{})
	if check.save() || !strings.Contains(check.errs.of("main"), "removed in another tab") {
		t.Fatalf("saved help that was removed: %v", check.errs)
	}
	if _, ok := book.provision("ot"); ok {
		t.Error("the removed help is back")
	}
}

// The letter details form saves only the boxes the parent changed: the
// other tab's text in another box stays; the same box changed in both is
// shown and the parent chooses.
func TestLetterDetailsInTwoTabs(t *testing.T) {
	o := twoTabs(t, logsSeedCase(t))
	p := &letterDetailsPage{book: book}
	p.load()
	o.change(func(c *calc.Case) { c.Letter.School = "Hill Top School"; c.Letter.Extra = "Theirs" })
	p.impact, p.extra = "My words about the impact", "Mine"
	if p.save() {
		t.Fatal("saved over the other tab's text in the same box")
	}
	if len(p.clashes) != 1 || p.clashes[0].Name != "Anything else" {
		t.Fatalf("clashes %+v", p.clashes)
	}
	if l := o.stored().Letter; l.Impact != "" || l.Extra != "Theirs" {
		t.Fatalf("stored %+v while the parent was asked", l)
	}
	if !p.resolve(false) {
		t.Fatal(p.errs)
	}
	l := o.stored().Letter
	if l.School != "Hill Top School" || l.Impact != "My words about the impact" || l.Extra != "Theirs" || p.extra != "Theirs" {
		t.Errorf("after keeping the saved text: %+v (box shows %q)", l, p.extra)
	}
	// Again, keeping this tab's text.
	o.change(func(c *calc.Case) { c.Letter.Extra = "Theirs again" })
	p.extra = "Mine again"
	if p.save() || !p.resolve(true) {
		t.Fatalf("no clash, or keeping mine failed: %v %v", p.clashes, p.errs)
	}
	if l := o.stored().Letter; l.Extra != "Mine again" || l.School != "Hill Top School" {
		t.Errorf("after keeping this tab's text: %+v", l)
	}
}

// Contacts are changed and removed by id: after another tab removed one,
// Change on the 8 November contact changes that one, Remove removes the
// card pressed, and a contact removed meanwhile is said to be gone.
func TestContactsByIDAcrossTabs(t *testing.T) {
	o := twoTabs(t, logsSeedCase(t))
	nov8 := book.current().Contacts[2]
	if nov8.Date != calc.MustDate(2023, 11, 8) || nov8.ID == "" {
		t.Fatalf("the seed's third contact is %+v", nov8)
	}
	p := &contactPage{book: book}
	p.load(url.Values{"id": {nov8.ID}})
	o.change(func(c *calc.Case) { c.Contacts = c.Contacts[1:] }) // removes 4 April
	p.promised = "An update by Friday"
	if !p.save() {
		t.Fatalf("not saved: %v %v gone %v", p.errs, p.clashes, p.gone)
	}
	got := o.stored().Contacts
	if len(got) != 3 {
		t.Fatalf("%d contacts, want 3", len(got))
	}
	for _, ct := range got {
		if (ct.Promised == "An update by Friday") != (ct.Date == nov8.Date) {
			t.Errorf("the change went to the wrong contact: %+v", ct)
		}
	}
	// Remove the 20 November card while this tab still has 4 contacts on screen.
	nov20 := got[2]
	lp := &contactsPage{book: book}
	lp.remove(app.Context{}, nov20.ID)
	for _, ct := range o.stored().Contacts {
		if ct.ID == nov20.ID {
			t.Error("the 20 November contact was not removed")
		}
	}
	if n := len(o.stored().Contacts); n != 2 {
		t.Errorf("%d contacts after removing one of 3", n)
	}
	// Another tab removes the contact open here: saving says so, and keeps the words.
	p = &contactPage{book: book}
	p.load(url.Values{"id": {nov8.ID}})
	o.change(func(c *calc.Case) { c.Contacts = c.Contacts[:1] })
	p.said = "Typed after it was removed"
	if p.save() || !p.gone {
		t.Fatal("saved a contact that was removed")
	}
	if !strings.Contains(renderText(t, p), "removed in another tab") || p.said != "Typed after it was removed" {
		t.Error("the page does not say the contact is gone, or lost what was typed")
	}
	if p.id, p.gone, p.base = "", false, (calc.Contact{}); !p.save() {
		t.Fatal("saving it as a new contact failed")
	}
	if got := o.stored().Contacts; len(got) != 2 || got[1].Said != "Typed after it was removed" || got[1].ID == got[0].ID {
		t.Errorf("saved as new: %+v", got)
	}
}

// fullStorage refuses every write while full, as a browser does when the
// site's storage is used up.
type fullStorage struct {
	*casestore.Memory
	full bool
}

func (f *fullStorage) Set(k, v string) error {
	if f.full {
		return casestore.ErrStorageFull
	}
	return f.Memory.Set(k, v)
}

// "Update now" with a change storage refused: the change is carried
// through the reload and saved once storage takes it; nothing is lost.
func TestUpdateKeepsAnUnsavedChange(t *testing.T) {
	st := &fullStorage{Memory: casestore.NewMemory()}
	c := logsSeedCase(t)
	freshBook(t, st.Memory, c)
	s, _ := casestore.Open(st, time.Now)
	book.store = s
	if book.hasUnsaved() {
		t.Fatal("unsaved before any change")
	}
	st.full = true
	book.change(func(c *calc.Case) { c.Child.FirstName = "Typed while full" })
	if !book.dirty || !book.hasUnsaved() {
		t.Fatal("a refused save is not counted as unsaved")
	}
	if !book.keepForUpdate() {
		t.Fatal("the change could not be carried")
	}
	st.full = false
	// The page reloads: a new book on the same storage.
	book = &caseBook{}
	s2, _ := casestore.Open(st, time.Now)
	book.store = s2
	book.switchTo(s2.Current())
	book.takeCarry()
	if book.current().Child.FirstName != "Typed while full" || book.dirty {
		t.Fatalf("after the update: %q, dirty %v", book.current().Child.FirstName, book.dirty)
	}
	stored, _, _ := s2.Load(book.id)
	if stored.Child.FirstName != "Typed while full" {
		t.Errorf("stored %q", stored.Child.FirstName)
	}
	if !strings.Contains(book.notice, "saved") {
		t.Errorf("notice %q", book.notice)
	}
}

// Help being changed counts as unsaved (the page warns before closing).
func TestDraftCountsAsUnsaved(t *testing.T) {
	twoTabs(t, logsSeedCase(t))
	w := openDraft(t, "ot")
	if book.hasUnsaved() {
		t.Error("an untouched draft counts as unsaved")
	}
	w.wording = "New words"
	w.save()
	if !book.hasUnsaved() {
		t.Error("a changed draft is not counted as unsaved")
	}
}

// Two tabs saving within the moment a browser takes to pass one tab's
// storage writes to the other can both pass the revision check; the
// second write then replaces the first. The tab whose save was written
// over keeps its version on screen as unsaved and asks the parent which
// to keep, instead of losing it without a word.
func TestASaveWrittenOverByAnotherTabIsNotLostSilently(t *testing.T) {
	mem := casestore.NewMemory()
	c := logsSeedCase(t)
	id := freshBook(t, mem, c)
	// The other tab's copy of storage, as it was before this tab saves.
	lagging := casestore.NewMemory()
	keys, _ := mem.Keys()
	for _, k := range keys {
		v, _, _ := mem.Get(k)
		lagging.Set(k, v)
	}
	other, err := casestore.Open(lagging, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if problems := book.change(func(c *calc.Case) { c.Child.FirstName = "Rowan" }); len(problems) > 0 || book.dirty {
		t.Fatalf("this tab's save: %v, unsaved %v", problems, book.dirty)
	}
	theirs, rev, _ := other.Load(id)
	theirs.Child.DateOfBirth = calc.MustDate(2014, 7, 3)
	if _, err := other.Save(id, theirs, rev); err != nil {
		t.Fatal(err) // it cannot see this tab's save yet
	}
	// The other tab's writes reach storage after this tab's.
	keys, _ = lagging.Keys()
	for _, k := range keys {
		if v, _, _ := lagging.Get(k); strings.HasPrefix(k, casestore.Prefix+"case:") {
			mem.Set(k, v)
		}
	}
	book.otherTabChanged(casestore.Prefix + "case:" + id)
	if book.current().Child.FirstName != "Rowan" || !book.dirty || book.other == nil {
		t.Fatalf("after its save was written over, this tab shows %q, unsaved %v, asking %v",
			book.current().Child.FirstName, book.dirty, book.other != nil)
	}
	book.keepMine()
	stored, _ := casestore.Open(mem, time.Now)
	got, _, _ := stored.Load(id)
	if got.Child.FirstName != "Rowan" || book.dirty {
		t.Errorf("after Keep mine the record says %q (unsaved %v)", got.Child.FirstName, book.dirty)
	}
}
