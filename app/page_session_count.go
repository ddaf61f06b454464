package main

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// sessionCountPage records totals for a period, for parents who know
// "12 missed between February and July" but not the dates.
type sessionCountPage struct {
	app.Compo
	book                                       *caseBook // the parent's records, given by main
	id                                         string
	from, to                                   dateText
	due, delivered, missed, absent, paid, cost string
	errs                                       formErrors
}

func (p *sessionCountPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

// load starts a blank form for the provision named by "?id=".
func (p *sessionCountPage) load(q url.Values) {
	*p = sessionCountPage{Compo: p.Compo, book: p.book, id: q.Get("id")}
}

// number is one number box of the page (a method kept out of line rather
// than a closure the compiler copies into each of its calls).
//
//go:noinline
func (p *sessionCountPage) number(id, label, hint string, v *string) app.UI {
	return textField{ID: id, Label: label, Hint: hint, Width: "short", InputMode: "numeric",
		Value: v, Error: p.errs.of(id)}.render(&p.Compo)
}

func (p *sessionCountPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	pr, ok := p.book.provision(p.id)
	if !ok {
		return newPage(p.book, "Sessions", elP().Text("We could not find this help in the record.")).backTo("/sessions")
	}
	periods := pr.CountPeriods
	number := p.number
	return newQuestionPage(p.book, "Totals for "+provisionName(p.book, pr), "/sessions", p.errs,
		elH1().Class("question").Text("Enter totals for "+provisionName(p.book, pr)),
		elIf(len(periods) > 0, func() app.UI {
			return elDiv().Body(
				elH2().Text("Totals you entered"),
				elUl().Class("summary-cards").Body(elRange(periods).Slice(func(i int) app.UI {
					cp := periods[i]
					return elLi().Class("card").Body(
						elP().Class("card-title").Text(cp.From.Long()+" to "+cp.To.Long()),
						elP().Text(countPeriodWords(cp)),
						elButton().Type("button").Class("link-button").Text("Remove these totals").
							OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, i) }),
					)
				})),
			)
		}),
		elP().Text("Use this if you know how many sessions were missed in a period, but not the dates. "+
			"These totals replace any dates you recorded in the same period."),
		questionForm(p.submit, "Save these totals",
			dateField{ID: "from", Legend: "From", Hint: "For example, 1 2 2023.", Value: &p.from, Error: p.errs.of("from")}.render(&p.Compo),
			dateField{ID: "to", Legend: "To", Value: &p.to, Error: p.errs.of("to")}.render(&p.Compo),
			number("due", "Sessions due (optional)", "Leave it empty and we will work it out from the plan.", &p.due),
			number("delivered", "Sessions that happened", "", &p.delivered),
			number("missed", "Sessions missed", "Missed because of the council, school or provider.", &p.missed),
			number("absent", "Sessions your child missed (optional)", "For example when your child was ill. These do not count against the council.", &p.absent),
			number("paid", "Missed sessions you paid for yourself (optional)", "", &p.paid),
			textField{ID: "cost", Label: "What you paid for them in all (optional)", Width: "short", InputMode: "decimal",
				Prefix: "£", Value: &p.cost, Error: p.errs.of("cost")}.render(&p.Compo),
		),
	)
}

func countPeriodWords(cp calc.CountPeriod) string {
	s := itoa(cp.Delivered) + " happened, " + itoa(cp.Missed) + " missed"
	if cp.Due > 0 {
		s = itoa(cp.Due) + " due, " + s
	}
	if cp.ChildAbsent > 0 {
		s += ", " + itoa(cp.ChildAbsent) + " child absent"
	}
	if cp.PaidPrivately > 0 {
		s += ", " + itoa(cp.PaidPrivately) + " paid for by you (" + calc.FormatMoney(cp.PrivateCost) + ")"
	}
	return s
}

// count reads one optional whole number.
func (p *sessionCountPage) count(id, what, s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		p.errs.add(id, what+" must be a whole number, like 12")
	case n < 0:
		p.errs.add(id, what+" must be 0 or more")
	case n > 5000:
		p.errs.add(id, what+" looks too large: the most is 5,000")
	}
	return n
}

func (p *sessionCountPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	ctx.Navigate(pagePath("/sessions"))
}

// save checks the totals and adds them to the provision; false, with each
// problem by its field and nothing stored, when one is wrong.
func (p *sessionCountPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	if _, ok := p.book.provision(p.id); !ok {
		return false
	}
	from, msg := p.from.parse("The start of the period")
	if msg == "" && from.IsZero() {
		msg = "Enter the start of the period"
	}
	if msg != "" {
		p.errs.add("from-day", msg)
	}
	to, msg := p.to.parse("The end of the period")
	switch {
	case msg != "":
	case to.IsZero():
		msg = "Enter the end of the period"
	case !from.IsZero() && to.Before(from):
		msg = "The end of the period must be after the start"
	case to.After(today()):
		msg = "The end of the period must be today or in the past"
	}
	if msg != "" {
		p.errs.add("to-day", msg)
	}
	cp := calc.CountPeriod{From: from, To: to,
		Due:           p.count("due", "Sessions due", p.due),
		Delivered:     p.count("delivered", "Sessions that happened", p.delivered),
		Missed:        p.count("missed", "Sessions missed", p.missed),
		ChildAbsent:   p.count("absent", "Sessions your child missed", p.absent),
		PaidPrivately: p.count("paid", "Sessions you paid for", p.paid),
	}
	cost, msg := parsePounds(p.cost, "What you paid")
	if msg != "" {
		p.errs.add("cost", msg)
	}
	cp.PrivateCost = cost
	if len(p.errs) == 0 && cp.Delivered+cp.Missed+cp.ChildAbsent+cp.PaidPrivately == 0 {
		p.errs.add("delivered", "Enter at least one number: how many happened or were missed")
	}
	if len(p.errs) == 0 && cp.Due > 0 && cp.Due < cp.Delivered+cp.Missed+cp.ChildAbsent+cp.PaidPrivately {
		p.errs.add("due", "Sessions due must be at least the sessions that happened plus those missed")
	}
	if len(p.errs) > 0 {
		return false
	}
	path := ""
	problems := p.book.change(func(c *calc.Case) {
		for pi := range c.Plans {
			for i := range c.Plans[pi].Provisions {
				if pr := &c.Plans[pi].Provisions[i]; pr.ID == p.id {
					path = "plans[" + itoa(pi) + "].provisions[" + itoa(i) +
						"].count_periods[" + itoa(len(pr.CountPeriods)) + "]"
					pr.CountPeriods = append(pr.CountPeriods, cp)
				}
			}
		}
	})
	// calc's problems go by the box they are about (a cost with no sessions
	// paid for belongs by the cost); the rest, such as an overlap with
	// totals already entered, by the start of the period.
	p.errs = errorsFrom(problems, "from-day", map[string]string{
		path + ".from": "from-day", path + ".to": "to-day", path + ".due": "due", path + ".delivered": "delivered",
		path + ".missed": "missed", path + ".child_absent": "absent", path + ".paid_privately": "paid",
		path + ".private_cost": "cost",
	})
	return len(p.errs) == 0
}

func (p *sessionCountPage) remove(ctx app.Context, i int) {
	p.book.change(func(c *calc.Case) {
		for pi := range c.Plans {
			for j := range c.Plans[pi].Provisions {
				if pr := &c.Plans[pi].Provisions[j]; pr.ID == p.id && i < len(pr.CountPeriods) {
					pr.CountPeriods = append(pr.CountPeriods[:i], pr.CountPeriods[i+1:]...)
				}
			}
		}
	})
}
