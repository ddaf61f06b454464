package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
	"provisiontracker/calc/similar"
)

// decisionsLikeYours is the summary's section "Decisions like yours": the
// real Ombudsman decisions calc/similar finds nearest to the case, each
// with what went wrong, what was paid item by item, why it is similar and
// a plain link to the decision (nothing is fetched until it is tapped).
// With too little in the record it says what to add instead.
func decisionsLikeYours(c calc.Case, now calc.Date) []app.UI {
	r := similar.Nearest(c, now)
	out := []app.UI{
		app.H2().ID("decisions-like-yours").Text("Decisions like yours"),
	}
	if len(r.Matches) == 0 {
		return append(out,
			app.P().Text("To show real decisions like yours, the record needs a little more:"),
			app.Ul().Class("list similar-hints").Body(app.Range(r.Hints).Slice(func(i int) app.UI {
				return app.Li().Text(r.Hints[i])
			})),
			decisionsListLink(),
		)
	}
	out = append(out,
		app.P().Text("These are real decisions of the Local Government and Social Care Ombudsman that are nearest to what you recorded."),
		facts(),
		app.Ul().Class("decision-list similar-list").Body(app.Range(r.Matches).Slice(func(i int) app.UI {
			m := r.Matches[i]
			return app.Li().Body(decisionCard(m.Decision, m.Why, "h3"))
		})),
		decisionsListLink(),
	)
	return out
}

// facts says plainly that each case turns on its facts.
func facts() app.UI {
	return app.Div().Class("notice-box").Body(
		app.P().Body(app.Strong().Text("Each case turns on its own facts.")),
		app.P().Text("The amounts are what the Ombudsman recommended for those families. They show what has happened before, "+
			"not what you will get."),
	)
}

func decisionsListLink() app.UI {
	return app.P().Class("no-print").Body(app.A().Href(pagePath("/decisions")).Text("See every decision in the set"))
}

// decisionCard shows one decision: council and date, what went wrong (the
// project's own sentence), each payment with what it was for, why it is
// similar (when why is given), and its reference with a link to the
// Ombudsman's page. heading is the level of its title, "h3" or "h2".
func decisionCard(d similar.Decision, why []string, heading string) app.UI {
	council := d.Council
	if council == "" {
		council = "Council not named"
	}
	when := "date not known"
	if !d.Date.IsZero() {
		when = d.Date.Long()
	}
	id := "decision-" + safeID(d.Ref)
	title := council + ", " + when
	var h app.UI = app.H3().ID(id).Class("card-title").Text(title)
	if heading == "h2" {
		h = app.H2().ID(id).Class("card-title").Text(title)
	}
	return app.Article().Class("card decision").DataSet("ref", d.Ref).Aria("labelledby", id).Body(
		h,
		app.P().Class("summary-label").Text("What went wrong:"),
		app.P().Class("decision-summary").Text(d.Summary),
		app.P().Class("summary-label").Text("What the Ombudsman recommended the council pay:"),
		app.Ul().Class("list decision-items").Body(app.Range(d.Items).Slice(func(i int) app.UI {
			it := d.Items[i]
			return app.Li().DataSet("amount", it.Amount.String()).Text(calc.FormatMoney(it.Amount) + " " + similar.CategoryName(it.Category))
		})),
		app.If(len(d.Items) > 1, func() app.UI {
			s := "In all " + calc.FormatMoney(d.Total())
			for _, it := range d.Items {
				if it.Category == "ongoing_per_month" {
					s += ", and the payment each month"
					break
				}
			}
			return app.P().Class("decision-total").Text(s + ".")
		}),
		app.If(len(why) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Class("summary-label").Text("Why it is like yours:"),
				app.Ul().Class("list decision-why").Body(app.Range(why).Slice(func(i int) app.UI {
					w := why[i]
					return app.Li().Text(strings.ToUpper(w[:1]) + w[1:] + ".")
				})),
			)
		}),
		app.P().Class("decision-ref").Body(
			app.Text("Reference "+d.Ref+". "),
			app.A().Href(d.URL).Rel("noreferrer").Class("decision-link").
				Text("Read decision "+d.Ref+" on the Ombudsman's website"),
		),
	)
}
