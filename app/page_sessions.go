package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// sessionsPage lists each provision with how many of its sessions were
// due, delivered and missed so far, and links to record them.
type sessionsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *sessionsPage) OnNav(ctx app.Context) { p.book.open() }

func (p *sessionsPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	provisions := provisionsOf(c)
	if len(provisions) == 0 {
		return newPage(p.book, "Sessions",
			elP().Text("First add the help written in the plan."),
			elA().Class("button").Href(pagePath("/provisions")).Text("Add help from the plan"),
		).backTo("/tasks")
	}
	cal := calc.CalendarFor(c)
	now := today()
	return newPage(p.book, "Sessions: what happened",
		elP().Text("For each kind of help, say what happened to each session that was due. "+
			"If you only know totals, like \"12 missed between February and July\", you can enter those instead."),
		elUl().Class("summary-cards").Body(elRange(provisions).Slice(func(i int) app.UI {
			pr := provisions[i]
			n := calc.ProvisionLog(pr, cal, calc.Date{}, now).Counts
			return elLi().Class("card").Body(
				elH2().Class("card-title").Text(provisionName(p.book, pr)),
				elP().Class("card-meta").Text(describeAmount(pr)),
				countsLine(n),
				elIf(pr.MakeUpAgreed > 0, func() app.UI {
					return elP().Text("The council agreed to make up " + itoa(pr.MakeUpAgreed) + " missed " + makeUpUnit(pr) + " in kind.")
				}),
				elDiv().Class("card-actions").Body(
					elA().Href(pagePath("/sessions/log?id="+pr.ID)).Body(
						elText("Record each session"), elSpan().Class("visually-hidden").Text(" of "+provisionName(p.book, pr))),
					elA().Href(pagePath("/sessions/count?id="+pr.ID)).Body(
						elText("Enter totals only"), elSpan().Class("visually-hidden").Text(" for "+provisionName(p.book, pr))),
					elA().Href(pagePath("/sessions/makeup?id="+pr.ID)).Body(
						elText("Make-up agreed"), elSpan().Class("visually-hidden").Text(" for "+provisionName(p.book, pr))),
				),
			)
		})),
		// A way forward once the sessions are in: the next part of the record.
		elP().Body(elA().Class("button").Href(pagePath("/contacts")).Text("Continue to contacts and delays")),
		elP().Body(elA().Href(pagePath("/tasks")).Text("Back to your tasks")),
	).backTo("/tasks")
}

// shareLabel names the share delivered: of the sessions recorded, never of
// time with nothing recorded (calc.Counts.PercentDelivered).
const shareLabel = "Delivered, of those recorded"

// deliveredShare is calc's share delivered, or why there is none: nothing
// that counts is recorded yet, or only missed sessions are (calc gives no
// share then, as "none delivered" would speak of time nobody recorded).
func deliveredShare(n calc.Counts) string {
	switch {
	case n.HasPercent:
		return n.PercentDelivered.StringFixed(1) + "%"
	case n.Recorded > n.ChildAbsent:
		return "not worked out: only missed sessions are recorded"
	default:
		return "none recorded yet"
	}
}

// countsLine says calc's counts for one provision in words.
func countsLine(n calc.Counts) app.UI {
	return elDl().Class("counts").Body(
		countItem("Due so far", n.Due),
		countItem("Delivered", n.Delivered),
		countItem("Missed", n.Missed),
		countItem("Made up", n.MadeUp),
		countItem("Child absent", n.ChildAbsent),
		countItem("Paid for by you", n.PaidPrivately),
		countItem("Not recorded yet", n.Unrecorded),
		elDiv().Class("count").Body(
			elDt().Text(shareLabel),
			elDd().Text(deliveredShare(n)),
		),
	)
}

func countItem(label string, n int) app.UI {
	return elDiv().Class("count").Body(elDt().Text(label), elDd().Text(itoa(n)))
}
