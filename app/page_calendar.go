package main

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// The school calendar behind every count: which days were school days.
// calc ships usual term dates for each school year; the parent can change
// any term to match their child's school and add INSET days. Bank holidays
// are calc's and need nothing from the parent.

// calendarChangedSource marks a school year the parent changed, so the
// calendar page can say so.
const calendarChangedSource = "Changed by you"

// calendarTermNames are the usual names of the three terms, for headings.
var calendarTermNames = map[string]string{"autumn": "Autumn term", "spring": "Spring term", "summer": "Summer term"}

func calendarTermName(t calc.Term, i int) string {
	if n, ok := calendarTermNames[strings.ToLower(t.Name)]; ok {
		return n
	}
	if t.Name != "" {
		return sentence(t.Name)
	}
	return "Term " + itoa(i+1)
}

// calendarYears returns the school years the record's help covers, as the
// calendar in use has them (the parent's changes included): from the
// school year of the earliest start to the one of the latest end (or
// today). With no help yet, it is this school year.
func calendarYears(c calc.Case, cal calc.Calendar, now calc.Date) []calc.SchoolYear {
	first, last := now, now
	for _, p := range provisionsOf(c) {
		if !p.Start.IsZero() && p.Start.Before(first) {
			first = p.Start
		}
		if !p.End.IsZero() && p.End.After(last) {
			last = p.End
		}
	}
	from, to := cal.SchoolYearOf(first).StartYear(), cal.SchoolYearOf(last).StartYear()
	if to-from > 12 { // a mistyped year should not list decades
		from = to - 12
	}
	var out []calc.SchoolYear
	for _, sy := range cal.SchoolYears() {
		if y := sy.StartYear(); y >= from && y <= to {
			out = append(out, sy)
		}
	}
	return out
}

// calendarYearOf returns the school year starting in September of y, as
// the record's calendar has it (calc.CalendarFor does the same: the
// parent's year, else calc's default), and whether the parent changed it.
func calendarYearOf(c calc.Case, y int) (sy calc.SchoolYear, changed bool) {
	for _, own := range c.Calendar.SchoolYears {
		if own.StartYear() == y {
			return own, true
		}
	}
	return calc.DefaultSchoolYear(y), false
}

// calendarPage shows the term dates in use and the INSET days.
type calendarPage struct {
	app.Compo
	book    *caseBook  // the parent's records, given by main
	removed *calc.Date // the INSET day just removed, for Undo
}

func (p *calendarPage) OnNav(ctx app.Context) {
	p.book.open()
	p.removed = nil
}

func (p *calendarPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	cal := calc.CalendarFor(c)
	years := calendarYears(c, cal, today())
	content := []app.UI{
		elP().Text("We use the school's term dates to work out which sessions were due. " +
			"Check them against your child's school's dates, and change any that are different."),
		elP().Text("Bank holidays are left out for you: you do not need to add them."),
	}
	for _, sy := range years {
		content = append(content, p.renderYear(c, sy))
	}
	inset := append([]calc.Date(nil), c.Calendar.InsetDays...)
	sortBy(inset, func(a, b calc.Date) bool { return a.Before(b) })
	content = append(content,
		elH2().Text("INSET days"),
		elP().Text("Training days when the school is closed to pupils. Help that happens in term time is not due on these days."),
		elIf(p.removed != nil, func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").Body(
				elP().Text("You removed the INSET day on "+p.removed.Long()+"."),
				elButton().Type("button").Class("button button-secondary").Text("Undo").OnClick(p.undo),
			)
		}),
		elIf(len(inset) == 0, func() app.UI {
			return elP().Class("empty").Text("You have not added any INSET days.")
		}),
		elIf(len(inset) > 0, func() app.UI {
			return elUl().Class("inset-list").Body(elRange(inset).Slice(func(i int) app.UI {
				d := inset[i]
				return elLi().Class("inset-day").Body(
					elSpan().Text(d.Long()),
					elButton().Type("button").Class("link-button").
						OnClick(func(ctx app.Context, e app.Event) { p.removeInset(d) }).Body(
						elText("Remove"), elSpan().Class("visually-hidden").Text(" the INSET day on "+d.Long())),
				)
			}))
		}),
		elDiv().Class("actions").Body(
			elA().Class("button button-secondary").Href(pagePath("/calendar/inset")).Text("Add an INSET day"),
			elA().Class("button").Href(pagePath("/tasks")).Text("Back to the record"),
		),
	)
	return newPage(p.book, "School term dates", content...).backTo("/tasks")
}

