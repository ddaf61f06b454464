package calc

import (
	"fmt"
	"strings"
	"testing"
)

// TestPolicyOn checks which complaint rules applied on a date, and that
// under the Code the answer counts from the acknowledgement (RULES.md §8).
func TestPolicyOn(t *testing.T) {
	cal := DefaultCalendar()
	for _, tc := range []struct {
		name           string
		p              ComplaintPolicy
		sent, ack      Date
		code, usual    bool
		ackDue, answer Date
		extended       Date
	}{
		{"2023: the council's own policy, from the day sent", ComplaintPolicy{}, MustDate(2023, 6, 30), Date{}, false, true,
			MustDate(2023, 7, 7), MustDate(2023, 7, 14), Date{}},
		{"Code: no acknowledgement yet, from the day it was due", ComplaintPolicy{}, MustDate(2026, 12, 1), Date{}, true, false,
			MustDate(2026, 12, 8), MustDate(2026, 12, 22), MustDate(2027, 1, 8)},
		{"Code: an early acknowledgement starts the 10 days", ComplaintPolicy{}, MustDate(2026, 12, 1), MustDate(2026, 12, 2), true, false,
			MustDate(2026, 12, 8), MustDate(2026, 12, 16), MustDate(2027, 1, 4)},
		{"Code: a late acknowledgement gives no more time", ComplaintPolicy{}, MustDate(2026, 12, 1), MustDate(2026, 12, 15), true, false,
			MustDate(2026, 12, 8), MustDate(2026, 12, 22), MustDate(2027, 1, 8)},
		{"the parent's 20 days win", ComplaintPolicy{Stage1AnswerDays: 20}, MustDate(2026, 12, 1), Date{}, false, false,
			MustDate(2026, 12, 8), MustDate(2026, 12, 31), Date{}}, // 25 and 28 December are bank holidays
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := PolicyOn(tc.p, tc.sent)
			if ts.Code != tc.code || ts.Usual != tc.usual {
				t.Errorf("Code %v Usual %v, want %v %v (%s)", ts.Code, ts.Usual, tc.code, tc.usual, ts.Source)
			}
			ack, ans, ext := ts.StageDue(cal, 1, tc.sent, tc.ack)
			if ack != tc.ackDue || ans != tc.answer || ext != tc.extended {
				t.Errorf("due %s / %s / %s, want %s / %s / %s", ack.Long(), ans.Long(), ext.Long(), tc.ackDue.Long(), tc.answer.Long(), tc.extended.Long())
			}
			c := Case{Complaint: Complaint{Stage1Sent: tc.sent, Stage1Acknowledged: tc.ack, Policy: tc.p}}
			d, ok := deadlineOf(Deadlines(c, cal, MustDate(2027, 2, 1)), "complaint_stage1_answer")
			if !ok || d.Due != tc.answer || d.Source != ts.Source {
				t.Errorf("deadline %+v, want due %s", d, tc.answer.Long())
			}
		})
	}
}

func ExampleCarePlanReviews() {
	for _, s := range CarePlanReviews(MustDate(2022, 9, 15), 3, 6, 9) {
		fmt.Println(s.Name+":", s.Due.Long())
	}
	// Output:
	// Review of the care plan at 3 months: 15 December 2022
	// Review of the care plan at 6 months: 15 March 2023
	// Review of the care plan at 9 months: 15 June 2023
}

