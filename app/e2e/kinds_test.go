//go:build !js

package e2e

import (
	"strings"
	"testing"
	"time"

	"provisiontracker/calc"
)

// Issue 12, kinds of help: short breaks in Section H, counted in nights
// (two a month, on Saturdays), are chosen and typed on the screens like
// any other help, and the summary prices the nights missed with calc's
// short-breaks line.
func TestEnterShortBreaks(t *testing.T) {
	tb := startRecordOnPhone(t, "Ava")
	ehcPlanIssued(tb, "9", "1", "2023")

	tb.navigate("/provisions")
	tb.click("a[href$='/provision/type?new=1']")
	tb.waitPath("/provision/type")
	if got := tb.text("main"); !strings.Contains(got, "Short breaks or respite") || !strings.Contains(got, "Transport to school or college") {
		t.Fatalf("the kinds of help offered: %s", got)
	}
	chooseShortBreaksInSectionH(tb)
	tb.fill("wording", "Two nights a month of overnight short breaks.")
	tb.continueTo("/provision/amount")
	tb.fill("count", "2")
	tb.choose("per", "month")
	tb.continueTo("/provision/weeks")
	tb.click("#weeks-2")   // all year
	tb.click("#weekday-6") // Saturdays
	datesToCheck(tb, [3]string{"9", "1", "2023"}, [3]string{"8", "1", "2024"})
	if got := tb.text("main"); !strings.Contains(got, "Short breaks or respite") || !strings.Contains(got, "Section H") {
		t.Errorf("check your answers says: %s", got)
	}
	tb.continueTo("/provisions")

	// Two nights a month on Saturdays: the nights due are Saturdays.
	visitPage(tb, "/sessions/log?id=provision-1", "li.session")
	for _, d := range sessionDatesShown(tb) {
		if !strings.HasPrefix(d, "Sat ") {
			t.Errorf("a night due on %q, not a Saturday", d)
		}
	}

	tb.navigate("/sessions")
	tb.click(".card-actions a[href*='/sessions/count']")
	tb.waitPath("/sessions/count")
	tb.fillDate("from", "1", "3", "2023")
	tb.fillDate("to", "31", "8", "2023")
	tb.fill("missed", "8")
	tb.continueTo("/sessions")

	tb.reload()
	goTo(tb, "/summary")
	c, _ := storedCase(tb)
	pr := c.Plans[0].Provisions
	if len(pr) != 1 || pr[0].Type != calc.TypeShortBreaks || pr[0].Section != calc.SectionH || pr[0].Weeks != calc.AllYear {
		t.Fatalf("stored help %+v", pr)
	}
	est := calc.EstimateCase(c, calc.DefaultRules(), todayDate())
	var line *calc.Line
	for i, l := range est.Lines {
		if l.Kind == calc.LineShortBreaks {
			line = &est.Lines[i]
		}
	}
	if line == nil {
		t.Fatalf("calc prices no short-breaks line: %+v", est.Lines)
	}
	text := normalizeSpace(pageText(tb))
	for _, want := range []string{line.Title, calc.FormatMoney(line.Typical), "short breaks and respite"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary does not show %q", want)
		}
	}
	if strings.Contains(text, "none recorded yet") {
		t.Error("the summary says none are recorded, with 8 missed sessions recorded")
	}
	checkAxe(t, tb)
	screenshot(t, tb, "short-breaks-summary")
}