func (p *calendarPage) renderYear(c calc.Case, sy calc.SchoolYear) app.UI {
	y := sy.StartYear()
	_, changed := calendarYearOf(c, y)
	var source string
	switch {
	case changed:
		source = "You changed these dates."
	case sy.Source == calc.RuleSchoolYear(y).Source:
		source = "We worked these dates out from the usual pattern in England. Your school's dates may be different."
	default:
		// calc names its source like "Kent County Council term dates (https://…)".
		who := strings.TrimSuffix(strings.SplitN(sy.Source, " (", 2)[0], " term dates")
		source = "We use the term dates of " + who + ". Your school's dates may be different."
	}
	var rows []summaryRow
	for i, t := range sy.Terms {
		v := t.Start.Long() + " to " + t.End.Long()
		if !t.HalfTermStart.IsZero() {
			v += "\nHalf term: " + t.HalfTermStart.Long() + " to " + t.HalfTermEnd.Long()
		}
		rows = append(rows, summaryRow{Key: calendarTermName(t, i) + " " + sy.Year, Value: v,
			Change: "/calendar/term?year=" + itoa(y) + "&term=" + itoa(i)})
	}
	return elSection().Class("calendar-year").Body(
		elH2().Text("School year "+sy.Year),
		elP().Class("hint").Text(source),
		summaryList(rows),
		elIf(changed, func() app.UI {
			return elButton().Type("button").Class("link-button").
				OnClick(func(ctx app.Context, e app.Event) { p.resetYear(y) }).
				Text("Use the usual dates for " + sy.Year + " again")
		}),
	)
}

// resetYear drops the parent's term dates for one year.
func (p *calendarPage) resetYear(y int) {
	p.book.change(func(c *calc.Case) {
		var keep []calc.SchoolYear
		for _, sy := range c.Calendar.SchoolYears {
			if sy.StartYear() != y {
				keep = append(keep, sy)
			}
		}
		c.Calendar.SchoolYears = keep
	})
}

func (p *calendarPage) removeInset(d calc.Date) {
	problems := p.book.change(func(c *calc.Case) {
		var keep []calc.Date
		for _, x := range c.Calendar.InsetDays {
			if !x.Equal(d) {
				keep = append(keep, x)
			}
		}
		c.Calendar.InsetDays = keep
	})
	if len(problems) == 0 && p.book.saveError == "" {
		p.removed = &d
	}
}

func (p *calendarPage) undo(ctx app.Context, e app.Event) {
	if p.removed == nil {
		return
	}
	d := *p.removed
	p.book.change(func(c *calc.Case) { c.Calendar.InsetDays = insetWith(c.Calendar.InsetDays, d) })
	p.removed = nil
}

// insetWith adds a day to a list of INSET days, kept in date order.
func insetWith(list []calc.Date, d calc.Date) []calc.Date {
	out := append(append([]calc.Date(nil), list...), d)
	sortBy(out, func(a, b calc.Date) bool { return a.Before(b) })
	return out
}

// calendarTermPage changes the dates of one term of one school year
// (/calendar/term?year=2023&term=0).
type calendarTermPage struct {
	app.Compo
	book                           *caseBook // the parent's records, given by main
	year, term                     int
	found                          bool
	start, end, halfStart, halfEnd dateText
	// shown is the four dates as the page opened with them: only the
	// ones the parent changed are saved, into the latest saved record.
	shown [4]dateText
	errs  formErrors
}

