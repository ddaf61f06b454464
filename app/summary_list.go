package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// summaryRow is one answer on a "check your answers" list.
type summaryRow struct {
	Key, Value, Change string // Change is the path of the question, or ""
}

// summaryList shows answers as a description list with Change links.
func summaryList(rows []summaryRow) app.UI {
	return elDl().Class("summary-list").Body(elRange(rows).Slice(func(i int) app.UI {
		r := rows[i]
		return elDiv().Class("summary-row").Body(
			elDt().Class("summary-key").Text(r.Key),
			elDd().Class("summary-value").Text(r.Value),
			elIf(r.Change != "", func() app.UI {
				return elDd().Class("summary-action").Body(
					elA().Href(pagePath(r.Change)).Body(
						elText("Change"),
						elSpan().Class("visually-hidden").Text(" "+strings.ToLower(r.Key)),
					),
				)
			}),
		)
	}))
}

// parsePounds reads an optional amount of money typed by the parent. An
// empty box is zero; anything else must be an amount calc accepts.
func parsePounds(s, what string) (decimal.Decimal, string) {
	if strings.TrimSpace(s) == "" {
		return decimal.Zero, ""
	}
	d, err := calc.ParseMoney(s)
	if err != nil {
		return decimal.Zero, what + ": " + err.Error()
	}
	return d, ""
}

// changeOrRemove is a card's Change link and Remove button for one item of
// an add-another list; name (" the contact on 4 April 2023") tells a
// screen reader which item each is for.
func changeOrRemove(href, name string, remove func(ctx app.Context)) app.UI {
	return elDiv().Class("card-actions").Body(
		elA().Href(pagePath(href)).Body(
			elText("Change"), elSpan().Class("visually-hidden").Text(name)),
		elButton().Type("button").Class("link-button").
			OnClick(func(ctx app.Context, e app.Event) { remove(ctx) }).Body(
			elText("Remove"), elSpan().Class("visually-hidden").Text(name)),
	)
}
