package main

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// makeUpPage asks how many missed sessions of one provision the council
// has agreed to make up in kind. calc takes them off what is still owed;
// the page only checks the number against calc's count of missed ones.
type makeUpPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	id    string // the provision's id, from "?id="
	count string // as typed
	base  int    // the saved answer when the page opened
	errs  formErrors
}

func (p *makeUpPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

// load shows the saved answer of the provision named by "?id=".
func (p *makeUpPage) load(q url.Values) {
	*p = makeUpPage{Compo: p.Compo, book: p.book, id: q.Get("id")}
	if !p.book.hasCase() {
		return
	}
	if pr, ok := p.book.provision(p.id); ok {
		p.base, p.count = pr.MakeUpAgreed, itoa(pr.MakeUpAgreed)
	}
}

// makeUpUnit is what a provision's make-up is counted in: sessions, or
// for help given in hours, days (calc.Provision.MakeUpAgreed).
func makeUpUnit(pr calc.Provision) string {
	if pr.Frequency.Unit == calc.UnitHours {
		return "days"
	}
	return "sessions"
}

// missedToMakeUp is calc's count of the provision's missed sessions not
// made up yet, as the sessions page shows them.
func (p *makeUpPage) missedToMakeUp(pr calc.Provision) int {
	c := p.book.current()
	return calc.ProvisionLog(pr, calc.CalendarFor(c), calc.Date{}, today()).Counts.MissedNotMadeUp
}

func (p *makeUpPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	pr, ok := p.book.provision(p.id)
	if !ok {
		return newPage(p.book, "Help not found",
			elP().Text("We could not find this help in the record. It may have been removed in another tab. Nothing you saved has been lost."),
			elA().Class("button").Href(pagePath("/sessions")).Text("Go to the sessions"),
		)
	}
	unit := makeUpUnit(pr)
	missed := p.missedToMakeUp(pr)
	hint := "In kind means extra " + unit + " to replace the missed ones. Enter 0 if the council has not agreed to any. " +
		"You have recorded " + itoa(missed) + " missed " + unit + " that are not made up yet."
	return newQuestionPage(p.book, "Make-up agreed: "+provisionName(p.book, pr), "/sessions", p.errs,
		elP().Class("card-meta").Text(provisionName(p.book, pr)),
		questionForm(p.submit, "",
			textField{ID: "make-up", Label: "Has the council agreed to make up any missed " + unit + " in kind? How many?",
				AsHeading: true, Hint: hint, Width: "short", InputMode: "numeric",
				Value: &p.count, Error: p.errs.of("make-up")}.render(&p.Compo),
		),
	)
}

func (p *makeUpPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/sessions")
}

// save checks the number against the latest saved record and writes only
// this answer into it. It reports false, with the problem by the box and
// nothing stored, when the number is wrong.
func (p *makeUpPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	p.book.refresh()
	pr, ok := p.book.provision(p.id)
	if !ok {
		p.errs.add("make-up", "This help was removed in another tab. Go back to the sessions.")
		return false
	}
	unit := makeUpUnit(pr)
	missed := p.missedToMakeUp(pr)
	s := strings.TrimSpace(p.count)
	n, err := strconv.Atoi(s)
	switch {
	case s == "":
		p.errs.add("make-up", "Enter how many, or 0 if the council has not agreed to make any up")
	case err != nil:
		p.errs.add("make-up", "Enter a whole number, like 3")
	case n < 0:
		p.errs.add("make-up", "Enter 0 or more")
	case n > missed && missed == 0:
		p.errs.add("make-up", "You have not recorded any missed "+unit+" that are not made up yet. Record them first, or enter 0")
	case n > missed:
		p.errs.add("make-up", "You have recorded "+itoa(missed)+" missed "+unit+" that are not made up yet. Enter "+itoa(missed)+" or fewer")
	}
	if len(p.errs) > 0 {
		return false
	}
	if n == p.base && n == pr.MakeUpAgreed {
		return true
	}
	path := ""
	problems := p.book.change(func(c *calc.Case) {
		for pi := range c.Plans {
			for i := range c.Plans[pi].Provisions {
				if q := &c.Plans[pi].Provisions[i]; q.ID == p.id {
					path = "plans[" + itoa(pi) + "].provisions[" + itoa(i) + "].make_up_agreed"
					q.MakeUpAgreed = n
				}
			}
		}
	})
	p.errs = errorsFrom(problems, "make-up", map[string]string{path: "make-up"})
	if len(p.errs) == 0 {
		p.base = n
	}
	return len(p.errs) == 0
}