func (p *calendarTermPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

func (p *calendarTermPage) load(q url.Values) {
	*p = calendarTermPage{Compo: p.Compo, book: p.book}
	if !p.book.hasCase() {
		return
	}
	y, err1 := strconv.Atoi(q.Get("year"))
	t, err2 := strconv.Atoi(q.Get("term"))
	if err1 != nil || err2 != nil || y < 1990 || y > 2099 {
		return
	}
	sy, _ := calendarYearOf(p.book.current(), y)
	if t < 0 || t >= len(sy.Terms) {
		return
	}
	tm := sy.Terms[t]
	p.year, p.term, p.found = y, t, true
	p.start, p.end = dateTextOf(tm.Start), dateTextOf(tm.End)
	p.halfStart, p.halfEnd = dateTextOf(tm.HalfTermStart), dateTextOf(tm.HalfTermEnd)
	p.shown = [4]dateText{p.start, p.end, p.halfStart, p.halfEnd}
}

func (p *calendarTermPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if !p.found {
		return newPage(p.book, "Term not found",
			elP().Text("We could not find that term. Nothing you saved has been lost."),
			elA().Class("button").Href(pagePath("/calendar")).Text("Go to the term dates"),
		)
	}
	sy, _ := calendarYearOf(p.book.current(), p.year)
	title := calendarTermName(sy.Terms[p.term], p.term) + " " + sy.Year
	return newQuestionPage(p.book, title, "/calendar", p.errs,
		questionForm(p.submit, "Save these dates",
			elH1().Class("question").Text("Dates of the "+strings.ToLower(title)),
			elP().Text("Use your child's school's dates. They are usually on the school's website."),
			dateField{ID: "start", Legend: "First day of term", Hint: "Count INSET days as part of the term.",
				Value: &p.start, Error: p.errs.of("start")}.render(&p.Compo),
			dateField{ID: "end", Legend: "Last day of term",
				Value: &p.end, Error: p.errs.of("end")}.render(&p.Compo),
			dateField{ID: "half-start", Legend: "First day of half term",
				Hint:  "The first weekday your child is off. Leave both half term dates empty if there is none.",
				Value: &p.halfStart, Error: p.errs.of("half-start")}.render(&p.Compo),
			dateField{ID: "half-end", Legend: "Last day of half term",
				Value: &p.halfEnd, Error: p.errs.of("half-end")}.render(&p.Compo),
		))
}

func (p *calendarTermPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/calendar")
}

// save checks the four dates and keeps them as the parent's own dates for
// that school year; calc checks they make sense together.
func (p *calendarTermPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() || !p.found {
		return false
	}
	var dates [4]calc.Date
	for i, f := range []struct {
		id, what, missing string
		v                 dateText
	}{
		{"start", "First day of term", "Enter the first day of term", p.start},
		{"end", "Last day of term", "Enter the last day of term", p.end},
		{"half-start", "First day of half term", "", p.halfStart},
		{"half-end", "Last day of half term", "", p.halfEnd},
	} {
		d, msg := f.v.parse(f.what)
		if msg == "" && d.IsZero() && f.missing != "" {
			msg = f.missing
		}
		if msg != "" {
			p.errs.add(f.id+"-day", msg)
		}
		dates[i] = d
	}
	if len(p.errs) > 0 {
		return false
	}
	typed := [4]dateText{p.start, p.end, p.halfStart, p.halfEnd}
	at := 0
	p.book.refresh() // change the latest saved record, not the one this page opened
	problems := p.book.change(func(c *calc.Case) {
		at = -1
		for i, own := range c.Calendar.SchoolYears {
			if own.StartYear() == p.year {
				at = i
			}
		}
		if at < 0 { // the first change to this year: start from the usual dates
			c.Calendar.SchoolYears = append(c.Calendar.SchoolYears, calc.DefaultSchoolYear(p.year))
			at = len(c.Calendar.SchoolYears) - 1
		}
		sy := &c.Calendar.SchoolYears[at]
		sy.Terms = append([]calc.Term(nil), sy.Terms...) // may be calc's defaults
		tm := &sy.Terms[p.term]
		for i, d := range []*calc.Date{&tm.Start, &tm.End, &tm.HalfTermStart, &tm.HalfTermEnd} {
			if typed[i] != p.shown[i] {
				*d = dates[i]
			}
		}
		sy.Source = calendarChangedSource
	})
	path := "calendar.school_years[" + itoa(at) + "]"
	term := path + ".terms[" + itoa(p.term) + "]"
	p.errs = errorsFrom(problems, "start-day", map[string]string{
		term + ".start": "start-day", term + ".end": "end-day",
		term + ".half_term_start": "half-start-day", term + ".half_term_end": "half-end-day",
		// The next term must start after this one ends: that is about this end date.
		path + ".terms[" + itoa(p.term+1) + "].start": "end-day",
	})
	if len(p.errs) > 0 {
		return false
	}
	p.shown = typed
	return true
}

// calendarInsetPage adds one INSET day.
type calendarInsetPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	date dateText
	errs formErrors
}

func (p *calendarInsetPage) OnNav(ctx app.Context) {
	p.book.open()
	p.date, p.errs = dateText{}, nil
}

func (p *calendarInsetPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	return newQuestionPage(p.book, "Add an INSET day", "/calendar", p.errs,
		questionForm(p.submit, "Add this day",
			dateField{ID: "date", Legend: "What is the date of the INSET day?", AsHeading: true,
				Hint:  "A day the school is closed to pupils for staff training. For example, 2 9 2024.",
				Value: &p.date, Error: p.errs.of("date")}.render(&p.Compo),
		))
}

func (p *calendarInsetPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/calendar")
}

// save adds the day; false, with a message and nothing changed, when the
// date is wrong or already there.
func (p *calendarInsetPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	d, msg := p.date.parse("The date")
	if msg == "" && d.IsZero() {
		msg = "Enter the date of the INSET day"
	}
	if msg == "" && (d.Weekday() == time.Saturday || d.Weekday() == time.Sunday) {
		msg = "The date is a " + d.Weekday().String() + ": an INSET day is a weekday"
	}
	if msg == "" {
		for _, x := range p.book.current().Calendar.InsetDays {
			if x.Equal(d) {
				msg = "You have already added " + d.Long()
			}
		}
	}
	if msg != "" {
		p.errs.add("date-day", msg)
		return false
	}
	problems := p.book.change(func(c *calc.Case) { c.Calendar.InsetDays = insetWith(c.Calendar.InsetDays, d) })
	p.errs = errorsFrom(problems, "date-day", nil)
	return len(p.errs) == 0
}
