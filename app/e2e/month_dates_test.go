//go:build !js

package e2e

import (
	"strings"
	"testing"

	"provisiontracker/calc"
)

// Issue 11, dates a parent only half knows: a complaint sent "in March 2023" is typed as
// month and year, saved as a month, shown again as typed, and counted safely: the
// council's time limits from the month's last day, and the letter says "in March 2023".
func TestComplaintDateKnownOnlyToTheMonth(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	c := dataSeed(t)
	c.Complaint = calc.Complaint{}
	loadCase(tb, c, "/complaint/stage1")
	waitText(tb, "If you do not know the day, leave it empty")
	tb.fillDate("sent", "", "3", "2023")
	tb.continueTo("/complaint/stage2")

	tb.reload()
	goTo(tb, "/complaint/stage1")
	for id, want := range map[string]string{"sent-day": "", "sent-month": "3", "sent-year": "2023"} {
		if got := eval[string](tb, "reading #"+id, `document.getElementById("`+id+`").value`); got != want {
			t.Errorf("after a reload #%s shows %q, want %q", id, got, want)
		}
	}
	if got, _ := storedCase(tb); got.Complaint.Stage1Sent.String() != "2023-03" {
		t.Errorf("stored as %q, want the month 2023-03", got.Complaint.Stage1Sent.String())
	}

	goTo(tb, "/deadlines")
	waitText(tb, "You gave only the month, March 2023, so this counts from its last day, 31 March 2023")
	tb.navigate("/letter?kind=council_stage2")
	letter := pageText(tb)
	if !strings.Contains(letter, "I made a stage 1 complaint in March 2023") || strings.Contains(letter, "on March 2023") {
		t.Errorf("the stage 2 letter does not word the month as a month:\n%s", letter)
	}
	checkAxe(t, tb)
}
