package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// paymentsPage lists the money the council has already paid or offered:
// the estimate takes what was paid off what is still owed, and the letters
// say what was offered.
type paymentsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *paymentsPage) OnNav(ctx app.Context) { p.book.open() }

func (p *paymentsPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	list := p.book.current().Payments
	content := []app.UI{
		elP().Text("Has the council already paid you money, or offered to, to put things right? " +
			"Add each payment or offer here. We take what was paid off what we work out is still owed, so nothing is asked for twice."),
	}
	if len(list) == 0 {
		content = append(content, elP().Class("empty").Text("You have not added any payments or offers."))
	}
	add := "Add a payment or offer"
	if len(list) > 0 {
		add = "Add another payment or offer"
	}
	content = append(content,
		elUl().Class("summary-cards").Body(elRange(list).Slice(func(i int) app.UI {
			return paymentCard(list[i], p.remove)
		})),
		elDiv().Class("actions").Body(
			elA().Class("button button-secondary").Href(pagePath("/payment?new=1")).Text(add),
		),
		elDiv().Class("actions").Body(
			elA().Class("button").Href(pagePath("/tasks")).Text("Back to the record"),
		),
	)
	return newPage(p.book, "Money the council has paid or offered", content...).backTo("/tasks")
}

// paymentTitle names a payment the way the parent knows it.
func paymentTitle(pm calc.Payment) string {
	s := calc.FormatMoney(pm.Amount) + " paid"
	if pm.Offered {
		s = calc.FormatMoney(pm.Amount) + " offered"
	}
	if !pm.Date.IsZero() {
		s += " " + pm.Date.On()
	}
	return s
}

// paymentCard shows one payment with Change and Remove. What the parent
// typed goes in through Text, so it shows exactly as typed.
func paymentCard(pm calc.Payment, remove func(ctx app.Context, id string)) app.UI {
	name := " " + paymentTitle(pm)
	return elLi().Class("card").Body(
		elH2().Class("card-title").Text(paymentTitle(pm)),
		elIf(pm.WhatFor != "", func() app.UI { return summaryList([]summaryRow{{Key: "What it is for", Value: pm.WhatFor}}) }),
		changeOrRemove("/payment?id="+url.QueryEscape(pm.ID), name, func(ctx app.Context) { remove(ctx, pm.ID) }),
	)
}

// remove takes the payment with this id out of the latest saved record;
// one already gone (removed in another tab) changes nothing.
func (p *paymentsPage) remove(ctx app.Context, id string) {
	p.book.refresh()
	p.book.change(func(c *calc.Case) {
		for i, pm := range c.Payments {
			if pm.ID == id {
				c.Payments = append(c.Payments[:i:i], c.Payments[i+1:]...)
				return
			}
		}
	})
}

// paymentPage adds or changes one payment or offer, addressed by its id.
type paymentPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	id      string // "" for a new payment
	found   bool
	amount  string
	date    dateText
	whatFor string
	offered string // "paid" or "offered"
	base    calc.Payment
	errs    formErrors
}

var paymentKinds = []option{
	{"paid", "The council has paid it", ""},
	{"offered", "The council has offered it, but not paid it yet", "We say in the letters what was offered, and do not take it off."},
}

func paidOrOffered(pm calc.Payment) string {
	if pm.Offered {
		return "offered"
	}
	return "paid"
}

func (p *paymentPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

func (p *paymentPage) load(q url.Values) {
	*p = paymentPage{Compo: p.Compo, book: p.book, offered: "paid", found: q.Get("new") != ""}
	if p.found || !p.book.hasCase() {
		return
	}
	for _, pm := range p.book.current().Payments {
		if id := q.Get("id"); id != "" && pm.ID == id {
			p.id, p.found, p.base = id, true, pm
			p.amount, p.date, p.whatFor, p.offered = pm.Amount.StringFixed(2), dateTextOf(pm.Date), pm.WhatFor, paidOrOffered(pm)
		}
	}
}

func (p *paymentPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if !p.found {
		return newPage(p.book, "Payment not found",
			elP().Text("We could not find that payment. It may have been removed in another tab. Nothing you saved has been lost."),
			elA().Class("button").Href(pagePath("/payments")).Text("Go to the payments"),
		)
	}
	return newQuestionPage(p.book, "A payment or offer from the council", "/payments", p.errs,
		questionForm(p.submit, "",
			elH1().Class("question").Text("A payment or offer from the council"),
			textField{ID: "amount", Label: "How much?", Width: "short", InputMode: "decimal", Prefix: "£",
				Value: &p.amount, Error: p.errs.of("amount")}.render(&p.Compo),
			radioField{ID: "offered", Legend: "Has it been paid?", Options: paymentKinds, Value: &p.offered,
				Error: p.errs.of("offered")}.render(&p.Compo),
			dateField{ID: "date", Legend: "When? (optional)", Hint: "The date it was paid or offered. " + monthHint,
				Value: &p.date, Error: p.errs.of("date")}.render(&p.Compo),
			textField{ID: "what-for", Label: "What is it for? (optional)", Hint: "For example: the missed speech and language therapy.",
				Value: &p.whatFor, Error: p.errs.of("what-for")}.render(&p.Compo),
		),
	)
}

func (p *paymentPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/payments")
}

// save checks the answers and writes the ones changed into the latest
// saved record: a new payment, or this one found by its id. It reports
// false, with each problem by its field and nothing stored, when one is
// wrong.
func (p *paymentPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() || !p.found {
		return false
	}
	var mine calc.Payment
	var msg string
	if strings.TrimSpace(p.amount) == "" {
		msg = "Enter how much, for example 250"
	} else {
		mine.Amount, msg = parsePounds(p.amount, "The amount")
	}
	if msg != "" {
		p.errs.add("amount", msg)
	}
	if mine.Date, msg = p.date.parseMonthOK("The date"); msg == "" && mine.Date.After(today()) {
		msg = "The date must be today or in the past"
	}
	if msg != "" {
		p.errs.add("date-day", msg)
	}
	mine.WhatFor, mine.Offered = strings.TrimSpace(p.whatFor), p.offered == "offered"
	if len(p.errs) > 0 {
		return false
	}
	p.book.refresh()
	at := -1
	problems := p.book.change(func(c *calc.Case) {
		if p.id == "" {
			c.Payments = append(c.Payments, mine)
			calc.AssignPaymentIDs(c)
			at = len(c.Payments) - 1
			return
		}
		for i := range c.Payments {
			if pm := &c.Payments[i]; pm.ID == p.id {
				// Only what was changed here: another tab's change to
				// another answer of this payment stays.
				if !mine.Amount.Equal(p.base.Amount) {
					pm.Amount = mine.Amount
				}
				if mine.Date != p.base.Date {
					pm.Date = mine.Date
				}
				if mine.WhatFor != p.base.WhatFor {
					pm.WhatFor = mine.WhatFor
				}
				if mine.Offered != p.base.Offered {
					pm.Offered = mine.Offered
				}
				at = i
				return
			}
		}
	})
	gone := at < 0
	if gone {
		p.errs.add("amount", "This payment was removed in another tab. Go back to the payments to add it again.")
		return false
	}
	path := "payments[" + itoa(at) + "]"
	p.errs = errorsFrom(problems, "amount", map[string]string{
		path + ".amount": "amount", path + ".date": "date-day", path + ".what_for": "what-for"})
	return len(p.errs) == 0
}
