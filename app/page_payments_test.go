//go:build !js

package main

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// withPayments is the seed case with two payments, given their stable IDs.
func withPayments(t *testing.T) calc.Case {
	c := logsSeedCase(t)
	c.Payments = []calc.Payment{
		{Amount: decimal.NewFromInt(150), WhatFor: "the missed therapy"},
		{Amount: decimal.NewFromInt(300), Offered: true, WhatFor: "distress"},
	}
	calc.AssignPaymentIDs(&c)
	return c
}

// A payment changed here and another answer of it, or another payment,
// changed in a second tab: each tab's change stays, by the payment's ID.
func TestPaymentsAcrossTabs(t *testing.T) {
	o := twoTabs(t, withPayments(t))
	first, second := book.current().Payments[0], book.current().Payments[1]
	p := &paymentPage{book: book}
	p.load(url.Values{"id": {second.ID}})
	o.change(func(c *calc.Case) {
		c.Payments[1].WhatFor = "distress and uncertainty" // the same payment, another answer
		c.Payments[0].Amount = decimal.NewFromInt(175)     // another payment
	})
	p.offered = "paid"
	if !p.save() {
		t.Fatalf("not saved: %v", p.errs)
	}
	got := o.stored().Payments
	if len(got) != 2 {
		t.Fatalf("%d payments, want 2", len(got))
	}
	if got[1].ID != second.ID || got[1].Offered || got[1].WhatFor != "distress and uncertainty" {
		t.Errorf("the offer marked paid here lost the other tab's words or was not marked: %+v", got[1])
	}
	if !got[0].Amount.Equal(decimal.NewFromInt(175)) {
		t.Errorf("the other tab's change to the first payment was lost: %+v", got[0])
	}

	// A new payment added here while the other tab removed one: both stay.
	o.change(func(c *calc.Case) { c.Payments = c.Payments[1:] })
	n := &paymentPage{book: book}
	n.load(url.Values{"new": {"1"}})
	n.amount, n.offered = "80", "paid"
	if !n.save() {
		t.Fatalf("the new payment was not saved: %v", n.errs)
	}
	got = o.stored().Payments
	if len(got) != 2 || got[0].ID != second.ID || !got[1].Amount.Equal(decimal.NewFromInt(80)) || got[1].ID == first.ID || got[1].ID == second.ID {
		t.Errorf("after a removal there and an add here: %+v", got)
	}

	// Removing a payment already removed in the other tab changes nothing.
	(&paymentsPage{book: book}).remove(app.Context{}, first.ID)
	if len(o.stored().Payments) != 2 {
		t.Errorf("removing a payment that was already gone changed the list: %+v", o.stored().Payments)
	}

	// The payment open here is removed there: saving says so and keeps what was typed.
	p = &paymentPage{book: book}
	p.load(url.Values{"id": {second.ID}})
	o.change(func(c *calc.Case) { c.Payments = c.Payments[1:] })
	p.whatFor = "typed after it was removed"
	if p.save() {
		t.Fatal("saved a payment that was removed in another tab")
	}
	if msg := p.errs.of("amount"); !strings.Contains(msg, "removed in another tab") || p.whatFor != "typed after it was removed" {
		t.Errorf("message %q, words %q", msg, p.whatFor)
	}
	if len(o.stored().Payments) != 1 {
		t.Errorf("the failed save changed the stored payments: %+v", o.stored().Payments)
	}
}

// The newest payment removed in one tab and a new one added there: the new
// payment gets a new id, so a page still open on the removed one in
// another tab cannot write into it.
func TestNewPaymentAfterTheNewestWasRemoved(t *testing.T) {
	o := twoTabs(t, withPayments(t))
	newest := book.current().Payments[1]
	stale := &paymentPage{book: book}
	stale.load(url.Values{"id": {newest.ID}})

	s, _ := casestore.Open(o.mem, time.Now)
	there := &caseBook{store: s}
	if err := there.switchTo(o.id); err != nil {
		t.Fatal(err)
	}
	(&paymentsPage{book: there}).remove(app.Context{}, newest.ID)
	n := &paymentPage{book: there}
	n.load(url.Values{"new": {"1"}})
	n.amount, n.offered, n.whatFor = "80", "paid", "transport"
	if !n.save() {
		t.Fatalf("the new payment was not saved: %v", n.errs)
	}
	got := o.stored().Payments
	if len(got) != 2 || got[1].ID == newest.ID {
		t.Fatalf("the new payment took the removed one's id %q: %+v", newest.ID, got)
	}

	stale.whatFor = "typed on the removed payment"
	if stale.save() {
		t.Fatal("the page open on the removed payment saved into another")
	}
	if got := o.stored().Payments; got[1].WhatFor != "transport" {
		t.Errorf("the new payment was changed from the other tab: %+v", got[1])
	}
	// After a reload the number stays given.
	if c := o.stored(); c.IDsGiven.Payment < 3 {
		t.Errorf("ids given after reload: %+v", c.IDsGiven)
	}
}

// Each bad answer gets its own message, next to its field, and nothing
// is stored.
func TestPaymentBadAnswers(t *testing.T) {
	o := twoTabs(t, withPayments(t))
	for _, tc := range []struct {
		name, amount, day, month, year string
		field, want                    string
	}{
		{"no amount", "", "", "", "", "amount", "Enter how much"},
		{"not money", "lots", "", "", "", "amount", "The amount"},
		{"date to come", "50", "1", "1", strconv.Itoa(time.Now().Year() + 1), "date-day", "today or in the past"},
		{"no such day", "50", "31", "2", "2024", "date-day", "The date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &paymentPage{book: book}
			p.load(url.Values{"new": {"1"}})
			p.amount, p.date = tc.amount, dateText{Day: tc.day, Month: tc.month, Year: tc.year}
			if p.save() {
				t.Fatal("saved a bad answer")
			}
			if msg := p.errs.of(tc.field); !strings.Contains(msg, tc.want) {
				t.Errorf("%s says %q, want it to say %q", tc.field, msg, tc.want)
			}
			if n := len(o.stored().Payments); n != 2 {
				t.Errorf("%d payments stored after a refused save, want 2", n)
			}
		})
	}
}
