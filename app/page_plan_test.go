//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// Component tests of the plan questions: its kind, its date, the last
// review and the dates of making or changing it.

func TestPlanPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	for name, c := range map[string]app.Composer{
		"kind": &planKindPage{book: book}, "issued": &planIssuedPage{planDatePage{book: book, q: planIssued}},
		"review": &planReviewPage{planDatePage{book: book, q: planReview}}, "dates": &planDatesPage{book: book},
	} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
	if (&planKindPage{book: book, kind: "ehc_plan"}).save() || (&planDatePage{book: book, q: planIssued, date: dt("1", "2", "2023")}).save() ||
		(&planDatesPage{book: book}).save() {
		t.Error("a plan page saved with no record open")
	}
}

func TestPlanKind(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	p := &planKindPage{book: book}
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"none chosen", func() { p.kind = "" }, "kind", "Choose the kind of plan"},
		// A value not among the radios (a crafted form) is calc's to refuse.
		{"not a kind", func() { p.kind = "statement" }, "kind", "Choose the kind of plan: ehc_plan, care_plan or other"},
	})
	p.kind = string(calc.PlanCarePlan)
	if !p.save() || book.current().Plans[0].Kind != calc.PlanCarePlan {
		t.Fatalf("kind not saved: %v", p.errs)
	}
	q := &planKindPage{book: book}
	q.load(nil)
	if q.kind != string(calc.PlanCarePlan) {
		t.Errorf("the page shows %q, want the saved kind", q.kind)
	}
	if html := app.HTMLString(q); !strings.Contains(openingTag(html, `value="care_plan"`), " checked") {
		t.Errorf("the saved kind is not ticked:\n%s", html)
	}
}

func TestPlanDates(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	issued := &planIssuedPage{planDatePage{book: book, q: planIssued}}
	checkBadAnswers(t, issued.save, func() formErrors { return issued.errs }, []badAnswer{
		{"empty", func() { issued.date = dateText{} }, "date", "Enter the date of the plan"},
		{"no such day", func() { issued.date = dt("31", "2", "2024") }, "date", "The date must be a real date: February 2024 has no day 31"},
		{"two-number year", func() { issued.date = dt("14", "7", "24") }, "date", "The date must have a year with 4 numbers, like 2024"},
		{"in the future", func() { issued.date = future() }, "date", "The date must be today or in the past"},
		{"too long ago", func() { issued.date = dt("1", "1", "1989") }, "date", "The date must be between 1990 and 2100"},
	})
	issued.date = dt("27", "2", "2023")
	if !issued.save() || !book.current().Plans[0].Issued.Equal(calc.MustDate(2023, 2, 27)) {
		t.Fatalf("plan date not saved: %v", issued.errs)
	}

	// The review is optional; an empty answer is saved as none.
	review := &planReviewPage{planDatePage{book: book, q: planReview}}
	review.load(nil)
	if !review.date.empty() {
		t.Errorf("the review page shows %+v before any review", review.date)
	}
	if !review.save() {
		t.Fatalf("an empty review date was refused: %v", review.errs)
	}
	review.date = dt("29", "9", "2023")
	if !review.save() || !book.current().Plans[0].LastReview.Equal(calc.MustDate(2023, 9, 29)) {
		t.Fatalf("review date not saved: %v", review.errs)
	}
	// Each page shows its own question and date, not the other's.
	issued = &planIssuedPage{planDatePage{book: book, q: planIssued}}
	issued.load(nil)
	if issued.date != dt("27", "2", "2023") || !strings.Contains(renderText(t, issued), "What is the date of the plan?") {
		t.Errorf("the plan date page shows %+v", issued.date)
	}
	if text := renderText(t, review); !strings.Contains(text, "When was the last annual review meeting?") {
		t.Errorf("the review page: %s", text)
	}
}