// Short breaks every Saturday, all year, as a day at a club (sessions) or
// as 6 hours (hours): the entries due fall on Saturdays, holidays too, and
// what the parent records stays on them.
func TestShortBreaksOnSaturdays(t *testing.T) {
	for _, tc := range []struct {
		name, unit, count, wording string
	}{
		{"sessions", "#unit", "1", "A day at the Saturday club every week, all year."},
		{"hours", "#unit-2", "6", "6 hours of care every Saturday, all year."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := startRecordOnPhone(t, "Ava")
			ehcPlanIssued(tb, "1", "9", "2025")

			tb.navigate("/provisions")
			tb.click("a[href$='/provision/type?new=1']")
			tb.waitPath("/provision/type")
			chooseShortBreaksInSectionH(tb)
			tb.fill("wording", tc.wording)
			tb.continueTo("/provision/amount")
			tb.fill("count", tc.count)
			tb.click(tc.unit)
			tb.choose("per", "week")
			tb.continueTo("/provision/weeks")
			tb.click("#weeks-2") // all year
			if got := tb.text("label[for=weekday-6]"); got != "Saturday" {
				t.Fatalf("the sixth day offered is %q, want Saturday", got)
			}
			tb.click("#weekday-6")
			checkAxe(t, tb)
			screenshot(t, tb, "weeks-saturday")
			datesToCheck(tb, [3]string{"1", "9", "2025"}, [3]string{"31", "10", "2025"})
			tb.waitForText("main", "Saturday")
			tb.continueTo("/provisions")

			// 6 September to 25 October 2025: 8 Saturdays, half term included.
			visitPage(tb, "/sessions/log?id=provision-1", "li.session")
			dates := sessionDatesShown(tb)
			if len(dates) == 0 {
				t.Fatal("nothing listed as due")
			}
			for _, d := range dates {
				if !strings.HasPrefix(d, "Sat ") {
					t.Errorf("help due on %q, not a Saturday", d)
				}
			}
			markMissed(tb, 2)
			tb.reload()
			visitPage(tb, "/sessions/log?id=provision-1", "li.session")
			c, _ := storedCase(tb)
			pr := c.Plans[0].Provisions[0]
			if len(pr.Weekdays) != 1 || pr.Weekdays[0] != "saturday" || pr.Weeks != calc.AllYear || string(pr.Frequency.Unit) != tc.name {
				t.Fatalf("stored help: weekdays %v, weeks %s, unit %s", pr.Weekdays, pr.Weeks, pr.Frequency.Unit)
			}
			if len(pr.Outcomes) != 2 {
				t.Fatalf("%d recorded, want 2", len(pr.Outcomes))
			}
			for _, o := range pr.Outcomes {
				if o.Date.Weekday() != time.Saturday || o.Status != calc.StatusMissed {
					t.Errorf("recorded %s as %s", o.Date, o.Status)
				}
			}
			counts := calc.Tally(pr, calc.Schedule(pr, calc.DefaultCalendar(), todayDate()), calc.Date{}, calc.Date{})
			if counts.Due != 8 || counts.Missed != 2 {
				t.Errorf("calc counts %d due and %d missed, want 8 and 2", counts.Due, counts.Missed)
			}
			screenshot(t, tb, "short-breaks-saturdays")
		})
	}
}

// ehcPlanIssued answers the plan's kind (an EHC plan) and the date it was
// issued.
func ehcPlanIssued(tb *tab, day, month, year string) {
	tb.t.Helper()
	tb.navigate("/plan/kind")
	tb.click("#kind")
	tb.continueTo("/plan/issued")
	tb.fillDate("date", day, month, year)
	tb.click("form button[type=submit]")
}

// datesToCheck goes on from the day question to the help's start and end
// dates (day, month, year), skips the provider, answers no indirect work
// and arrives at check your answers.
func datesToCheck(tb *tab, start, end [3]string) {
	tb.t.Helper()
	tb.continueTo("/provision/dates")
	tb.fillDate("start", start[0], start[1], start[2])
	tb.fillDate("end", end[0], end[1], end[2])
	tb.continueTo("/provision/provider")
	tb.continueTo("/provision/indirect")
	tb.click("#includes-2")
	tb.continueTo("/provision/check")
}

// chooseShortBreaksInSectionH answers the type page of new help with short
// breaks and the section page with Section H, and goes on to the wording.
func chooseShortBreaksInSectionH(tb *tab) {
	tb.t.Helper()
	eval[bool](tb, "choosing short breaks", `(() => { [...document.querySelectorAll("main label")]
		.find(l => l.textContent.includes("Short breaks or respite")).click(); return true })()`)
	tb.continueTo("/provision/section")
	tb.click("#section-3") // Section H: social care
	tb.continueTo("/provision/wording")
}

// sessionDatesShown is the dates of the sessions the log shows ("Sat 6
// September 2025").
func sessionDatesShown(tb *tab) []string {
	tb.t.Helper()
	return eval[[]string](tb, "reading the sessions due", `[...document.querySelectorAll("li.session .session-date")].map(e => e.innerText.trim())`)
}
