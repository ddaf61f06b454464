package main

import (
	"strconv"

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
			app.P().Text("First add the help written in the plan."),
			app.A().Class("button").Href(pagePath("/provisions")).Text("Add help from the plan"),
		).backTo("/tasks")
	}
	cal := calc.CalendarFor(c)
	now := today()
	return newPage(p.book, "Sessions: what happened",
		app.P().Text("For each kind of help, say what happened to each session that was due. "+
			"If you only know totals, like \"12 missed between February and July\", you can enter those instead."),
		app.Ul().Class("summary-cards").Body(app.Range(provisions).Slice(func(i int) app.UI {
			pr := provisions[i]
			n := calc.ProvisionLog(pr, cal, calc.Date{}, now).Counts
			return app.Li().Class("card").Body(
				app.H2().Class("card-title").Text(provisionName(p.book, pr)),
				app.P().Class("card-meta").Text(describeAmount(pr)),
				countsLine(n),
				app.Div().Class("card-actions").Body(
					app.A().Href(pagePath("/sessions/log?id="+pr.ID)).Body(
						app.Text("Record each session"), app.Span().Class("visually-hidden").Text(" of "+provisionName(p.book, pr))),
					app.A().Href(pagePath("/sessions/count?id="+pr.ID)).Body(
						app.Text("Enter totals only"), app.Span().Class("visually-hidden").Text(" for "+provisionName(p.book, pr))),
				),
			)
		})),
		// A way forward once the sessions are in: the next part of the record.
		app.P().Body(app.A().Class("button").Href(pagePath("/contacts")).Text("Continue to contacts and delays")),
		app.P().Body(app.A().Href(pagePath("/tasks")).Text("Back to your tasks")),
	).backTo("/tasks")
}

// shareLabel names the share delivered: of the sessions recorded, never of
// time with nothing recorded (calc.Counts.PercentDelivered).
const shareLabel = "Delivered, of those recorded"

// deliveredShare is calc's share delivered, or "none recorded yet" when no
// session that counts is recorded.
func deliveredShare(n calc.Counts) string {
	if !n.HasPercent {
		return "none recorded yet"
	}
	return n.PercentDelivered.StringFixed(1) + "%"
}

// countsLine says calc's counts for one provision in words.
func countsLine(n calc.Counts) app.UI {
	return app.Dl().Class("counts").Body(
		countItem("Due so far", n.Due),
		countItem("Delivered", n.Delivered),
		countItem("Missed", n.Missed),
		countItem("Made up", n.MadeUp),
		countItem("Child absent", n.ChildAbsent),
		countItem("Paid for by you", n.PaidPrivately),
		countItem("Not recorded yet", n.Unrecorded),
		app.Div().Class("count").Body(
			app.Dt().Text(shareLabel),
			app.Dd().Text(deliveredShare(n)),
		),
	)
}

func countItem(label string, n int) app.UI {
	return app.Div().Class("count").Body(app.Dt().Text(label), app.Dd().Text(strconv.Itoa(n)))
}
