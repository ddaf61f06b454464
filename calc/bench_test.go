package calc

import (
	"strconv"
	"testing"
)

// bigCase is 3 children's worth of provision (30 provisions) over 5 years,
// with about 2,000 sessions marked per child.
func bigCase() Case {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}}
	cal := DefaultCalendar()
	for ch := 0; ch < 3; ch++ {
		p := Plan{ID: "plan" + strconv.Itoa(ch), Kind: PlanEHC, LastReview: MustDate(2024, 3, 1)}
		for i := 0; i < 10; i++ {
			pr := Provision{ID: "p" + strconv.Itoa(ch) + "-" + strconv.Itoa(i), Section: SectionF, Type: TypeOT,
				Frequency: Frequency{1 + i%3, UnitSessions, PerWeek}, Weeks: TermTime,
				Start: MustDate(2021, 9, 1), End: MustDate(2026, 7, 20)}
			for j, s := range Schedule(pr, cal, MustDate(2026, 7, 31)) {
				st := StatusDelivered
				if j%4 == 0 {
					st = StatusMissed
				}
				pr.Outcomes = append(pr.Outcomes, Outcome{Date: s.Date, Seq: s.Seq, Status: st})
			}
			p.Provisions = append(p.Provisions, pr)
		}
		c.Plans = append(c.Plans, p)
	}
	return c
}

func BenchmarkSchedule(b *testing.B) {
	c := bigCase()
	cal := DefaultCalendar()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range c.Plans {
			for _, pr := range p.Provisions {
				Schedule(pr, cal, MustDate(2026, 7, 31))
			}
		}
	}
}

func BenchmarkTally2000(b *testing.B) {
	pr := bigCase().Plans[0].Provisions[2] // 3 a week for 5 years: ~570 sessions
	pr.Frequency.Count = 10
	cal := DefaultCalendar()
	s := Schedule(pr, cal, MustDate(2026, 7, 31))
	b.ReportMetric(float64(len(s)), "sessions")
	b.ResetTimer()
	for b.Loop() {
		Tally(pr, s, Date{}, Date{})
	}
}

func BenchmarkEstimate(b *testing.B) {
	c := bigCase()
	b.ResetTimer()
	for b.Loop() {
		EstimateCase(c, DefaultRules(), MustDate(2026, 7, 31))
	}
}

func BenchmarkNewCalendar(b *testing.B) {
	for b.Loop() {
		NewCalendar([]SchoolYear{RuleSchoolYear(2025)}, nil)
	}
}

// BenchmarkProvisionLog is the session log the letters, CSV and session
// page read: every entry kept and sorted.
func BenchmarkProvisionLog2000(b *testing.B) {
	pr := bigCase().Plans[0].Provisions[2]
	pr.Frequency.Count = 10
	cal := DefaultCalendar()
	s := Schedule(pr, cal, MustDate(2026, 7, 31))
	b.ResetTimer()
	for b.Loop() {
		LogOf(pr, s, Date{}, Date{})
	}
}
