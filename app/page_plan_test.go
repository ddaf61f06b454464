//go:build !js

package main

import (
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
		"kind": &planKindPage{}, "issued": &planIssuedPage{planDatePage{q: planIssued}},
		"review": &planReviewPage{planDatePage{q: planReview}}, "dates": &planDatesPage{},
	} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
	if (&planKindPage{kind: "ehc_plan"}).save() || (&planDatePage{q: planIssued, date: dt("1", "2", "2023")}).save() ||
		(&planDatesPage{}).save() {
		t.Error("a plan page saved with no record open")
	}
}

func TestPlanKind(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	p := &planKindPage{}
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"none chosen", func() { p.kind = "" }, "kind", "Choose the kind of plan"},
		// A value not among the radios (a crafted form) is calc's to refuse.
		{"not a kind", func() { p.kind = "statement" }, "kind", "Choose the kind of plan: ehc_plan, care_plan or other"},
	})
	p.kind = string(calc.PlanCarePlan)
	if !p.save() || book.current().Plans[0].Kind != calc.PlanCarePlan {
		t.Fatalf("kind not saved: %v", p.errs)
	}
	q := &planKindPage{}
	q.OnNav(app.Context{})
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
	issued := &planIssuedPage{planDatePage{q: planIssued}}
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
	review := &planReviewPage{planDatePage{q: planReview}}
	review.OnNav(app.Context{})
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
	issued = &planIssuedPage{planDatePage{q: planIssued}}
	issued.OnNav(app.Context{})
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
	p := &planDatesPage{}
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
	q := &planDatesPage{}
	q.OnNav(app.Context{})
	if q.dates != p.dates {
		t.Errorf("the page shows %+v, want the saved dates %+v", q.dates, p.dates)
	}
}
