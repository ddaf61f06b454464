package backup

import (
	"testing"

	"provisiontracker/calc"
)

func BenchmarkDeriveKey(b *testing.B) {
	salt := make([]byte, saltLen)
	for b.Loop() {
		deriveKey("purple kite river", salt, DefaultIterations)
	}
}

// largeCase is a case with about 4,000 session records.
func largeCase(tb testing.TB) calc.Case {
	c := amira(tb)
	p := &c.Plans[0].Provisions[0]
	p.Outcomes = nil
	p.CountPeriods = nil
	p.NotInPlace = nil
	p.Frequency = calc.Frequency{Count: 5, Unit: "sessions", Per: "week"}
	p.Weekdays = nil
	d := calc.MustDate(2012, 1, 2)
	p.Start = d
	p.End = calc.Date{}
	for len(p.Outcomes) < 4000 {
		if wd := d.Weekday(); wd >= 1 && wd <= 5 {
			o := calc.Outcome{Date: d, Status: "delivered"}
			if len(p.Outcomes)%3 == 0 {
				o.Status, o.Reason = "missed", "no_therapist"
			}
			p.Outcomes = append(p.Outcomes, o)
		}
		d = d.AddDays(1)
	}
	if probs := calc.Validate(c); len(probs) > 0 {
		tb.Fatalf("large case: %v", probs[0])
	}
	return c
}

func BenchmarkImportLarge(b *testing.B) {
	_, data, err := Export(largeCase(b), today)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import(data, "", nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportLargeLocked(b *testing.B) {
	iterations, minIterations = DefaultIterations, DefaultIterations
	defer func() { iterations, minIterations = 1000, 1000 }()
	_, data, err := ExportLocked(largeCase(b), today, "purple kite river")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import(data, "purple kite river", nil); err != nil {
			b.Fatal(err)
		}
	}
}