// TestMonthOnlyDates checks that dates known only to the month are kept
// and treated conservatively, and that calc says so (issue 11).
func TestMonthOnlyDates(t *testing.T) {
	dec, err := ParseDate("2022-12")
	if err != nil || !dec.MonthOnly() || dec.Long() != "December 2022" || dec.String() != "2022-12" {
		t.Fatalf("ParseDate(2022-12) = %v %v %q %q", dec, err, dec.Long(), dec.String())
	}
	if dec.Latest() != MustDate(2022, 12, 31) || dec.Earliest() != MustDate(2022, 12, 1) {
		t.Errorf("December 2022 runs %s to %s", dec.Earliest(), dec.Latest())
	}
	cal := DefaultCalendar()
	today := MustDate(2023, 9, 1)
	// Asked for an assessment "in December 2022": the 6 weeks count from 31 December.
	c := Case{Plans: []Plan{{ID: "p", Kind: PlanEHC, Process: ProcessDates{AssessmentRequested: dec,
		AssessmentDecision: MustDate(2023, 2, 1)}}}, Complaint: Complaint{ProblemNoticed: dec}}
	ds := Deadlines(c, cal, today)
	d, _ := deadlineOf(ds, "assessment_decision_6_weeks")
	if d.Due != MustDate(2023, 2, 11) || d.Status != Met || !strings.Contains(d.Note, "counts from its last day, 31 December 2022") {
		t.Errorf("decision = %+v, want due 11 February 2023 (6 weeks from 31 December), met, and saying so", d)
	}
	// The parent's 12 months count from the first day, to be safe.
	o, _ := deadlineOf(ds, "ombudsman_12_months")
	if o.Due != MustDate(2023, 12, 1) || !strings.Contains(o.Note, "first day") {
		t.Errorf("Ombudsman limit = %+v, want 1 December 2023", o)
	}
	// A step done "in February 2023" against a due date in that month: may
	// have been on time, so it is.
	feb, _ := ParseDate("2023-02")
	c.Plans[0].Process.AssessmentDecision = feb
	d, _ = deadlineOf(Deadlines(c, cal, today), "assessment_decision_6_weeks")
	if d.Status != Met || !strings.Contains(d.Note, "may have been on time") {
		t.Errorf("done in February 2023 = %+v, want met and saying why", d)
	}
	// Done "in April 2023": late even on 1 April.
	apr, _ := ParseDate("2023-04")
	c.Plans[0].Process.AssessmentDecision = apr
	d, _ = deadlineOf(Deadlines(c, cal, today), "assessment_decision_6_weeks")
	if d.Status != Late || d.Done != MustDate(2023, 4, 1) || d.DaysLate != 49 {
		t.Errorf("done in April 2023 = %+v, want late by 49 days from 1 April", d)
	}
	// A session cannot be month-only.
	bad := Case{SchemaVersion: SchemaVersion, Plans: []Plan{{ID: "p", Kind: PlanEHC, Issued: dec, Provisions: []Provision{{ID: "x",
		Section: SectionF, Type: TypeOT, Frequency: Frequency{1, UnitSessions, PerWeek}, Weeks: TermTime, Start: dec}}}}}
	found := false
	for _, p := range Validate(bad) {
		found = found || (p.Path == "plans[0].provisions[0].start" && p.Message == "This date must include a day")
		if p.Path == "plans[0].issued" {
			t.Errorf("a month-only plan date was refused: %v", p)
		}
	}
	if !found {
		t.Errorf("a month-only start date was accepted: %v", Validate(bad))
	}
}

// TestCarePlanComplaintProcedure checks that a care-plan case with no
// procedure chosen is measured by the social-care regulations, not the
// Complaint Handling Code (which does not apply where a statutory
// procedure exists, RULES.md §8).
func TestCarePlanComplaintProcedure(t *testing.T) {
	c := Case{Plans: []Plan{{ID: "cp", Kind: PlanCarePlan}}, Complaint: Complaint{Stage1Sent: MustDate(2026, 12, 1)}}
	if p := ComplaintProcedure(c); p != ProcedureSocialCare {
		t.Fatalf("procedure %q, want social care", p)
	}
	d, ok := deadlineOf(Deadlines(c, DefaultCalendar(), MustDate(2026, 12, 2)), "complaint_stage1_answer")
	if !ok || d.Source != socialCareSource || d.Due != MustDate(2026, 12, 15) {
		t.Errorf("stage 1 answer = %+v, want 10 working days under the 2006 regulations", d)
	}
	c.Plans = append(c.Plans, Plan{ID: "ehc", Kind: PlanEHC})
	if p := ComplaintProcedure(c); p != ProcedureCorporate {
		t.Errorf("a case with an EHC plan too: procedure %q, want the council's", p)
	}
}

// TestMonthOnlyComplaintCountsWorkingDaysFromTheLastDay checks that a
// complaint sent "in March 2023" gets the same working-day limits as one
// sent on 31 March 2023: Easter 2023 fell just after, so shifting limits
// counted from 1 March by 30 calendar days would call the council late
// two working days early.
func TestMonthOnlyComplaintCountsWorkingDaysFromTheLastDay(t *testing.T) {
	cal := DefaultCalendar()
	today := MustDate(2023, 9, 1)
	march, _ := ParseDate("2023-03")
	for _, proc := range []Procedure{ProcedureCorporate, ProcedureSocialCare} {
		monthOnly := Case{Complaint: Complaint{Stage1Sent: march, Stage3Requested: march, Policy: ComplaintPolicy{Procedure: proc}}}
		exact := monthOnly
		exact.Complaint.Stage1Sent, exact.Complaint.Stage3Requested = MustDate(2023, 3, 31), MustDate(2023, 3, 31)
		want := Deadlines(exact, cal, today)
		got := Deadlines(monthOnly, cal, today)
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("%s: %d deadlines for March 2023, %d for 31 March", proc, len(got), len(want))
		}
		for i := range want {
			g := got[i]
			if g.Key == "ombudsman_12_months" {
				// The parent's own time limit: from the first day, never too late.
				if g.Due != MustDate(2024, 3, 1) || !strings.Contains(g.Note, "counts from its first day") {
					t.Errorf("%s %s: due %s (%q), want 1 March 2024 from the first day", proc, g.Key, g.Due, g.Note)
				}
				continue
			}
			// The council's limits, and the earliest day to go to the Ombudsman: from the last.
			if g.Key != want[i].Key || g.Due != want[i].Due {
				t.Errorf("%s %s: due %s from March 2023, want %s as from 31 March", proc, g.Key, g.Due, want[i].Due)
			}
			if !strings.Contains(g.Note, "counts from its last day") {
				t.Errorf("%s %s: the note %q does not say how it was counted", proc, g.Key, g.Note)
			}
		}
	}
}
