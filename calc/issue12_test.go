package calc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Tests for the defects issue 12 found when the estimate was tried on
// real decisions, and for the version 2 facts.

func oneProvision(p Provision) Case {
	return Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"},
		Plans: []Plan{{ID: "p", Kind: PlanEHC, Provisions: []Provision{p}}}}
}

func yearGap(p Provision, from, to Date) Provision {
	p.ID, p.Section, p.Start, p.End = "x", SectionF, from, to
	if p.Weeks == "" {
		p.Weeks = TermTime
	}
	p.NotInPlace = []Spell{{From: from, To: to}}
	return p
}

func moneyLines(e Estimate, kind string) decimal.Decimal {
	s := decimal.Zero
	for _, l := range e.Lines {
		if l.Kind == kind {
			s = s.Add(l.Typical)
		}
	}
	return s
}

func within(a, b decimal.Decimal, share string) bool {
	if b.IsZero() {
		return a.IsZero()
	}
	return a.Sub(b).Abs().Div(b).LessThanOrEqual(money(share))
}

var y24, y25 = MustDate(2024, 9, 2), MustDate(2025, 7, 18)

func TestPerSessionRateHasARange(t *testing.T) {
	rt, _ := DefaultRules().Rate(RateMissedSession)
	if !rt.Typical.Equal(money("50")) || !rt.Low.LessThan(money("30")) || !rt.High.GreaterThan(money("100")) {
		t.Errorf("per-session rate %s / %s / %s: want £50 typical, low under £30 and high over £100", rt.Low, rt.Typical, rt.High)
	}
	if len(rt.Decisions) < 3 {
		t.Errorf("per-session rate rests on %v", rt.Decisions)
	}
}

func TestDelayOnlyIsOneSymbolicPayment(t *testing.T) {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC,
		Process: ProcessDates{AssessmentRequested: MustDate(2025, 1, 6), FinalIssued: MustDate(2025, 8, 11)}}}}
	e := EstimateCase(c, DefaultRules(), MustDate(2025, 10, 1))
	logEstimate(t, e)
	if len(e.Lines) != 1 || e.Lines[0].Kind != LineDelay {
		t.Fatalf("lines = %+v, want the delay line alone", e.Lines)
	}
	if l := e.Lines[0]; l.Typical.LessThan(money("250")) || l.Typical.GreaterThan(money("600")) {
		t.Errorf("delay-only payment %s, want a symbolic £250 to £600", FormatMoney(l.Typical))
	}
}

func TestOneUnansweredEmailIsNoDistress(t *testing.T) {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC}},
		Contacts: []Contact{{Date: MustDate(2025, 3, 3), Kind: ContactEmail, Said: "Where is the OT?", ReplyDueBy: MustDate(2025, 3, 17)}}}
	e := EstimateCase(c, DefaultRules(), MustDate(2025, 6, 1))
	if d, ok := deadlineOf(e.Deadlines, "contact_0_reply"); !ok || d.Status != Overdue {
		t.Fatalf("the reply should be overdue: %+v", d)
	}
	if len(e.Lines) != 0 {
		t.Errorf("one unanswered email turned on %+v", e.Lines)
	}
}

func TestAllYearSupportIsNotPricedHigher(t *testing.T) {
	base := Provision{Type: TypeOneToOne, Frequency: Frequency{Count: 25, Unit: UnitHours, Per: PerWeek}}
	term := EstimateCase(oneProvision(yearGap(base, y24, y25)), DefaultRules(), MustDate(2025, 9, 1))
	base.Weeks = AllYear
	all := EstimateCase(oneProvision(yearGap(base, y24, y25)), DefaultRules(), MustDate(2025, 9, 1))
	a, b := moneyLines(all, LinePartialProvision), moneyLines(term, LinePartialProvision)
	if a.IsZero() || !within(a, b, "0.10") {
		t.Errorf("a school year of support: all year %s, term time %s; want within 10%% (not ~30%% more)", FormatMoney(a), FormatMoney(b))
	}
}

