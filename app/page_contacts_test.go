//go:build !js

package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// The helpers below are shared by the tests of the contacts, delays,
// calendar and check pages (they read testdata, so they run natively).

const logsSeed = "../calc/testdata/seeds/notts-23-009-620.json"

// logsBook gives the app a fresh book on memory storage, with c as the
// open case (or no case when c is nil), and puts the old book back after
// the test.
func logsBook(t *testing.T, c *calc.Case) {
	t.Helper()
	old := book
	t.Cleanup(func() { book = old })
	s, err := casestore.Open(casestore.NewMemory(), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	book = &caseBook{store: s}
	if c != nil {
		if problems := book.start(*c); len(problems) > 0 {
			t.Fatalf("the case does not start: %v", problems)
		}
	}
}

// logsSeedCase reads the Nottinghamshire seed case.
func logsSeedCase(t *testing.T) calc.Case {
	t.Helper()
	data, err := os.ReadFile(logsSeed)
	if err != nil {
		t.Fatal(err)
	}
	c, err := calc.DecodeCaseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// logsSeedBook opens the seed case in a fresh book.
func logsSeedBook(t *testing.T) calc.Case {
	t.Helper()
	c := logsSeedCase(t)
	logsBook(t, &c)
	return c
}

// logsSaved returns the case file as stored, to show a failed answer
// changed nothing.
func logsSaved(t *testing.T) string {
	t.Helper()
	c, _, err := book.store.Load(book.id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := calc.EncodeCaseFile(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// logsWantErrors checks that errs holds a message for each field, with
// the words given.
func logsWantErrors(t *testing.T, errs formErrors, want map[string]string) {
	t.Helper()
	for field, msg := range want {
		if got := errs.of(field); !strings.Contains(got, msg) {
			t.Errorf("field %s: message %q, want one with %q (all: %v)", field, got, msg, errs)
		}
	}
}

// logsUnchanged runs a failing save and checks nothing was stored.
func logsUnchanged(t *testing.T, save func() bool) {
	t.Helper()
	before := logsSaved(t)
	if save() {
		t.Fatal("the save worked; it should have failed")
	}
	if after := logsSaved(t); after != before {
		t.Errorf("a failed save changed the stored case:\nbefore %s\nafter  %s", before, after)
	}
}

func dt(day, month, year string) dateText { return dateText{Day: day, Month: month, Year: year} }

func TestContactPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	for name, c := range map[string]app.Composer{"list": &contactsPage{book: book}, "entry": &contactPage{book: book}} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
}

func TestContactsListNewestFirstWithOverdueReply(t *testing.T) {
	c := logsSeedBook(t)
	text := renderText(t, &contactsPage{book: book})
	newest, oldest := strings.Index(text, "20 November 2023"), strings.Index(text, "4 April 2023")
	if newest < 0 || oldest < 0 || newest > oldest {
		t.Errorf("contacts not newest first:\n%s", text)
	}
	// calc says which replies are overdue: the panel promised for 8 June 2023 never came.
	overdue := 0
	for _, d := range calc.Deadlines(c, calc.CalendarFor(c), today()) {
		if strings.HasPrefix(d.Key, "contact_") && d.Status == calc.Overdue {
			overdue++
		}
	}
	if overdue != 1 || strings.Count(text, "Reply overdue") != overdue {
		t.Errorf("calc has %d overdue replies; the page shows %d:\n%s", overdue, strings.Count(text, "Reply overdue"), text)
	}
	for _, link := range []string{"/delays", "/plan/dates", "/deadlines", "/contact?new=1", "/contact?id=contact-2"} {
		if !strings.Contains(app.HTMLString(&contactsPage{book: book}), link) {
			t.Errorf("the contacts page has no link to %s", link)
		}
	}
}

func TestContactBadAnswersChangeNothing(t *testing.T) {
	logsSeedBook(t)
	p := &contactPage{book: book}
	p.load(map[string][]string{"new": {"1"}})
	p.date = dt("31", "2", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{
		"date": "The date must be a real date: February 2024 has no day 31",
		"kind": "Choose how you were in touch",
	})

	p.date, p.kind = dt("", "", ""), ""
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"date": "Enter the date you were in touch"})

	// calc's own check, shown by its field: a reply due before the contact.
	p.date, p.kind, p.replyDue = dt("10", "5", "2024"), "phone", dt("1", "5", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"reply-due": "The reply date must be after the contact date"})
	if len(p.errs) != 1 {
		t.Errorf("want one problem, got %v", p.errs)
	}
	if !strings.Contains(renderText(t, p), "There is a problem") {
		t.Error("no error summary on the page")
	}

	p.replyDue, p.replied = dt("", "", ""), dt("1", "1", "2099")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"replied": "must be today or in the past"})
}

func TestContactAddChangeRemoveUndo(t *testing.T) {
	logsSeedBook(t)
	p := &contactPage{book: book}
	p.load(map[string][]string{"new": {"1"}})
	p.date, p.kind, p.with = dt("3", "1", "2024"), "meeting", `<b>Head</b> & "SENCo" <script>alert(1)</script>`
	p.said = "We talked.\n<img src=x onerror=alert(1)>"
	if !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	list := book.current().Contacts
	if len(list) != 5 || list[4].With != `<b>Head</b> & "SENCo" <script>alert(1)</script>` {
		t.Fatalf("contact not added as typed: %+v", list)
	}
	html := app.HTMLString(&contactsPage{book: book})
	if strings.Contains(html, "<script>alert") || strings.Contains(html, "<img src=x") || strings.Contains(html, "<b>Head") {
		t.Errorf("typed HTML reached the page as HTML:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("typed text not shown literally:\n%s", html)
	}

	// Change it: the same entry, not a new one.
	p = &contactPage{book: book}
	p.load(map[string][]string{"id": {"contact-5"}})
	if !p.found || p.kind != "meeting" || p.date != dt("3", "1", "2024") {
		t.Fatalf("change page not filled in: %+v", p)
	}
	p.promised, p.replyDue = "A new provider", dt("17", "1", "2024")
	if !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	if got := book.current().Contacts; len(got) != 5 || got[4].Promised != "A new provider" {
		t.Fatalf("contact not changed: %+v", got)
	}

	// A contact that is not there.
	p = &contactPage{book: book}
	p.load(map[string][]string{"id": {"contact-9"}})
	if text := renderText(t, p); !strings.Contains(text, "could not find that contact") {
		t.Errorf("missing contact: %s", text)
	}

	// Remove, then Undo puts it back where it was.
	before := logsSaved(t)
	lp := &contactsPage{book: book}
	lp.remove(app.Context{}, "contact-2")
	if n := len(book.current().Contacts); n != 4 {
		t.Fatalf("%d contacts after removing one of 5", n)
	}
	if text := renderText(t, lp); !strings.Contains(text, "You removed the contact on 26 May 2023") {
		t.Errorf("no Undo notice: %s", text)
	}
	lp.undo(app.Context{}, app.Event{})
	if after := logsSaved(t); after != before {
		t.Errorf("Undo did not restore the contacts:\nbefore %s\nafter  %s", before, after)
	}
}
