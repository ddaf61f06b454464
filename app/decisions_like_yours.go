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
		elH2().ID("decisions-like-yours").Text("Decisions like yours"),
	}
	if len(r.Matches) == 0 {
		return append(out,
			elP().Text("To show real decisions like yours, the record needs a little more:"),
			elUl().Class("list similar-hints").Body(elRange(r.Hints).Slice(func(i int) app.UI {
				return elLi().Text(r.Hints[i])
			})),
			decisionsListLink(),
		)
	}
	out = append(out,
		elP().Text("These are real decisions of the Local Government and Social Care Ombudsman that are nearest to what you recorded."),
		facts(),
		elUl().Class("decision-list similar-list").Body(elRange(r.Matches).Slice(func(i int) app.UI {
			m := r.Matches[i]
			return elLi().Body(decisionCard(m.Decision, m.Why, "h3"))
		})),
		decisionsListLink(),
	)
	return out
}

// facts says plainly that each case turns on its facts.
func facts() app.UI {
	return elDiv().Class("notice-box").Body(
		elP().Body(elStrong().Text("Each case turns on its own facts.")),
		elP().Text("The amounts are what the Ombudsman recommended for those families. They show what has happened before, "+
			"not what you will get."),
	)
}

func decisionsListLink() app.UI {
	return elP().Class("no-print").Body(elA().Href(pagePath("/decisions")).Text("See every decision in the set"))
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
	var h app.UI = elH3().ID(id).Class("card-title").Text(title)
	if heading == "h2" {
		h = elH2().ID(id).Class("card-title").Text(title)
	}
	return app.Article().Class("card decision").DataSet("ref", d.Ref).Aria("labelledby", id).Body(
		h,
		elP().Class("summary-label").Text("What went wrong:"),
		elP().Class("decision-summary").Text(d.Summary),
		elP().Class("summary-label").Text("What the Ombudsman recommended the council pay:"),
		elUl().Class("list decision-items").Body(elRange(d.Items).Slice(func(i int) app.UI {
			it := d.Items[i]
			return elLi().DataSet("amount", it.Amount.String()).Text(calc.FormatMoney(it.Amount) + " " + similar.CategoryName(it.Category))
		})),
		elIf(len(d.Items) > 1, func() app.UI {
			s := "In all " + calc.FormatMoney(d.Total())
			for _, it := range d.Items {
				if it.Category == "ongoing_per_month" {
					s += ", and the payment each month"
					break
				}
			}
			return elP().Class("decision-total").Text(s + ".")
		}),
		elIf(len(why) > 0, func() app.UI {
			return elDiv().Body(
				elP().Class("summary-label").Text("Why it is like yours:"),
				elUl().Class("list decision-why").Body(elRange(why).Slice(func(i int) app.UI {
					w := why[i]
					return elLi().Text(strings.ToUpper(w[:1]) + w[1:] + ".")
				})),
			)
		}),
		elP().Class("decision-ref").Body(
			elText("Reference "+d.Ref+". "),
			elA().Href(d.URL).Rel("noreferrer").Class("decision-link").
				Text("Read decision "+d.Ref+" on the Ombudsman's website"),
		),
	)
}