func TestSessionsAndHoursGiveTheSameMoney(t *testing.T) {
	for _, tc := range []struct {
		name     string
		typ      ProvisionType
		sessions Frequency
		hours    Frequency
		kind     string
	}{
		{"home-to-college transport", TypeTransport, Frequency{Count: 10, Unit: UnitSessions, Per: PerWeek}, Frequency{Count: 5, Unit: UnitHours, Per: PerWeek}, LinePartialProvision},
		{"weekly therapy", TypeOT, Frequency{Count: 1, Unit: UnitSessions, Per: PerWeek}, Frequency{Count: 1, Unit: UnitHours, Per: PerWeek}, LineMissedSessions},
	} {
		s := EstimateCase(oneProvision(yearGap(Provision{Type: tc.typ, Frequency: tc.sessions, SessionMinutes: 60}, y24, y25)), DefaultRules(), MustDate(2025, 9, 1))
		h := EstimateCase(oneProvision(yearGap(Provision{Type: tc.typ, Frequency: tc.hours, SessionMinutes: 60}, y24, y25)), DefaultRules(), MustDate(2025, 9, 1))
		a, b := moneyLines(s, tc.kind), moneyLines(h, tc.kind)
		if a.IsZero() || !within(a, b, "0.05") {
			t.Errorf("%s: as sessions %s, as hours %s; want the same money", tc.name, FormatMoney(a), FormatMoney(b))
		}
	}
}

func TestDeadlinesStopAtAClosedCaseOrPlanEnd(t *testing.T) {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{
		{ID: "e", Kind: PlanEHC, Issued: MustDate(2021, 5, 1), LastReview: MustDate(2022, 3, 1)},
		{ID: "c", Kind: PlanCarePlan, Ended: MustDate(2023, 9, 30), Steps: []PromisedStep{
			{Name: "Review at 6 months", Due: MustDate(2023, 6, 1)}, {Name: "Review at 12 months", Due: MustDate(2023, 12, 1)}}}}}
	today := MustDate(2026, 2, 1)
	open := Deadlines(c, DefaultCalendar(), today)
	if d, _ := deadlineOf(open, "next_annual_review"); d.Status != Overdue || d.WeeksLate < 150 {
		t.Fatalf("open case: next review = %+v, want years overdue", d)
	}
	c.Closed = MustDate(2023, 7, 1)
	closed := Deadlines(c, DefaultCalendar(), today)
	if d, _ := deadlineOf(closed, "next_annual_review"); d.Status != Overdue || d.WeeksLate > 20 {
		t.Errorf("closed 1 July 2023: next review = %+v, want overdue only until the case closed (about 17 weeks)", d)
	}
	c.Closed = Date{}
	ended := Deadlines(c, DefaultCalendar(), today)
	if d, _ := deadlineOf(ended, "promised_step_0"); d.Status != Overdue || d.DaysLate != MustDate(2023, 9, 30).Sub(MustDate(2023, 6, 1)) {
		t.Errorf("care plan ended 30 September 2023: 6-month review = %+v, want overdue until then", d)
	}
	if d, ok := deadlineOf(ended, "promised_step_1"); ok {
		t.Errorf("a review due after the care plan ended is still listed: %+v", d)
	}
	// "Still missing" stops at the closed case too.
	p := Provision{ID: "ot", Section: SectionF, Type: TypeOT, Frequency: Frequency{Count: 1, Unit: UnitSessions, Per: PerWeek},
		Weeks: TermTime, Start: MustDate(2024, 9, 2), NotInPlace: []Spell{{From: MustDate(2024, 9, 2)}}}
	oc := oneProvision(p)
	if _, ok := lineOf(EstimateCase(oc, DefaultRules(), today), LineOngoing); !ok {
		t.Fatal("an open gap should be still missing")
	}
	oc.Closed = MustDate(2025, 1, 31)
	e := EstimateCase(oc, DefaultRules(), today)
	if _, ok := lineOf(e, LineOngoing); ok {
		t.Error("closed case: provision still missing after it closed")
	}
	if l, _ := lineOf(e, LineMissedSessions); l.Count.GreaterThan(decimal.NewFromInt(20)) {
		t.Errorf("closed case counts sessions past the close: %s", l.Basis)
	}
}

