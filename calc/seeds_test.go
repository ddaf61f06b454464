package calc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
)

func loadCase(t testing.TB, path string) Case {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := DecodeCaseFile(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

func money(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func lineOf(e Estimate, kind string) (Line, bool) {
	for _, l := range e.Lines {
		if l.Kind == kind {
			return l, true
		}
	}
	return Line{}, false
}

func deadlineOf(ds []Deadline, key string) (Deadline, bool) {
	for _, d := range ds {
		if d.Key == key {
			return d, true
		}
	}
	return Deadline{}, false
}

func inRange(e Estimate, amount string) bool {
	a := money(amount)
	return !a.LessThan(e.Low) && !a.GreaterThan(e.High)
}

func logEstimate(t *testing.T, e Estimate) {
	for _, l := range e.Lines {
		t.Logf("  %-18s %s / %s / %s  %s", l.Kind, FormatMoney(l.Low), FormatMoney(l.Typical), FormatMoney(l.High), l.Basis)
	}
	t.Logf("  TOTAL %s / %s / %s", FormatMoney(e.Low), FormatMoney(e.Typical), FormatMoney(e.High))
}

func seed(t *testing.T, name string, today Date) Estimate {
	c := loadCase(t, filepath.Join("testdata", "seeds", name))
	e := EstimateCase(c, DefaultRules(), today)
	logEstimate(t, e)
	return e
}

func TestSeedNottinghamshire(t *testing.T) {
	e := seed(t, "notts-23-009-620.json", MustDate(2024, 3, 8))
	l, ok := lineOf(e, LineMissedSessions)
	if !ok || !l.Typical.Equal(money("600")) || l.Basis != "12 missed sessions × £50.00" {
		t.Errorf("missed line = %+v, want 12 × £50 = £600.00", l)
	}
	if !inRange(e, "900") {
		t.Errorf("total range %s-%s does not contain £900", FormatMoney(e.Low), FormatMoney(e.High))
	}
	c := loadCase(t, filepath.Join("testdata", "seeds", "notts-23-009-620.json"))
	p := c.Plans[0].Provisions[0]
	n := Tally(p, Schedule(p, DefaultCalendar(), MustDate(2024, 3, 8)), MustDate(2023, 2, 27), MustDate(2024, 1, 15))
	if n.Due != 36 || n.Missed != 12 || n.Delivered != 24 || !n.PercentDelivered.Equal(money("66.7")) {
		t.Errorf("counts = %+v", n)
	}
}

func TestSeedHertfordshire(t *testing.T) {
	e := seed(t, "herts-24-006-445.json", MustDate(2025, 2, 28))
	if l, ok := lineOf(e, LineMissedSessions); !ok || !l.Typical.Equal(money("750")) {
		t.Errorf("missed line = %+v, want 15 × £50 = £750", l)
	}
	if l, ok := lineOf(e, LineIndirect); !ok || !l.Typical.Equal(money("500")) {
		t.Errorf("indirect line = %+v, want £500", l)
	}
	if l, ok := lineOf(e, LineDistress); !ok || money("350").LessThan(l.Low) || money("350").GreaterThan(l.High) {
		t.Errorf("distress line = %+v, want a range containing £350", l)
	}
	l, ok := lineOf(e, LineOngoing)
	if !ok || !l.Ongoing || !l.Low.Equal(money("50")) || !l.Typical.Equal(money("300")) {
		t.Errorf("ongoing line = %+v, want £50 a month up to 6 months", l)
	}
	if !inRange(e, "1600") || !inRange(e, "1900") {
		t.Errorf("total range %s-%s does not contain £1,600 to £1,900", FormatMoney(e.Low), FormatMoney(e.High))
	}
	if d, ok := deadlineOf(e.Deadlines, "contact_0_reply"); !ok || d.Status != Overdue {
		t.Errorf("promised contact by 12 June 2024 = %+v, want overdue", d)
	}
}

func TestSeedBromleyCarePlan(t *testing.T) {
	e := seed(t, "bromley-23-008-648.json", MustDate(2024, 3, 4))
	if l, ok := lineOf(e, LineMissedSessions); ok {
		t.Errorf("made-up gap must not be paid: %+v", l)
	}
	if l, ok := lineOf(e, LineMadeUp); !ok || !l.High.IsZero() {
		t.Errorf("made-up line = %+v, want a zero line", l)
	}
	d, ok := deadlineOf(e.Deadlines, "complaint_stage1_answer")
	if !ok || d.Status != Late || d.Due != MustDate(2023, 7, 28) || d.WorkingDaysLate != 24 || d.WeeksLate != 5 {
		t.Errorf("complaint answer = %+v, want due 28 July 2023, 24 working days (5 weeks) late", d)
	}
	if !inRange(e, "500") {
		t.Errorf("total range %s-%s does not contain £500", FormatMoney(e.Low), FormatMoney(e.High))
	}
}

func TestSeedBromley1980(t *testing.T) {
	e := seed(t, "bromley-news-1980.json", MustDate(2024, 2, 1))
	if d, ok := deadlineOf(e.Deadlines, "review_decision_4_weeks"); !ok || d.Status != Late || d.WeeksLate != 8 || d.DaysLate != 56 {
		t.Errorf("draft (decision) deadline = %+v, want 8 weeks late (12 weeks where 4 were due)", d)
	}
	if d, ok := deadlineOf(e.Deadlines, "phase_transfer"); !ok || d.Status != Late || d.WeeksLate != 14 || d.DaysLate != 98 {
		t.Errorf("phase transfer deadline = %+v, want 14 weeks late", d)
	}
	l, ok := lineOf(e, LineMissedSessions)
	if !ok || !l.Typical.Equal(money("1080")) || !l.Low.Equal(money("600")) {
		t.Errorf("missed line = %+v, want 12 × £90 (low 12 × £50)", l)
	}
	if !inRange(e, "1980") {
		t.Errorf("total range %s-%s does not contain £1,980", FormatMoney(e.Low), FormatMoney(e.High))
	}
}

func TestSeedBromley750(t *testing.T) {
	e := seed(t, "bromley-news-750.json", MustDate(2024, 6, 30))
	d, ok := deadlineOf(e.Deadlines, "amended_plan_12_weeks")
	if !ok || d.Status != Overdue || d.WeeksLate < 150 {
		t.Errorf("amended plan deadline = %+v, want about three years overdue", d)
	}
	// A delay with nothing else lost: one symbolic payment, no distress
	// line beside it (issue 12).
	if l, ok := lineOf(e, LineDelay); !ok || money("750").LessThan(l.Low) || money("750").GreaterThan(l.High) {
		t.Errorf("delay line = %+v, want a symbolic range holding the £750 paid", l)
	}
	if l, ok := lineOf(e, LineDistress); ok {
		t.Errorf("delay only, yet a distress line as well: %+v", l)
	}
	if !inRange(e, "750") {
		t.Errorf("total range %s-%s does not contain £750", FormatMoney(e.Low), FormatMoney(e.High))
	}
}
