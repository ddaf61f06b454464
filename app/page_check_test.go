//go:build !js

package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

func TestCheckPageWithNoCase(t *testing.T) {
	logsBook(t, nil)
	if text := renderText(t, &checkPage{book: book}); !strings.Contains(text, "Start a record first") {
		t.Errorf("check page without a record: %s", text)
	}
}

func TestCheckPageListsEverySection(t *testing.T) {
	c := logsSeedBook(t)
	text := renderText(t, &checkPage{book: book})
	html := app.HTMLString(&checkPage{book: book})
	pr := c.Plans[0].Provisions[0]
	cal := calc.CalendarFor(c)
	n := calc.Tally(pr, calc.Schedule(pr, cal, today()), calc.Date{}, today())
	for _, want := range []string{
		"Ms B's son", "Nottinghamshire", "An EHC plan", "29 September 2023",
		"Occupational therapy", "1 session a week, term time only",
		strconv.Itoa(n.Due) + " due so far", strconv.Itoa(n.Delivered) + " given", strconv.Itoa(n.Missed) + " missed",
		"4 contacts", "Complaints procedure", "The usual dates", "Continue to the summary",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the check page does not show %q:\n%s", want, text)
		}
	}
	for _, link := range []string{"/child/name?return=/check", "/plan/dates?return=/check",
		"/provision/check?id=ot&return=/check", "/complaint/stage1?return=/check", "/contacts", "/calendar", `href="/summary"`} {
		if !strings.Contains(html, link) {
			t.Errorf("the check page has no link %s", link)
		}
	}
}

func TestCheckPageNewRecord(t *testing.T) {
	c := newCase(`<em>Sam</em>`)
	logsBook(t, &c)
	html := app.HTMLString(&checkPage{book: book})
	if strings.Contains(html, "<em>Sam") || !strings.Contains(html, "&lt;em&gt;Sam&lt;/em&gt;") {
		t.Error("the child's name is not shown as typed text")
	}
	text := renderText(t, &checkPage{book: book})
	for _, want := range []string{"You have not added any help from the plan", "None yet", "Not given"} {
		if !strings.Contains(text, want) {
			t.Errorf("the check page of a new record does not show %q", want)
		}
	}
}

func TestLogsRoutesAreRegistered(t *testing.T) {
	have := map[string]bool{}
	for _, r := range routes {
		have[r.path] = true
	}
	for _, p := range []string{"/contacts", "/contact", "/delays", "/complaint/noticed", "/complaint/stage1", "/complaint/stage2",
		"/complaint/ombudsman", "/complaint/procedure", "/complaint/timescales", "/deadlines", "/calendar",
		"/calendar/term", "/calendar/inset", "/check"} {
		if !have[p] {
			t.Errorf("no route %s", p)
		}
	}
}