func TestCoronavirusNoteCountsLostEducation(t *testing.T) {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC,
		EducationLost: []Spell{{From: MustDate(2020, 6, 1), To: MustDate(2020, 12, 18)}}}}}
	e := EstimateCase(c, DefaultRules(), MustDate(2021, 6, 1))
	found := false
	for _, n := range e.Notes {
		found = found || strings.Contains(n, "reasonable endeavours")
	}
	if !found {
		t.Errorf("no Coronavirus note for education lost in June 2020: %v", e.Notes)
	}
	c.Plans[0].EducationLost[0].From = MustDate(2020, 9, 1)
	for _, n := range EstimateCase(c, DefaultRules(), MustDate(2021, 6, 1)).Notes {
		if strings.Contains(n, "reasonable endeavours") {
			t.Errorf("Coronavirus note for a loss after the window: %s", n)
		}
	}
}

func TestFiguresAsOfPerLine(t *testing.T) {
	e := seed(t, "herts-24-006-445.json", MustDate(2025, 2, 28))
	r := DefaultRules()
	dates := map[Date]bool{}
	for _, l := range e.Lines {
		if l.RateKey == "" {
			continue
		}
		rt, _ := r.Rate(l.RateKey)
		if l.FiguresDate != rt.FiguresDate {
			t.Errorf("%s: figures as of %s, its rate's are %s", l.Key, l.FiguresDate, rt.FiguresDate)
		}
		if len(l.Decisions) != len(rt.Decisions) {
			t.Errorf("%s: rests on %v, its rate on %v", l.Key, l.Decisions, rt.Decisions)
		}
		dates[l.FiguresDate] = true
	}
	if len(dates) < 2 {
		t.Errorf("every line has the same 'figures as of' date: %v", dates)
	}
}

func TestAlreadyPaidIsTakenOffOnceAndOffersAreShown(t *testing.T) {
	c := oneProvision(yearGap(Provision{Type: TypeOneToOne, Frequency: Frequency{Count: 25, Unit: UnitHours, Per: PerWeek}}, y24, y25))
	today := MustDate(2025, 9, 1)
	gross := EstimateCase(c, DefaultRules(), today)
	c.Payments = []Payment{{Amount: money("500"), WhatFor: "missed support", Date: MustDate(2025, 8, 1)},
		{Amount: money("300"), WhatFor: "distress", Offered: true}}
	e := EstimateCase(c, DefaultRules(), today)
	if !e.Typical.Equal(gross.Typical.Sub(money("500"))) || !e.High.Equal(gross.High.Sub(money("500"))) {
		t.Errorf("still owed %s (gross %s): want £500 off once, the offer not taken off", FormatMoney(e.Typical), FormatMoney(gross.Typical))
	}
	if len(e.Offered) != 1 || !strings.Contains(strings.Join(e.Notes, " "), "offered £300.00") {
		t.Errorf("the offer is not shown: %v %v", e.Offered, e.Notes)
	}
	c.Payments = []Payment{{Amount: money("1000000")}}
	if e := EstimateCase(c, DefaultRules(), today); e.Low.Sign() != 0 || e.Typical.Sign() != 0 || e.High.Sign() != 0 {
		t.Errorf("a payment larger than the estimate leaves %s / %s / %s, want nothing owed", e.Low, e.Typical, e.High)
	}
}

func TestPartlyInPlaceIsPricedByTheShareLost(t *testing.T) {
	full := yearGap(Provision{Type: TypeOneToOne, Frequency: Frequency{Count: 26, Unit: UnitHours, Per: PerWeek}}, y24, y25)
	half := full
	half.NotInPlace = nil
	half.PartlyInPlace = []PartSpell{{From: y24, To: y25, Given: 13}}
	today := MustDate(2025, 9, 1)
	a := EstimateCase(oneProvision(full), DefaultRules(), today)
	b := EstimateCase(oneProvision(half), DefaultRules(), today)
	la, _ := lineOf(a, LinePartialProvision)
	lb, _ := lineOf(b, LinePartialProvision)
	if !within(lb.Count.Mul(decimal.NewFromInt(2)), la.Count, "0.01") {
		t.Errorf("13 of 26 hours a week: %s terms lost, all of it %s; want half", lb.Count, la.Count)
	}
	if !lb.Typical.LessThan(la.Typical) {
		t.Errorf("half the hours lost is priced %s, all of it %s", FormatMoney(lb.Typical), FormatMoney(la.Typical))
	}
}