func TestPlanProcessDates(t *testing.T) {
	c := newCase("Sam")
	c.Plans[0].LastReview = calc.MustDate(2023, 9, 29)
	logsBook(t, &c)
	p := &planDatesPage{book: book}
	idx := map[string]int{}
	for i, q := range processDateQuestions {
		idx[q.id] = i
	}
	set := func(id string, d dateText) func() {
		return func() { p.dates = [len(processDateQuestions)]dateText{}; p.dates[idx[id]] = d }
	}
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"no such day", set("draft", dt("31", "2", "2024")), "draft",
			"The council sent the draft plan must be a real date: February 2024 has no day 31"},
		{"in the future", set("final", future()), "final",
			"The council sent the first final plan: the date must be today or in the past"},
		{"two-number year", set("requested", dt("1", "2", "23")), "requested",
			"You asked for an EHC needs assessment must have a year with 4 numbers"},
		// calc's order check, shown by the date it is about.
		{"decision before the review", set("decision", dt("1", "9", "2023")), "decision",
			"The decision must be after the review meeting"},
	})

	// Two wrong dates: a message by each.
	p.dates = [len(processDateQuestions)]dateText{}
	p.dates[idx["draft"]], p.dates[idx["amended-final"]] = dt("30", "2", "2023"), future()
	logsUnchanged(t, p.save)
	if len(p.errs) != 2 || p.errs.of("draft") == "" || p.errs.of("amended-final") == "" {
		t.Errorf("want a message by each wrong date, got %v", p.errs)
	}

	p.dates = [len(processDateQuestions)]dateText{}
	p.dates[idx["requested"]], p.dates[idx["draft"]], p.dates[idx["final"]] =
		dt("3", "1", "2022"), dt("1", "6", "2022"), dt("20", "7", "2022")
	if !p.save() {
		t.Fatalf("dates not saved: %v", p.errs)
	}
	pd := book.current().Plans[0].Process
	if !pd.AssessmentRequested.Equal(calc.MustDate(2022, 1, 3)) || !pd.DraftIssued.Equal(calc.MustDate(2022, 6, 1)) ||
		!pd.FinalIssued.Equal(calc.MustDate(2022, 7, 20)) || !pd.ReviewDecision.IsZero() {
		t.Errorf("process dates stored %+v", pd)
	}
	q := &planDatesPage{book: book}
	q.load(nil)
	if q.dates != p.dates {
		t.Errorf("the page shows %+v, want the saved dates %+v", q.dates, p.dates)
	}
}

// TestCarePlanQuestions checks that a care plan gets its own questions:
// the plan's date in care-plan words, the court order and the reviews the
// plan promised, not the annual review or EHC steps.
func TestCarePlanQuestions(t *testing.T) {
	c := newCase("Y")
	c.Plans[0].Kind = calc.PlanCarePlan
	logsBook(t, &c)
	issued := &planIssuedPage{planDatePage{book: book, q: planIssued}}
	text := renderText(t, issued)
	if !strings.Contains(text, "What is the date of the care plan?") || strings.Contains(text, "final plan") {
		t.Errorf("the date question is not in care-plan words: %s", text)
	}
	if next := issued.question().next; next != "/plan/order" {
		t.Errorf("after the care plan's date comes %s, want /plan/order (not the annual review)", next)
	}
	issued.date = dt("15", "9", "2022")
	if !issued.save() {
		t.Fatalf("date: %v", issued.errs)
	}

	order := &planOrderPage{book: book, title: "12-month supervision order", made: dt("15", "9", "2022"), ends: dt("14", "9", "2022")}
	logsUnchanged(t, order.save)
	if order.errs.of("ends-day") == "" {
		t.Errorf("an order ending before it was made: errors %v", order.errs)
	}
	order.ends = dt("14", "9", "2023")
	if !order.save() {
		t.Fatalf("order: %v", order.errs)
	}
	pl := book.current().Plans[0]
	if pl.OrderMade != calc.MustDate(2022, 9, 15) || pl.OrderEnds != calc.MustDate(2023, 9, 14) || pl.Title != "care plan under a 12-month supervision order" {
		t.Errorf("plan after the order page: %+v", pl)
	}

	reviews := &planReviewsPage{book: book}
	reviews.load()
	if !strings.Contains(renderText(t, reviews), "Add reviews at 3, 6 and 9 months") {
		t.Error("no way to add the usual reviews")
	}
	if !reviews.addReviews() || len(reviews.done) != 3 {
		t.Fatalf("reviews not added: %v", reviews.errs)
	}
	text = renderText(t, reviews)
	for _, want := range []string{"Review of the care plan at 3 months: due 15 December 2022", "at 9 months: due 15 June 2023"} {
		if !strings.Contains(text, want) {
			t.Errorf("the reviews page lacks %q: %s", want, text)
		}
	}
	reviews.done[0] = dt("10", "1", "2023")
	if !reviews.save() {
		t.Fatalf("review dates: %v", reviews.errs)
	}
	c = book.current()
	dls := calc.Deadlines(c, calc.CalendarFor(c), calc.MustDate(2023, 7, 1))
	late, overdue := 0, 0
	for _, d := range dls {
		if strings.HasPrefix(d.Key, "promised_step_") {
			switch d.Status {
			case calc.Late:
				late++
			case calc.Overdue:
				overdue++
			}
		}
	}
	if late != 1 || overdue != 2 {
		t.Errorf("calc has %d late and %d overdue reviews, want 1 and 2", late, overdue)
	}
}

