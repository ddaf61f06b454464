//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"

	"provisiontracker/calc"
)

// TestSessionLogReadsCalcLog checks that the session page lists what
// calc's session log lists: sessions inside totals or a stretch not in
// place are not offered to tap (calc does not count taps there), and the
// stretches say what they stand for, with the parent's dates.
func TestSessionLogReadsCalcLog(t *testing.T) {
	c := logCase()
	pr := &c.Plans[0].Provisions[0]
	pr.CountPeriods = []calc.CountPeriod{{From: calc.MustDate(2024, 2, 1), To: calc.MustDate(2024, 2, 29), Missed: 2}}
	pr.NotInPlace = []calc.Spell{{From: calc.MustDate(2024, 4, 15), To: calc.MustDate(2024, 5, 10)}}
	logsBook(t, &c)
	p := &sessionLogPage{book: book}
	p.load(url.Values{"id": {"ot"}})
	lg := calc.ProvisionLog(*pr, calc.CalendarFor(c), calc.Date{}, today())
	var listed []calc.Session
	for _, m := range p.months {
		listed = append(listed, m.Sessions...)
		for _, s := range m.Sessions {
			if s.Date.Month() == 2 {
				t.Errorf("%s is inside the totals for February but offered to tap", s.Date.Long())
			}
			if !s.Date.Before(calc.MustDate(2024, 4, 15)) && !s.Date.After(calc.MustDate(2024, 5, 10)) {
				t.Errorf("%s is inside the stretch not in place but offered to tap", s.Date.Long())
			}
		}
	}
	if want := lg.Sessions(); len(listed) != len(want) {
		t.Errorf("the page lists %d sessions, calc's log %d", len(listed), len(want))
	}
	page := &sessionLogPage{book: book}
	page.load(url.Values{"id": {"ot"}})
	for i := range page.months {
		page.open[page.months[i].Key] = true
	}
	text := strings.Join(strings.Fields(renderText(t, page)), " ")
	for _, m := range page.months {
		month := &sessionMonth{book: book, ProvisionID: "ot", Month: m, StartOpen: true}
		month.OnInit()
		text += " " + strings.Join(strings.Fields(renderText(t, month)), " ")
	}
	for _, want := range []string{
		"Totals you entered for 1 February 2024 to 29 February 2024: 0 delivered, 2 missed",
		"Not in place from 15 April 2024 to 10 May 2024: the 4 sessions due in that time count as missed.",
		"Done: back to all the help",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
}