func TestMakeUpAgreedLowersTheMoney(t *testing.T) {
	p := yearGap(Provision{Type: TypeOT, Frequency: Frequency{Count: 1, Unit: UnitSessions, Per: PerWeek}}, y24, y25)
	today := MustDate(2025, 9, 1)
	a, _ := lineOf(EstimateCase(oneProvision(p), DefaultRules(), today), LineMissedSessions)
	p.MakeUpAgreed = 10
	b, _ := lineOf(EstimateCase(oneProvision(p), DefaultRules(), today), LineMissedSessions)
	if !a.Count.Sub(b.Count).Equal(decimal.NewFromInt(10)) || !strings.Contains(b.Basis, "agreed to make up") {
		t.Errorf("10 sessions agreed in kind: %s then %s (%s)", a.Count, b.Count, b.Basis)
	}
}

func TestParentCosts(t *testing.T) {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC}},
		ParentCosts: []ParentCost{{Amount: money("2275"), WhatFor: "taxis to school", Receipts: true}, {Amount: money("120"), WhatFor: "bus fares"}}}
	e := EstimateCase(c, DefaultRules(), MustDate(2025, 6, 1))
	if got := moneyLines(e, LineParentCosts); !got.Equal(money("2395")) {
		t.Errorf("parent's costs typical %s, want £2,395", FormatMoney(got))
	}
	for _, l := range e.Lines {
		if l.Kind == LineParentCosts && l.Verified == l.Low.IsZero() {
			t.Errorf("%s: with receipts the low figure is the cost, without it is nothing: %+v", l.Title, l)
		}
	}
}

func TestRulesHoldEveryWindowAndThreshold(t *testing.T) {
	r := DefaultRules()
	if r.CoronavirusFrom != MustDate(2020, 5, 1) || r.CoronavirusTo != MustDate(2020, 7, 31) || r.DelayThresholdDays != 7 || r.DaysPerMonth != 30 {
		t.Errorf("rules table: %+v", r)
	}
	// Moving the window in the table moves the note: it is not in the code.
	r.CoronavirusFrom, r.CoronavirusTo = MustDate(2021, 1, 1), MustDate(2021, 3, 31)
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC,
		EducationLost: []Spell{{From: MustDate(2021, 1, 4), To: MustDate(2021, 2, 12)}}}}}
	if n := strings.Join(EstimateCase(c, r, MustDate(2021, 6, 1)).Notes, " "); !strings.Contains(n, "1 January 2021") {
		t.Errorf("the window is not read from the rules: %s", n)
	}
	// A threshold of 100 days makes a 9-week delay too short to price.
	r = DefaultRules()
	r.DelayThresholdDays = 100
	d := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC,
		Process: ProcessDates{AssessmentRequested: MustDate(2025, 1, 6), FinalIssued: MustDate(2025, 7, 28)}}}}
	if e := EstimateCase(d, r, MustDate(2025, 10, 1)); len(e.Lines) != 0 {
		t.Errorf("delay threshold not read from the rules: %+v", e.Lines)
	}
}

