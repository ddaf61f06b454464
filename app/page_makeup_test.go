//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"

	"provisiontracker/calc"
)

// Component tests of the make-up agreed question (/sessions/makeup?id=).

// newMakeUpPage opens the page as its address would.
func newMakeUpPage(id string) *makeUpPage {
	p := &makeUpPage{book: book}
	p.load(url.Values{"id": {id}})
	return p
}

// missedNow is calc's count of the provision's missed sessions not made
// up, as the sessions page shows it today.
func missedNow(t *testing.T, id string) int {
	t.Helper()
	pr, ok := book.provision(id)
	if !ok {
		t.Fatalf("no provision %q", id)
	}
	return calc.ProvisionLog(pr, calc.CalendarFor(book.current()), calc.Date{}, today()).Counts.MissedNotMadeUp
}

func TestMakeUpPageWithNoCase(t *testing.T) {
	logsBook(t, nil)
	p := newMakeUpPage("ot")
	if text := renderText(t, p); !strings.Contains(text, "Start a record first") {
		t.Errorf("without a record: %s", text)
	}
	p.count = "1"
	if p.save() {
		t.Error("saved with no record open")
	}
}

func TestMakeUpBadAnswers(t *testing.T) {
	logsSeedBook(t)
	missed := missedNow(t, "ot")
	if missed < 2 {
		t.Fatalf("the seed has %d missed sessions; the test needs some", missed)
	}
	p := newMakeUpPage("ot")
	if p.count != "0" {
		t.Errorf("the page starts with %q, want the saved 0", p.count)
	}
	if text := renderText(t, p); !strings.Contains(text, "Has the council agreed to make up any missed sessions in kind? How many?") ||
		!strings.Contains(text, "You have recorded "+itoa(missed)+" missed sessions that are not made up yet.") {
		t.Errorf("the question: %s", text)
	}
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"empty", func() { p.count = " " }, "make-up", "Enter how many, or 0 if the council has not agreed to make any up"},
		{"words", func() { p.count = "three" }, "make-up", "Enter a whole number, like 3"},
		{"part", func() { p.count = "1.5" }, "make-up", "Enter a whole number, like 3"},
		{"below 0", func() { p.count = "-1" }, "make-up", "Enter 0 or more"},
		{"more than missed", func() { p.count = itoa(missed + 1) }, "make-up",
			"You have recorded " + itoa(missed) + " missed sessions that are not made up yet. Enter " + itoa(missed) + " or fewer"},
	})
}

func TestMakeUpSavedLowersTheEstimate(t *testing.T) {
	logsSeedBook(t)
	now := today()
	before := calc.EstimateCase(book.current(), calc.DefaultRules(), now)
	p := newMakeUpPage("ot")
	p.count = "2"
	if !p.save() {
		t.Fatalf("not saved: %v", p.errs)
	}
	pr, _ := book.provision("ot")
	if pr.MakeUpAgreed != 2 {
		t.Fatalf("saved %d", pr.MakeUpAgreed)
	}
	after := calc.EstimateCase(book.current(), calc.DefaultRules(), now)
	if !after.Typical.LessThan(before.Typical) {
		t.Errorf("the estimate did not go down: %s then %s", before.Typical, after.Typical)
	}
	if text := strings.Join(strings.Fields(renderText(t, &sessionsPage{book: book})), " "); !strings.Contains(text, "The council agreed to make up 2 missed sessions in kind.") {
		t.Errorf("the sessions page does not say it: %s", text)
	}
	if q := newMakeUpPage("ot"); q.count != "2" {
		t.Errorf("shown back as %q", q.count)
	}
	// 0 clears it.
	p = newMakeUpPage("ot")
	p.count = "0"
	if !p.save() {
		t.Fatalf("0 not saved: %v", p.errs)
	}
	if pr, _ := book.provision("ot"); pr.MakeUpAgreed != 0 {
		t.Errorf("0 saved as %d", pr.MakeUpAgreed)
	}
}

func TestMakeUpWithNothingMissed(t *testing.T) {
	c := logsSeedCase(t)
	c.Plans[0].Provisions[0].CountPeriods = nil
	logsBook(t, &c)
	if n := missedNow(t, "ot"); n != 0 {
		t.Fatalf("%d missed", n)
	}
	p := newMakeUpPage("ot")
	p.count = "1"
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"make-up": "You have not recorded any missed sessions that are not made up yet"})
	p.count = "0"
	if !p.save() {
		t.Errorf("0 refused: %v", p.errs)
	}
}

// Only this answer is saved: sessions another tab recorded while the page
// was open stay, and the limit is checked against them.
func TestMakeUpSaveOnlyWhatWasChanged(t *testing.T) {
	c := logsSeedCase(t)
	other := twoTabs(t, c)
	p := newMakeUpPage("ot")
	missed := missedNow(t, "ot")
	// The other tab takes the missed sessions away: the page's limit
	// follows the latest record, so the old number is refused.
	other.change(func(c *calc.Case) { c.Plans[0].Provisions[0].CountPeriods = nil })
	p.count = itoa(missed)
	if p.save() || !strings.Contains(p.errs.of("make-up"), "You have not recorded any missed sessions") {
		t.Errorf("saved %d against the other tab's record: %v", missed, p.errs)
	}
	// The other tab puts them back and writes a note: this page's answer
	// is saved beside it.
	other.change(func(c *calc.Case) {
		c.Plans[0].Provisions[0].CountPeriods = logsSeedCase(t).Plans[0].Provisions[0].CountPeriods
		c.Plans[0].Provisions[0].Notes = "from the other tab"
	})
	p.count = "3"
	if !p.save() || book.dirty {
		t.Fatalf("not saved: %v (unsaved %v)", p.errs, book.dirty)
	}
	got := other.stored().Plans[0].Provisions[0]
	if got.MakeUpAgreed != 3 || got.Notes != "from the other tab" || len(got.CountPeriods) != 1 {
		t.Errorf("saved %+v", got)
	}
	// Help removed in another tab: nothing is saved, and the parent is told.
	other.change(func(c *calc.Case) { c.Plans[0].Provisions = nil })
	p.count = "1"
	if p.save() || !strings.Contains(p.errs.of("make-up"), "removed in another tab") {
		t.Errorf("saved into help that is gone: %v", p.errs)
	}
	if text := renderText(t, newMakeUpPage("ot")); !strings.Contains(text, "Help not found") {
		t.Errorf("the page for removed help: %s", text)
	}
}
