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
	return app.Dl().Class("summary-list").Body(app.Range(rows).Slice(func(i int) app.UI {
		r := rows[i]
		return app.Div().Class("summary-row").Body(
			app.Dt().Class("summary-key").Text(r.Key),
			app.Dd().Class("summary-value").Text(r.Value),
			app.If(r.Change != "", func() app.UI {
				return app.Dd().Class("summary-action").Body(
					app.A().Href(pagePath(r.Change)).Body(
						app.Text("Change"),
						app.Span().Class("visually-hidden").Text(" "+strings.ToLower(r.Key)),
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
