package calc

import (
	"fmt"
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
