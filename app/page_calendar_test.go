//go:build !js

package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

func TestCalendarPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	for name, c := range map[string]app.Composer{"calendar": &calendarPage{book: book}, "term": &calendarTermPage{book: book}, "inset": &calendarInsetPage{book: book}} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
}

func TestCalendarShowsTheYearsTheHelpCovers(t *testing.T) {
	logsSeedBook(t) // OT from 27 February 2023, still going
	text := renderText(t, &calendarPage{book: book})
	now := calc.DefaultCalendar().SchoolYearOf(today()).StartYear()
	for y := 2022; y <= now; y++ {
		sy := calc.DefaultSchoolYear(y)
		if !strings.Contains(text, "School year "+sy.Year) {
			t.Errorf("no school year %s", sy.Year)
		}
		if !strings.Contains(text, sy.Terms[0].Start.Long()+" to "+sy.Terms[0].End.Long()) {
			t.Errorf("%s: calc's autumn term dates are not shown", sy.Year)
		}
	}
	if strings.Contains(text, "School year 2021-22") || strings.Contains(text, "School year 2099") {
		t.Errorf("years the help does not cover are shown")
	}
	for _, want := range []string{"Bank holidays are left out for you", "Hertfordshire County Council", "/calendar/term?year=2023&term=1"} {
		if !strings.Contains(text+app.HTMLString(&calendarPage{book: book}), want) {
			t.Errorf("the calendar page does not show %q", want)
		}
	}
}

func TestCalendarTermBadAnswersChangeNothing(t *testing.T) {
	logsSeedBook(t)
	p := &calendarTermPage{book: book}
	p.load(map[string][]string{"year": {"2023"}, "term": {"1"}})
	if !p.found || p.start != dateTextOf(calc.DefaultSchoolYear(2023).Terms[1].Start) {
		t.Fatalf("term page not filled from calc's defaults: %+v", p)
	}
	p.end = dt("1", "1", "2024") // before the start: calc's check, by the end date
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"end": "End date must be after the start date"})

	p.end = dt("31", "2", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"end": "Last day of term must be a real date: February 2024 has no day 31"})

	p.end, p.start = dt("28", "3", "2024"), dt("", "", "")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"start": "Enter the first day of term"})

	p.start, p.halfEnd = dt("4", "1", "2024"), dt("", "", "")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"half-end": "Give both the first and the last day of half term"})

	p.halfStart, p.halfEnd = dt("1", "4", "2024"), dt("5", "4", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"half-start": "Half term must be inside the term"})

	// Spring may not run into summer: calc's message goes by the end date.
	p.halfStart, p.halfEnd, p.end = dt("12", "2", "2024"), dt("16", "2", "2024"), dt("20", "4", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"end": "A term must start after the one before it ends"})

	p.end = dt("27", "3", "2024")
	if !p.save() {
		t.Fatalf("good dates not saved: %v", p.errs)
	}
	own := book.current().Calendar.SchoolYears
	if len(own) != 1 || own[0].Year != "2023-24" || own[0].Terms[1].End != calc.MustDate(2024, 3, 27) ||
		own[0].Terms[0] != calc.DefaultSchoolYear(2023).Terms[0] {
		t.Fatalf("school year not saved as the defaults plus the change: %+v", own)
	}
	if calc.DefaultSchoolYear(2023).Terms[1].End == calc.MustDate(2024, 3, 27) {
		t.Fatal("the change reached calc's defaults")
	}
	text := renderText(t, &calendarPage{book: book})
	if !strings.Contains(text, "You changed these dates") || !strings.Contains(text, "27 March 2024") {
		t.Errorf("the change is not shown:\n%s", text)
	}
	cp := &calendarPage{book: book}
	cp.resetYear(2023)
	if len(book.current().Calendar.SchoolYears) != 0 {
		t.Error("the usual dates were not put back")
	}

	p = &calendarTermPage{book: book}
	p.load(map[string][]string{"year": {"2023"}, "term": {"7"}})
	if text := renderText(t, p); !strings.Contains(text, "could not find that term") {
		t.Errorf("missing term: %s", text)
	}
}

func TestCalendarInsetDays(t *testing.T) {
	logsSeedBook(t)
	p := &calendarInsetPage{book: book}
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"date": "Enter the date of the INSET day"})
	p.date = dt("6", "1", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"date": "Saturday"})
	p.date = dt("31", "2", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"date": "February 2024 has no day 31"})

	p.date = dt("4", "1", "2024")
	if !p.save() {
		t.Fatal(p.errs)
	}
	p.date = dt("2", "1", "2024")
	if !p.save() {
		t.Fatal(p.errs)
	}
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"date": "You have already added 2 January 2024"})
	if got := book.current().Calendar.InsetDays; len(got) != 2 || !got[0].Before(got[1]) {
		t.Errorf("INSET days: %v", got)
	}
	// calc counts from the calendar with the INSET day taken out.
	if calc.CalendarFor(book.current()).IsSchoolDay(calc.MustDate(2024, 1, 4)) {
		t.Error("calc still counts the INSET day as a school day")
	}

	cp := &calendarPage{book: book}
	cp.removeInset(calc.MustDate(2024, 1, 4))
	if text := renderText(t, cp); !strings.Contains(text, "You removed the INSET day on 4 January 2024") {
		t.Errorf("no Undo notice:\n%s", text)
	}
	cp.undo(app.Context{}, app.Event{})
	if got := book.current().Calendar.InsetDays; len(got) != 2 {
		t.Errorf("Undo did not put the day back: %v", got)
	}
}

// Only the dates changed on the term page are saved: another tab's change
// to the same year (its half term, an INSET day) stays as that tab saved it.
func TestCalendarTermSavesOnlyWhatWasChanged(t *testing.T) {
	other := twoTabs(t, logsSeedCase(t))
	p := &calendarTermPage{book: book}
	p.load(map[string][]string{"year": {"2023"}, "term": {"1"}})
	halfStart := calc.MustDate(2024, 2, 12)
	inset := calc.MustDate(2024, 1, 8)
	other.change(func(c *calc.Case) {
		sy := calc.DefaultSchoolYear(2023)
		sy.Terms = append([]calc.Term(nil), sy.Terms...)
		sy.Terms[1].HalfTermStart = halfStart
		sy.InsetDays = append(append([]calc.Date(nil), sy.InsetDays...), inset)
		c.Calendar.SchoolYears = append(c.Calendar.SchoolYears, sy)
	})
	p.end = dt("27", "3", "2024")
	if !p.save() || book.dirty {
		t.Fatalf("not saved: %v (unsaved: %v)", p.errs, book.dirty)
	}
	sy, _ := calendarYearOf(other.stored(), 2023)
	tm := sy.Terms[1]
	if tm.End != calc.MustDate(2024, 3, 27) || tm.HalfTermStart != halfStart || !slices.Contains(sy.InsetDays, inset) {
		t.Errorf("saved term %+v, INSET %v; want this page's end and the other tab's half term and INSET day", tm, sy.InsetDays)
	}
}
