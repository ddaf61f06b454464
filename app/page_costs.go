package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// costsPage lists the money the parent spent because help was missing
// (taxis, a private report, a tutor): the Ombudsman can ask the council
// to pay it back, and the estimate shows each one as calc prices it.
type costsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *costsPage) OnNav(ctx app.Context) { p.book.open() }

func (p *costsPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	list := p.book.current().ParentCosts
	content := []app.UI{
		elP().Text("Did you pay for anything yourself because the help was missing? For example taxis to school, " +
			"a private report or a tutor. Add each one here. The council can be asked to pay it back."),
		elP().Text("Sessions you paid for in place of a missed one go in the sessions instead, so they are not counted twice."),
	}
	if len(list) == 0 {
		content = append(content, elP().Class("empty").Text("You have not added any costs."))
	}
	add := "Add a cost"
	if len(list) > 0 {
		add = "Add another cost"
	}
	content = append(content,
		elUl().Class("summary-cards").Body(elRange(list).Slice(func(i int) app.UI {
			return costCard(list[i], p.remove)
		})),
		elDiv().Class("actions").Body(
			elA().Class("button button-secondary").Href(pagePath("/cost?new=1")).Text(add),
		),
		elDiv().Class("actions").Body(
			elA().Class("button").Href(pagePath("/tasks")).Text("Back to the record"),
		),
	)
	return newPage(p.book, "Money you spent yourself", content...).backTo("/tasks")
}

// costTitle names a cost the way the parent knows it.
func costTitle(pc calc.ParentCost) string {
	s := calc.FormatMoney(pc.Amount)
	if pc.WhatFor != "" {
		s += " for " + pc.WhatFor
	}
	if !pc.Date.IsZero() {
		s += " " + pc.Date.On()
	}
	return s
}

// costCard shows one cost with Change and Remove. What the parent typed
// goes in through Text, so it shows exactly as typed.
func costCard(pc calc.ParentCost, remove func(ctx app.Context, id string)) app.UI {
	name := " " + costTitle(pc)
	receipts := "No"
	if pc.Receipts {
		receipts = "Yes"
	}
	return elLi().Class("card").Body(
		elH2().Class("card-title").Text(costTitle(pc)),
		summaryList([]summaryRow{{Key: "Receipts kept", Value: receipts}}),
		changeOrRemove("/cost?id="+url.QueryEscape(pc.ID), name, func(ctx app.Context) { remove(ctx, pc.ID) }),
	)
}

// remove takes the cost with this id out of the latest saved record; one
// already gone (removed in another tab) changes nothing.
func (p *costsPage) remove(ctx app.Context, id string) {
	p.book.refresh()
	p.book.change(func(c *calc.Case) {
		for i, pc := range c.ParentCosts {
			if pc.ID == id {
				c.ParentCosts = append(c.ParentCosts[:i:i], c.ParentCosts[i+1:]...)
				return
			}
		}
	})
}

// costPage adds or changes one of the parent's costs, addressed by its id.
type costPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	id       string // "" for a new cost
	found    bool
	amount   string
	date     dateText
	whatFor  string
	receipts string // "yes", "no" or "" (not answered yet)
	base     calc.ParentCost
	errs     formErrors
}

var receiptKinds = []option{
	{"yes", "Yes, I kept receipts or invoices", "Keep them safe: the council may ask to see them."},
	{"no", "No", "You can still ask for it back, but without proof the council may not pay it."},
}

func (p *costPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

func (p *costPage) load(q url.Values) {
	*p = costPage{Compo: p.Compo, book: p.book, found: q.Get("new") != ""}
	if p.found || !p.book.hasCase() {
		return
	}
	for _, pc := range p.book.current().ParentCosts {
		if id := q.Get("id"); id != "" && pc.ID == id {
			p.id, p.found, p.base = id, true, pc
			p.amount, p.date, p.whatFor, p.receipts = pc.Amount.StringFixed(2), dateTextOf(pc.Date), pc.WhatFor, yesNo(pc.Receipts)
		}
	}
}

func (p *costPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if !p.found {
		return newPage(p.book, "Cost not found",
			elP().Text("We could not find that cost. It may have been removed in another tab. Nothing you saved has been lost."),
			elA().Class("button").Href(pagePath("/costs")).Text("Go to your costs"),
		)
	}
	return newQuestionPage(p.book, "Money you spent yourself", "/costs", p.errs,
		questionForm(p.submit, "",
			elH1().Class("question").Text("Money you spent yourself"),
			textField{ID: "what-for", Label: "What did you pay for?", Hint: "For example: taxis to school, or a private speech therapy report.",
				Value: &p.whatFor, Error: p.errs.of("what-for")}.render(&p.Compo),
			textField{ID: "amount", Label: "How much did you pay?", Width: "short", InputMode: "decimal", Prefix: "£",
				Value: &p.amount, Error: p.errs.of("amount")}.render(&p.Compo),
			dateField{ID: "date", Legend: "When? (optional)", Hint: "The date you paid. " + monthHint,
				Value: &p.date, Error: p.errs.of("date")}.render(&p.Compo),
			radioField{ID: "receipts", Legend: "Did you keep receipts or invoices?", Options: receiptKinds, Value: &p.receipts,
				Error: p.errs.of("receipts")}.render(&p.Compo),
		),
	)
}

func (p *costPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/costs")
}

// save checks the answers and writes the ones changed into the latest
// saved record: a new cost, or this one found by its id. It reports false,
// with each problem by its field and nothing stored, when one is wrong.
func (p *costPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() || !p.found {
		return false
	}
	var mine calc.ParentCost
	var msg string
	if mine.WhatFor = strings.TrimSpace(p.whatFor); mine.WhatFor == "" {
		p.errs.add("what-for", "Say what you paid for, for example taxis to school")
	}
	if strings.TrimSpace(p.amount) == "" {
		msg = "Enter how much you paid, for example 45"
	} else if mine.Amount, msg = parsePounds(p.amount, "The amount"); msg == "" && mine.Amount.Sign() <= 0 {
		msg = "The amount must be more than £0"
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
	if p.receipts != "yes" && p.receipts != "no" {
		p.errs.add("receipts", "Choose yes if you kept receipts or invoices, or no if you did not")
	}
	mine.Receipts = p.receipts == "yes"
	if len(p.errs) > 0 {
		return false
	}
	p.book.refresh()
	at := -1
	problems := p.book.change(func(c *calc.Case) {
		if p.id == "" {
			c.ParentCosts = append(c.ParentCosts, mine)
			calc.AssignParentCostIDs(c)
			at = len(c.ParentCosts) - 1
			return
		}
		for i := range c.ParentCosts {
			if pc := &c.ParentCosts[i]; pc.ID == p.id {
				// Only what was changed here: another tab's change to
				// another answer of this cost stays.
				if !mine.Amount.Equal(p.base.Amount) {
					pc.Amount = mine.Amount
				}
				if mine.Date != p.base.Date {
					pc.Date = mine.Date
				}
				if mine.WhatFor != p.base.WhatFor {
					pc.WhatFor = mine.WhatFor
				}
				if mine.Receipts != p.base.Receipts {
					pc.Receipts = mine.Receipts
				}
				at = i
				return
			}
		}
	})
	if at < 0 {
		p.errs.add("what-for", "This cost was removed in another tab. Go back to your costs to add it again.")
		return false
	}
	path := "parent_costs[" + itoa(at) + "]"
	p.errs = errorsFrom(problems, "what-for", map[string]string{
		path + ".amount": "amount", path + ".date": "date-day", path + ".what_for": "what-for"})
	return len(p.errs) == 0
}