func TestSocialCareAssessmentAndLateReviewAreDeadlines(t *testing.T) {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "c", Kind: PlanCarePlan,
		Process: ProcessDates{SocialCareAssessmentRequested: MustDate(2021, 5, 4), SocialCareAssessmentDone: MustDate(2022, 8, 1)}}}}
	e := EstimateCase(c, DefaultRules(), MustDate(2023, 3, 1))
	d, ok := deadlineOf(e.Deadlines, "social_care_assessment")
	if !ok || d.Status != Late || d.Due != MustDate(2021, 6, 15) {
		t.Fatalf("social-care assessment = %+v, want due 15 June 2021 and late", d)
	}
	if l, ok := lineOf(e, LineDelay); !ok || len(e.Lines) != 1 {
		t.Errorf("a late assessment alone is one symbolic delay payment: %+v", e.Lines)
	} else if !strings.Contains(l.Basis, "assessment") {
		t.Errorf("delay basis does not name the assessment: %s", l.Basis)
	}
	// The first annual review held late is a plan delay too.
	r := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "e", Kind: PlanEHC,
		Issued: MustDate(2022, 1, 10), LastReview: MustDate(2023, 11, 20)}}}
	e = EstimateCase(r, DefaultRules(), MustDate(2024, 1, 8))
	if d, _ := deadlineOf(e.Deadlines, "annual_review_12_months"); d.Status != Late || !d.PlanDelay {
		t.Errorf("annual review = %+v, want late and a plan delay", d)
	}
	if _, ok := lineOf(e, LineDelay); !ok {
		t.Errorf("a review ten months late is not priced: %+v", e.Lines)
	}
}

// A plan made final without naming a school or other place: the school
// was due when that plan was due, and the wait is a priced plan delay.
func TestPlacementNotNamed(t *testing.T) {
	d := MustDate
	today := d(2025, 6, 2)
	for _, tc := range []struct {
		name    string
		plan    Plan
		present bool
		due     Date
		status  DeadlineStatus
	}{
		{"first plan final without a school, named later", Plan{Process: ProcessDates{AssessmentRequested: d(2024, 9, 2),
			FinalIssued: d(2025, 1, 20), PlacementNamed: d(2025, 4, 28)}}, true, d(2025, 1, 20), Late},
		{"final plan late, school later still: due with the plan", Plan{Process: ProcessDates{AssessmentRequested: d(2024, 6, 3),
			FinalIssued: d(2025, 1, 6), PlacementNamed: d(2025, 3, 3)}}, true, d(2024, 10, 21), Late},
		{"amended after a review without a school; still waiting", Plan{Issued: d(2023, 1, 9), LastReview: d(2024, 11, 4),
			Process: ProcessDates{AmendedFinalIssued: d(2025, 1, 27), PlacementRequested: d(2024, 11, 4)}}, true, d(2025, 1, 27), Overdue},
		{"made final without one, due date unknown", Plan{Process: ProcessDates{FinalIssued: d(2025, 2, 3),
			PlacementNamed: d(2025, 3, 31)}}, true, d(2025, 2, 3), Late},
		{"named with the final plan", Plan{Process: ProcessDates{AssessmentRequested: d(2024, 9, 2),
			FinalIssued: d(2025, 1, 20), PlacementNamed: d(2025, 1, 20)}}, false, Date{}, ""},
		{"asked after the plan was made final: no time limit", Plan{Process: ProcessDates{FinalIssued: d(2024, 3, 4),
			PlacementRequested: d(2025, 2, 3)}}, false, Date{}, ""},
		{"asked, no final plan yet: the final plan's own deadline covers it", Plan{Process: ProcessDates{AssessmentRequested: d(2025, 1, 6),
			PlacementRequested: d(2025, 4, 7)}}, false, Date{}, ""},
	} {
		tc.plan.ID, tc.plan.Kind = "p", PlanEHC
		c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{tc.plan}}
		e := EstimateCase(c, DefaultRules(), today)
		got, ok := deadlineOf(e.Deadlines, "placement_named")
		if ok != tc.present {
			t.Errorf("%s: placement deadline %v, want %v (%+v)", tc.name, ok, tc.present, got)
			continue
		}
		if !ok {
			continue
		}
		if got.Due != tc.due || got.Status != tc.status || !got.PlanDelay {
			t.Errorf("%s: due %s, %v, plan delay %v; want due %s, %v, a plan delay", tc.name, got.Due, got.Status, got.PlanDelay, tc.due, tc.status)
		}
		if _, priced := lineOf(e, LineDelay); !priced {
			t.Errorf("%s: the wait for a school is not priced: %+v", tc.name, e.Lines)
		}
	}
}
