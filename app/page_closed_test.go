//go:build !js

package main

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// Component tests of closing a record (/closed) and opening it again.

func TestClosedPageWithNoCase(t *testing.T) {
	logsBook(t, nil)
	p := &closedPage{book: book}
	if text := renderText(t, p); !strings.Contains(text, "Start a record first") {
		t.Errorf("without a record: %s", text)
	}
	p.why, p.date = "restarted", dt("1", "2", "2024")
	if p.save() {
		t.Error("saved with no record open")
	}
}

func TestClosedBadAnswers(t *testing.T) {
	logsSeedBook(t)
	p := &closedPage{book: book}
	p.load()
	good := func() { p.why, p.other, p.date = "restarted", "", dt("19", "7", "2024") }
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"no reason", func() { good(); p.why = "" }, "why", "Choose how it stopped"},
		{"not a reason", func() { good(); p.why = "bored" }, "why", "Choose how it stopped"},
		{"other, not said", func() { good(); p.why = "other" }, "other-why", "Say what happened"},
		{"no date", func() { good(); p.date = dateText{} }, "date-day", "Enter the date it stopped"},
		{"month only", func() { good(); p.date = dt("", "7", "2024") }, "date-day", "The date it stopped must include a day"},
		{"future", func() { good(); p.date = future() }, "date-day", "The date it stopped must be today or in the past"},
		{"no such day", func() { good(); p.date = dt("30", "2", "2024") }, "date-day", "February 2024 has no day 30"},
	})
	// The box for "other" is there only when "other" is chosen.
	good()
	if strings.Contains(app.HTMLString(p), `id="other-why"`) {
		t.Error("the box for another reason shows when a listed reason is chosen")
	}
	p.why = "other"
	if !strings.Contains(app.HTMLString(p), `id="other-why"`) {
		t.Error("the box for another reason does not show when it is chosen")
	}
}

func TestClosedSaveShowReopen(t *testing.T) {
	logsSeedBook(t)
	now := today()
	before := calc.EstimateCase(book.current(), calc.DefaultRules(), now)
	p := &closedPage{book: book}
	p.load()
	p.why, p.date = "plan-ended", dt("15", "1", "2024")
	if !p.save() {
		t.Fatalf("not saved: %v", p.errs)
	}
	c := book.current()
	if c.Closed != calc.MustDate(2024, 1, 15) || c.ClosedWhy != "the plan ended" {
		t.Fatalf("saved %s %q", c.Closed, c.ClosedWhy)
	}
	// The page shows the saved answer again, and offers to reopen.
	q := &closedPage{book: book}
	q.load()
	if q.why != "plan-ended" || q.date != dt("15", "1", "2024") || q.other != "" {
		t.Errorf("the page shows %q %+v %q", q.why, q.date, q.other)
	}
	if text := renderText(t, q); !strings.Contains(text, "You said this stopped on 15 January 2024") || !strings.Contains(text, "Open the record again") {
		t.Errorf("the closed page: %s", text)
	}
	// The task list and summary say so, with calc's stop date.
	want := "This record is closed. It stopped on 15 January 2024: the plan ended. Deadlines and what is still missing stop on that day."
	for name, page := range map[string]app.Composer{"tasks": &tasksPage{book: book}, "summary": &summaryPage{book: book}} {
		if text := strings.Join(strings.Fields(renderText(t, page)), " "); !strings.Contains(text, want) {
			t.Errorf("the %s page does not say the record is closed: %s", name, text)
		}
	}
	// calc stops there: the estimate is the one on the day it closed.
	closed := calc.EstimateCase(c, calc.DefaultRules(), now)
	if want := calc.EstimateCase(c, calc.DefaultRules(), c.Closed); !closed.Typical.Equal(want.Typical) {
		t.Errorf("closed estimate %s, want the one on the day it closed %s", closed.Typical, want.Typical)
	}

	// A reason of the parent's own is kept as typed, and shown back.
	q.why, q.other = "other", "The council agreed a new plan"
	if !q.save() || book.current().ClosedWhy != "The council agreed a new plan" {
		t.Fatalf("own reason not saved: %v", q.errs)
	}
	q.load()
	if q.why != "other" || q.other != "The council agreed a new plan" {
		t.Errorf("shown back as %q %q", q.why, q.other)
	}

	// Opening it again clears both, and the task list offers to close it.
	q.clear()
	if c := book.current(); !c.Closed.IsZero() || c.ClosedWhy != "" {
		t.Errorf("still closed: %s %q", c.Closed, c.ClosedWhy)
	}
	if after := calc.EstimateCase(book.current(), calc.DefaultRules(), now); !after.Typical.Equal(before.Typical) {
		t.Errorf("reopened estimate %s, want the open one %s", after.Typical, before.Typical)
	}
	if text := renderText(t, &tasksPage{book: book}); strings.Contains(text, "This record is closed") || !strings.Contains(text, "Has the missing help stopped?") {
		t.Errorf("the task list after reopening: %s", text)
	}
}

// Only the answer changed on the page is saved: a reason another tab
// saved while the page was open stays when this page changes the date.
func TestClosedSaveOnlyWhatWasChanged(t *testing.T) {
	c := logsSeedCase(t)
	c.Closed, c.ClosedWhy = calc.MustDate(2024, 1, 15), "the plan ended"
	other := twoTabs(t, c)
	p := &closedPage{book: book}
	p.load()
	other.change(func(c *calc.Case) {
		c.ClosedWhy = "the help restarted in full"
		c.Notes = "written in the other tab"
	})
	p.date = dt("16", "1", "2024")
	if !p.save() || book.dirty {
		t.Fatalf("not saved: %v (unsaved %v)", p.errs, book.dirty)
	}
	got := other.stored()
	if got.Closed != calc.MustDate(2024, 1, 16) || got.ClosedWhy != "the help restarted in full" || got.Notes != "written in the other tab" {
		t.Errorf("saved %s %q %q; want this page's date and the other tab's reason and notes", got.Closed, got.ClosedWhy, got.Notes)
	}
	// Opening it again in this tab keeps the other tab's later notes.
	other.change(func(c *calc.Case) { c.Notes = "later notes" })
	p.clear()
	if got := other.stored(); !got.Closed.IsZero() || got.Notes != "later notes" {
		t.Errorf("after reopening: %s %q", got.Closed, got.Notes)
	}
}
