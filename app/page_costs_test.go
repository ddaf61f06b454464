//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// Component tests of the parent's own costs: the list (/costs) and the
// page for one cost (/cost?new=1, /cost?id=...).

func TestCostPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	for name, c := range map[string]app.Composer{"list": &costsPage{book: book}, "entry": &costPage{book: book}} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
	if (&costPage{book: book, found: true, amount: "10", whatFor: "taxis", receipts: "yes"}).save() {
		t.Error("a cost was saved with no record open")
	}
}

// newCostPage opens the cost page as its address would.
func newCostPage(q string) *costPage {
	p := &costPage{book: book}
	v, _ := url.ParseQuery(q)
	p.load(v)
	return p
}

func TestCostBadAnswers(t *testing.T) {
	logsSeedBook(t)
	p := newCostPage("new=1")
	good := func() { p.whatFor, p.amount, p.date, p.receipts = "taxis", "45", dateText{}, "yes" }
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"nothing said for what", func() { good(); p.whatFor = "  " }, "what-for", "Say what you paid for"},
		{"no amount", func() { good(); p.amount = "" }, "amount", "Enter how much you paid, for example 45"},
		{"not money", func() { good(); p.amount = "lots" }, "amount", "The amount: "},
		{"nothing", func() { good(); p.amount = "0" }, "amount", "The amount must be more than £0"},
		{"too many pence", func() { good(); p.amount = "4.555" }, "amount", "The amount: "},
		{"future", func() { good(); p.date = future() }, "date-day", "The date must be today or in the past"},
		{"no such day", func() { good(); p.date = dt("31", "2", "2024") }, "date-day", "February 2024 has no day 31"},
		{"receipts not answered", func() { good(); p.receipts = "" }, "receipts", "Choose yes if you kept receipts"},
	})
	// Each message is beside its own box.
	good()
	p.amount, p.receipts = "", ""
	p.save()
	html := app.HTMLString(p)
	if !strings.Contains(html, `id="error-summary"`) || !strings.Contains(openingTag(html, `id="amount"`), "input-error") {
		t.Errorf("no summary or inline error:\n%s", html)
	}
}

func TestCostAddChangeRemove(t *testing.T) {
	logsSeedBook(t)
	if text := renderText(t, &costsPage{book: book}); !strings.Contains(text, "You have not added any costs.") || !strings.Contains(text, "Add a cost") {
		t.Errorf("an empty list: %s", text)
	}
	p := newCostPage("new=1")
	p.whatFor, p.amount, p.date, p.receipts = "taxis to school", "1,234.50", dt("", "3", "2024"), "yes"
	if !p.save() {
		t.Fatalf("not saved: %v", p.errs)
	}
	p = newCostPage("new=1")
	p.whatFor, p.amount, p.receipts = "a private report", "300", "no"
	if !p.save() {
		t.Fatalf("not saved: %v", p.errs)
	}
	costs := book.current().ParentCosts
	if len(costs) != 2 || costs[0].ID != "cost-1" || costs[1].ID != "cost-2" || !costs[0].Amount.Equal(decimal.RequireFromString("1234.5")) ||
		!costs[0].Receipts || costs[1].Receipts || costs[0].Date != march2024(t) {
		t.Fatalf("saved %+v", costs)
	}
	text := strings.Join(strings.Fields(renderText(t, &costsPage{book: book})), " ")
	for _, want := range []string{"£1,234.50 for taxis to school in March 2024", "£300.00 for a private report", "Add another cost", "Receipts kept Yes"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list does not say %q: %s", want, text)
		}
	}
	// calc prices it: the estimate has a line for each cost.
	e := calc.EstimateCase(book.current(), calc.DefaultRules(), today())
	n := 0
	for _, l := range e.Lines {
		if l.Kind == calc.LineParentCosts {
			n++
		}
	}
	if n != 2 {
		t.Errorf("the estimate has %d lines for the parent's costs, want 2", n)
	}

	// Change the first by its id: the page shows it as saved.
	p = newCostPage("id=cost-1")
	if !p.found || p.amount != "1234.50" || p.whatFor != "taxis to school" || p.receipts != "yes" || p.date != dt("", "3", "2024") {
		t.Fatalf("the page shows %+v", p)
	}
	p.receipts = "no"
	if !p.save() || book.current().ParentCosts[0].Receipts {
		t.Fatalf("change not saved: %v", p.errs)
	}
	// Remove the first; the second keeps its id.
	(&costsPage{book: book}).remove(app.Context{}, "cost-1")
	if costs := book.current().ParentCosts; len(costs) != 1 || costs[0].ID != "cost-2" {
		t.Fatalf("after removing: %+v", costs)
	}
	// A cost no longer there shows "not found", and cannot be saved.
	p = newCostPage("id=cost-1")
	if text := renderText(t, p); !strings.Contains(text, "Cost not found") || !strings.Contains(text, "Nothing you saved has been lost") {
		t.Errorf("a removed cost: %s", text)
	}
	before := logsSaved(t)
	(&costsPage{book: book}).remove(app.Context{}, "cost-1")
	if logsSaved(t) != before {
		t.Error("removing a cost that is gone changed the record")
	}
}

// Only the answers changed on the page are saved: another tab's change to
// another answer of the same cost, and a cost it added, stay.
func TestCostSaveOnlyWhatWasChanged(t *testing.T) {
	c := logsSeedCase(t)
	c.ParentCosts = []calc.ParentCost{{ID: "cost-1", Amount: decimal.RequireFromString("50"), WhatFor: "taxis"}}
	other := twoTabs(t, c)
	p := newCostPage("id=cost-1")
	other.change(func(c *calc.Case) {
		c.ParentCosts[0].WhatFor = "taxis to the clinic"
		c.ParentCosts = append(c.ParentCosts, calc.ParentCost{ID: "cost-2", Amount: decimal.RequireFromString("20"), WhatFor: "bus"})
	})
	p.amount, p.receipts = "60", "yes"
	if !p.save() || book.dirty {
		t.Fatalf("not saved: %v (unsaved %v)", p.errs, book.dirty)
	}
	got := other.stored().ParentCosts
	if len(got) != 2 || got[0].WhatFor != "taxis to the clinic" || !got[0].Amount.Equal(decimal.RequireFromString("60")) || !got[0].Receipts || got[1].ID != "cost-2" {
		t.Errorf("saved %+v; want this page's amount and receipts, the other tab's words and its new cost", got)
	}
	// The other tab removes it while this page is open: nothing is saved,
	// and the parent is told.
	p = newCostPage("id=cost-1")
	other.change(func(c *calc.Case) { c.ParentCosts = c.ParentCosts[1:] })
	p.amount = "70"
	if p.save() || !strings.Contains(p.errs.of("what-for"), "removed in another tab") {
		t.Errorf("saved a cost removed in another tab: %v", p.errs)
	}
	if got := other.stored().ParentCosts; len(got) != 1 || got[0].ID != "cost-2" {
		t.Errorf("stored %+v", got)
	}
}

func march2024(t *testing.T) calc.Date {
	m, err := calc.NewMonth(2024, 3)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
