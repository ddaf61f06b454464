package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc/similar"
)

// decisionsPage lists every Ombudsman decision in the set, for parents
// and advocates who want to read around, filtered by kind of help, kind of
// fault, council and year. The set is in the app, so it works offline;
// the filters start from the address (?help=&fault=&council=&year=) so a
// link can open a filtered list.
type decisionsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	help, fault, council, year string
}

func (p *decisionsPage) OnNav(ctx app.Context) {
	q := ctx.Page().URL().Query()
	p.help, p.fault, p.council, p.year = q.Get("help"), q.Get("fault"), q.Get("council"), q.Get("year")
}

func (p *decisionsPage) filter() similar.Filter {
	return similar.Filter{Help: similar.Help(p.help), Fault: similar.Fault(p.fault), Council: p.council, Year: similar.ParseYear(p.year)}
}

func (p *decisionsPage) Render() app.UI {
	all := similar.Decisions()
	ch := similar.ChoicesIn(all)
	shown := p.filter().Apply(all)
	option := func(value, label, current string) app.UI {
		return elOption().Value(value).Selected(value == current).Text(label)
	}
	filter := func(id, label string, value *string, options []app.UI) app.UI {
		return elDiv().Class("form-group decision-filter").Body(
			elLabel().For(id).Class("label").Text(label),
			elSelect().ID(id).Name(id).Class("select").OnChange(p.ValueTo(value)).Body(options...),
		)
	}
	helpOpts := []app.UI{option("", "Any kind of help", p.help)}
	for _, h := range ch.Help {
		helpOpts = append(helpOpts, option(string(h), h.Name(), p.help))
	}
	faultOpts := []app.UI{option("", "Anything that went wrong", p.fault)}
	for _, f := range ch.Faults {
		faultOpts = append(faultOpts, option(string(f), f.Name(), p.fault))
	}
	councilOpts := []app.UI{option("", "Any council", p.council)}
	for _, c := range ch.Councils {
		councilOpts = append(councilOpts, option(c, c, p.council))
	}
	yearOpts := []app.UI{option("", "Any year", p.year)}
	for _, y := range ch.Years {
		yearOpts = append(yearOpts, option(itoa(y), itoa(y), p.year))
	}
	status := "Showing all " + itoa(len(all)) + " decisions."
	if len(shown) != len(all) {
		status = "Showing " + itoa(len(shown)) + " of " + itoa(len(all)) + " decisions."
	}
	filtered := p.help != "" || p.fault != "" || p.council != "" || p.year != ""
	return newPage(p.book, "Ombudsman decisions",
		elP().Text("Real decisions of the Local Government and Social Care Ombudsman about help in EHC plans and care plans "+
			"that was not given, or was late. Each shows what went wrong, in our words, and what the Ombudsman recommended the council pay."),
		facts(),
		elDiv().Class("decision-filters no-print").Role("group").Aria("labelledby", "filters-title").Body(
			elH2().ID("filters-title").Text("Choose which decisions to show"),
			filter("help", "Kind of help", &p.help, helpOpts),
			filter("fault", "What went wrong", &p.fault, faultOpts),
			filter("council", "Council", &p.council, councilOpts),
			filter("year", "Year of the decision", &p.year, yearOpts),
			elIf(filtered, func() app.UI {
				return elButton().Type("button").ID("clear-filters").Class("button button-secondary").Text("Show all decisions").
					OnClick(func(ctx app.Context, e app.Event) { p.help, p.fault, p.council, p.year = "", "", "", "" })
			}),
		),
		elP().ID("decisions-status").Class("decisions-status").Attr("role", "status").Text(status),
		elIf(len(shown) == 0, func() app.UI {
			return elP().Class("empty").Text("No decision in the set matches all of these. Choose fewer.")
		}),
		elUl().Class("decision-list").Body(elRange(shown).Slice(func(i int) app.UI {
			return elLi().Body(decisionCard(shown[i], nil, "h2"))
		})),
	)
}