// TestPlanDateMonthOnly checks that a parent who knows only "December
// 2022" can give it, that it is kept to the month, and shown back so.
func TestPlanDateMonthOnly(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	issued := &planIssuedPage{planDatePage{book: book, q: planIssued}}
	issued.date = dt("", "12", "2022")
	if !issued.save() {
		t.Fatalf("month and year refused: %v", issued.errs)
	}
	d := book.current().Plans[0].Issued
	if !d.MonthOnly() || d.Long() != "December 2022" {
		t.Fatalf("saved %v (%q), want December 2022, month only", d, d.Long())
	}
	again := &planIssuedPage{planDatePage{book: book, q: planIssued}}
	again.load(nil)
	if again.date != dt("", "12", "2022") {
		t.Errorf("shown back as %+v", again.date)
	}
	// A day with no month is still refused.
	issued.date = dt("3", "", "2022")
	logsUnchanged(t, issued.save)
}

// TestPhaseTransferYear checks that the year of a move to a new school can
// be entered, and calc then has its 15 February deadline.
func TestPhaseTransferYear(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	p := &planDatesPage{book: book, phase: "20x4"}
	logsUnchanged(t, p.save)
	if p.errs.of("phase") == "" {
		t.Error("a year that is not a number was accepted")
	}
	p.phase = " 2024 "
	if !p.save() {
		t.Fatalf("year: %v", p.errs)
	}
	c = book.current()
	d, ok := calc.Deadline{}, false
	for _, x := range calc.Deadlines(c, calc.CalendarFor(c), calc.MustDate(2024, 3, 1)) {
		if x.Key == "phase_transfer" {
			d, ok = x, true
		}
	}
	if !ok || d.Due != calc.MustDate(2024, 2, 15) || d.Status != calc.Overdue {
		t.Errorf("phase transfer deadline = %+v %v, want 15 February 2024, overdue", d, ok)
	}
	again := &planDatesPage{book: book}
	again.load(nil)
	if again.phase != "2024" {
		t.Errorf("shown back as %q", again.phase)
	}
}

// Only the plan dates changed on the page are saved: a date another tab
// saved while the page was open stays as that tab saved it.
func TestPlanDatesSaveOnlyWhatWasChanged(t *testing.T) {
	other := twoTabs(t, logsSeedCase(t))
	p := &planDatesPage{book: book}
	p.load(url.Values{})
	asked := calc.MustDate(2022, 3, 1)
	other.change(func(c *calc.Case) { c.Plans[0].Process.AssessmentRequested = asked })
	for i, q := range processDateQuestions {
		if q.id == "final" {
			p.dates[i] = dt("20", "10", "2022")
		}
	}
	if !p.save() || book.dirty {
		t.Fatalf("not saved: %v (unsaved %v)", p.errs, book.dirty)
	}
	pd := other.stored().Plans[0].Process
	if pd.AssessmentRequested != asked || pd.FinalIssued != calc.MustDate(2022, 10, 20) {
		t.Errorf("saved %+v; want this page's final plan date and the other tab's request date", pd)
	}
}

// The Tribunal's order and a social-care assessment are typed on the
// dates page, checked by calc, and give calc's deadlines.
func TestTribunalAndSocialCareDates(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	p := &planDatesPage{book: book}
	idx := map[string]int{}
	for i, q := range processDateQuestions {
		idx[q.id] = i
	}
	p.load(nil)
	p.dates[idx["tribunal"]], p.dates[idx["tribunal-done"]] = dt("1", "3", "2024"), dt("1", "2", "2024")
	logsUnchanged(t, p.save)
	if msg := p.errs.of("tribunal-done"); !strings.Contains(msg, "after the Tribunal's order") {
		t.Errorf("a change before the order says %q by its date", msg)
	}
	p.dates[idx["tribunal-done"]] = dt("", "", "")
	p.dates[idx["care-asked"]], p.dates[idx["care-done"]] = dt("6", "1", "2025"), dt("", "5", "2025")
	if !p.save() {
		t.Fatalf("not saved: %v", p.errs)
	}
	got := book.current()
	pd := got.Plans[0].Process
	if !pd.TribunalOrder.Equal(calc.MustDate(2024, 3, 1)) || !pd.SocialCareAssessmentRequested.Equal(calc.MustDate(2025, 1, 6)) ||
		!pd.SocialCareAssessmentDone.MonthOnly() {
		t.Fatalf("stored %+v", pd)
	}
	keys := map[string]calc.Deadline{}
	for _, d := range calc.Deadlines(got, calc.CalendarFor(got), calc.MustDate(2026, 12, 1)) {
		keys[d.Key] = d
	}
	for _, k := range []string{"social_care_assessment", "tribunal_order_5_weeks"} {
		if d, ok := keys[k]; !ok || (d.Status != calc.Late && d.Status != calc.Overdue) {
			t.Errorf("deadline %s: %+v (want it late or overdue)", k, d)
		}
	}
}
