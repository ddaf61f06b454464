package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// closedPage asks whether the missing help has stopped (it restarted in
// full, the plan ended, the child moved council) and on which day. calc
// stops deadlines and "still missing" on that day; reopening clears it.
type closedPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	why   string // a value of closedReasons, or "" (not answered yet)
	other string // the parent's own words, for "other"
	date  dateText
	base  calc.Case // Closed and ClosedWhy as the page found them
	errs  formErrors
}

// closedReasons are the usual ways a case stops. Each saves its words
// (Words) as the record's reason, so the letters can say it; "other"
// saves what the parent typed.
var closedReasons = []option{
	{"restarted", "Yes, the help restarted in full", ""},
	{"plan-ended", "Yes, the plan ended", ""},
	{"moved", "Yes, my child moved to another council", ""},
	{"other", "Yes, for another reason", ""},
}

// closedWords are the reasons as saved, by their radio's value.
var closedWords = map[string]string{
	"restarted":  "the help restarted in full",
	"plan-ended": "the plan ended",
	"moved":      "the child moved to another council",
}

func (p *closedPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load()
}

// load shows the saved answer, if there is one.
func (p *closedPage) load() {
	*p = closedPage{Compo: p.Compo, book: p.book}
	if !p.book.hasCase() {
		return
	}
	c := p.book.current()
	p.base.Closed, p.base.ClosedWhy = c.Closed, c.ClosedWhy
	if c.Closed.IsZero() && c.ClosedWhy == "" {
		return
	}
	p.date, p.why, p.other = dateTextOf(c.Closed), "other", c.ClosedWhy
	for v, w := range closedWords {
		if w == c.ClosedWhy {
			p.why, p.other = v, ""
		}
	}
}

func (p *closedPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	closed := p.book.current().Closed
	return newQuestionPage(p.book, "Has this stopped?", "/tasks", p.errs,
		elIf(!closed.IsZero(), func() app.UI {
			return elDiv().Class("notice").Body(
				elP().Text("You said this stopped on "+closed.Long()+". If the help is missing again, open the record again."),
				elButton().Type("button").Class("button button-secondary").Text("Open the record again").OnClick(p.reopen),
			)
		}),
		questionForm(p.submit, "",
			radioField{ID: "why", Legend: "Has this stopped?", AsHeading: true, Options: closedReasons, Value: &p.why,
				Hint:  "Tell us if the missing help is over. Deadlines and what is still missing then stop on that day.",
				Error: p.errs.of("why")}.render(&p.Compo),
			elIf(p.why == "other", func() app.UI {
				return textField{ID: "other-why", Label: "What happened?", Value: &p.other,
					Error: p.errs.of("other-why")}.render(&p.Compo)
			}),
			dateField{ID: "date", Legend: "When did it stop?", Hint: "For example, 19 7 2024.",
				Value: &p.date, Error: p.errs.of("date")}.render(&p.Compo),
		),
	)
}

func (p *closedPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/tasks")
}

// save checks the answers and writes the ones changed into the latest
// saved record. It reports false, with each problem by its field and
// nothing stored, when one is wrong.
func (p *closedPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	why, ok := closedWords[p.why]
	switch {
	case p.why == "other":
		if why = strings.TrimSpace(p.other); why == "" {
			p.errs.add("other-why", "Say what happened, for example the council agreed a new plan")
		}
	case !ok:
		p.errs.add("why", "Choose how it stopped")
	}
	on, msg := p.date.parse("The date it stopped")
	switch {
	case msg != "":
	case on.IsZero():
		msg = "Enter the date it stopped"
	case on.After(today()):
		msg = "The date it stopped must be today or in the past"
	}
	if msg != "" {
		p.errs.add("date-day", msg)
	}
	if len(p.errs) > 0 {
		return false
	}
	p.book.refresh()
	problems := p.book.change(func(c *calc.Case) {
		// Only what was changed here, so another tab's answer stays.
		if on != p.base.Closed {
			c.Closed = on
		}
		if why != p.base.ClosedWhy {
			c.ClosedWhy = why
		}
	})
	whyField := "why"
	if p.why == "other" {
		whyField = "other-why"
	}
	p.errs = errorsFrom(problems, whyField, map[string]string{"closed": "date-day", "closed_why": whyField})
	return len(p.errs) == 0
}

// reopen opens the record again and goes back to the task list.
func (p *closedPage) reopen(ctx app.Context, e app.Event) {
	p.clear()
	ctx.Navigate(pagePath("/tasks"))
}

// clear takes the day it stopped out of the latest saved record: the help
// is missing again, so deadlines and "still missing" run to today.
func (p *closedPage) clear() {
	p.book.refresh()
	p.book.change(func(c *calc.Case) { c.Closed, c.ClosedWhy = calc.Date{}, "" })
	p.load()
}
