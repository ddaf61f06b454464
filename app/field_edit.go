package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// A form states what it changes: the fields where what the parent typed
// differs from what the form showed them (its base). Only those are
// copied into the latest saved record, so a field the parent did not
// touch keeps what another tab or page saved meanwhile. A field changed
// both here and underneath, to something else, is a clash: the page
// shows both versions and the parent chooses.

// formField is one answer of a form about a record item of type T.
type formField[T any] struct {
	name string            // the answer's name, as the parent knows it
	text func(x *T) string // the answer in words, to compare and to show
	copy func(dst, src *T)
}

// fieldClash is an answer the parent changed here while it was changed to
// something else underneath.
type fieldClash struct {
	Name, Mine, Saved string
}

// applyEdits copies into latest every field where mine differs from base.
// A field that latest changed too, to something else, is a clash: it is
// copied only with keepMine, and returned either way.
func applyEdits[T any](fields []formField[T], base, mine, latest *T, keepMine bool) []fieldClash {
	var clashes []fieldClash
	for _, f := range fields {
		b, m, l := f.text(base), f.text(mine), f.text(latest)
		if m == b || m == l {
			continue // not changed here, or already so
		}
		if l != b {
			clashes = append(clashes, fieldClash{Name: f.name, Mine: m, Saved: l})
			if !keepMine {
				continue
			}
		}
		f.copy(latest, mine)
	}
	return clashes
}

// takeSaved copies into mine and base the saved value of each clashing
// field, so the form shows it and no longer counts it as changed here.
func takeSaved[T any](fields []formField[T], clashes []fieldClash, base, mine, latest *T) {
	for _, c := range clashes {
		for _, f := range fields {
			if f.name == c.Name {
				f.copy(mine, latest)
				f.copy(base, latest)
			}
		}
	}
}

// clashNotice says which answers changed underneath the form and lets the
// parent keep either version. Nothing is saved until they choose.
func clashNotice(clashes []fieldClash, keepMine, keepSaved app.EventHandler) app.UI {
	if len(clashes) == 0 {
		return elDiv()
	}
	return elDiv().ID("clash").Class("warning conflict").Attr("role", "alert").Attr("tabindex", "-1").Body(
		elP().Class("warning-title").Text("This was changed somewhere else while you were working here"),
		elP().Text("Another tab or page saved different answers. Nothing has been saved from this page yet. Choose which to keep."),
		elDl().Class("summary-list").Body(elRange(clashes).Slice(func(i int) app.UI {
			c := clashes[i]
			return elDiv().Class("summary-row clash-row").Body(
				elDt().Class("summary-key").Text(c.Name),
				elDd().Class("summary-value").Body(
					elP().Body(elStrong().Text("Yours: "), elText(orNone(c.Mine))),
					elP().Body(elStrong().Text("Saved: "), elText(orNone(c.Saved))),
				),
			)
		})),
		elDiv().Class("actions").Body(
			elButton().ID("keep-yours").Type("button").Class("button").Text("Keep yours").OnClick(keepMine),
			elButton().ID("keep-saved").Type("button").Class("button button-secondary").Text("Keep the saved answers").OnClick(keepSaved),
		),
	)
}

// focusClash moves the focus to the clash notice, so it is heard.
func focusClash(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID("clash"); el.Truthy() {
			el.Call("focus")
		}
	})
}

// provisionFields are the answers the steps of a provision ask. Its
// session records, totals and notes are not among them: saving the help
// never writes those.
var provisionFields = []formField[calc.Provision]{
	{"Kind of help", func(p *calc.Provision) string { return labelOf(provisionTypes, string(p.Type)) },
		func(d, s *calc.Provision) { d.Type = s.Type }},
	{"Section", func(p *calc.Provision) string { return "Section " + string(p.Section) },
		func(d, s *calc.Provision) { d.Section = s.Section }},
	{"Words in the plan", func(p *calc.Provision) string { return p.Wording },
		func(d, s *calc.Provision) { d.Wording = s.Wording }},
	{"How much", func(p *calc.Provision) string {
		f := p.Frequency
		return itoa(f.Count) + " " + string(f.Unit) + " per " + string(f.Per)
	}, func(d, s *calc.Provision) { d.Frequency = s.Frequency }},
	{"Term time or all year", func(p *calc.Provision) string { return labelOf(weeksOptions, string(p.Weeks)) },
		func(d, s *calc.Provision) { d.Weeks = s.Weeks }},
	{"Day", func(p *calc.Provision) string { return weekdayWords(p.Weekdays) },
		func(d, s *calc.Provision) { d.Weekdays = append([]string(nil), s.Weekdays...) }},
	{"Length of a session", func(p *calc.Provision) string { return minutesWords(p.SessionMinutes) },
		func(d, s *calc.Provision) { d.SessionMinutes = s.SessionMinutes }},
	{"Start date", func(p *calc.Provision) string { return p.Start.Long() },
		func(d, s *calc.Provision) { d.Start = s.Start }},
	{"End date", func(p *calc.Provision) string { return p.End.Long() },
		func(d, s *calc.Provision) { d.End = s.End }},
	{"Who gives it", func(p *calc.Provision) string { return p.Provider },
		func(d, s *calc.Provision) { d.Provider = s.Provider }},
	{"Your name for it", func(p *calc.Provision) string { return p.Name },
		func(d, s *calc.Provision) { d.Name = s.Name }},
	{"Price of a session", func(p *calc.Provision) string {
		if p.PricePerSession.Sign() == 0 {
			return ""
		}
		return calc.FormatMoney(p.PricePerSession)
	}, func(d, s *calc.Provision) { d.PricePerSession = s.PricePerSession }},
	{"Indirect work", func(p *calc.Provision) string {
		return yesNo(p.IncludesIndirect) + ", missed " + yesNo(p.IndirectMissed)
	}, func(d, s *calc.Provision) {
		d.IncludesIndirect, d.IndirectMissed = s.IncludesIndirect, s.IndirectMissed
	}},
}

func minutesWords(n int) string {
	if n == 0 {
		return ""
	}
	return itoa(n) + " minutes"
}

// draftOf is the part of a provision its steps edit: the answers, without
// the session records, totals and notes, which stay in the record.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func draftOf(p calc.Provision) calc.Provision {
	d := cloneProvision(p)
	d.Outcomes, d.CountPeriods, d.NotInPlace, d.Notes = nil, nil, nil, ""
	return d
}
