package casestore

import (
	"testing"

	"provisiontracker/calc"
)

// largeCase has about 4,000 session records (years of daily sessions).
func largeCase(tb testing.TB) calc.Case {
	c := caseNamed(tb, "Amira")
	p := &c.Plans[0].Provisions[0]
	p.Outcomes, p.CountPeriods, p.NotInPlace, p.Weekdays = nil, nil, nil, nil
	p.Frequency = calc.Frequency{Count: 5, Unit: "sessions", Per: "week"}
	d := calc.MustDate(2012, 1, 2)
	p.Start, p.End = d, calc.Date{}
	for len(p.Outcomes) < 4000 {
		if wd := d.Weekday(); wd >= 1 && wd <= 5 {
			p.Outcomes = append(p.Outcomes, calc.Outcome{Date: d, Status: "delivered"})
		}
		d = d.AddDays(1)
	}
	return c
}

func BenchmarkSaveLarge(b *testing.B) {
	st := NewMemory()
	s, _ := Open(st, fixedNow)
	c := largeCase(b)
	id, rev, err := s.Create(c)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if rev, err = s.Save(id, c, rev); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenLarge(b *testing.B) {
	st := NewMemory()
	s, _ := Open(st, fixedNow)
	c := largeCase(b)
	id, rev, _ := s.Create(c)
	s.Save(id, c, rev)
	for b.Loop() {
		if _, err := Open(st, fixedNow); err != nil {
			b.Fatal(err)
		}
	}
}
