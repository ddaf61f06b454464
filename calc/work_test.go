package calc

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"time"
)

// attackCase is the crafted file of issue 10: 200 provisions, 25 sessions
// a week, all year, from 1990 to 2100. It is valid in every other way.
func attackCase(start, end Date) Case {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "Sam"}, Council: "919"}
	p := Plan{ID: "plan-1", Kind: PlanEHC}
	for i := 0; i < 200; i++ {
		p.Provisions = append(p.Provisions, Provision{ID: "p" + strconv.Itoa(i), Section: SectionF, Type: TypeOT,
			Frequency: Frequency{Count: 25, Unit: UnitSessions, Per: PerWeek}, Weeks: AllYear, Start: start, End: end})
	}
	c.Plans = []Plan{p}
	return c
}

func TestWorkLimits(t *testing.T) {
	tests := []struct {
		name string
		c    Case
		path string
		msg  string
	}{
		{"the crafted file", attackCase(MustDate(1990, 1, 1), MustDate(2100, 12, 31)),
			"plans[0].provisions[0].end", "cannot run for more than 25 years"},
		{"open-ended from 1990", attackCase(MustDate(1990, 1, 1), Date{}),
			"plans[0].provisions[0].start", "more than the 100,000 the app can count"},
		{"25 years each", attackCase(MustDate(2000, 1, 1), MustDate(2024, 12, 31)),
			"plans[0].provisions[0].start", "adds up to about"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := EncodeCaseFile(tc.c)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = DecodeCaseFile(data)
			took := time.Since(start)
			ve, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("DecodeCaseFile(%d bytes) = %v, want refused", len(data), err)
			}
			if !hasProblemAt(ve.Problems, tc.path) || !strings.Contains(ve.Error(), tc.msg) {
				t.Errorf("problems = %v\nwant one at %s with %q", ve.Problems[:min(3, len(ve.Problems))], tc.path, tc.msg)
			}
			t.Logf("%d bytes refused in %v: %s", len(data), took, ve.Problems[0])
		})
	}
	// Fewer open-ended provisions pass Validate (it has no today) and are
	// refused by CheckWork with today, as import and the store call it.
	c := attackCase(MustDate(1990, 1, 1), Date{})
	c.Plans[0].Provisions = c.Plans[0].Provisions[:20]
	if probs := Validate(c); len(probs) > 0 {
		t.Fatalf("Validate: %v", probs)
	}
	probs := CheckWork(c, MustDate(2026, 11, 25))
	if !hasProblemAt(probs, "plans[0].provisions[0].start") || !strings.Contains(probs[0].Message, "started more than 25 years ago") ||
		!strings.Contains(probs[len(probs)-1].Message, "adds up to about 9") {
		t.Errorf("CheckWork with today: %v", probs)
	}
	// A real case, however busy, is within the limits.
	c = attackCase(MustDate(2016, 9, 1), Date{})
	c.Plans[0].Provisions = c.Plans[0].Provisions[:20]
	for i := range c.Plans[0].Provisions {
		c.Plans[0].Provisions[i].Frequency = Frequency{Count: 5, Unit: UnitHours, Per: PerWeek}
	}
	if probs := append(Validate(c), CheckWork(c, MustDate(2026, 11, 25))...); len(probs) > 0 {
		t.Errorf("twenty kinds of help, hours every day for ten years, refused: %v", probs)
	}
}

func TestWorkListLimits(t *testing.T) {
	c := attackCase(MustDate(2024, 9, 1), MustDate(2025, 7, 1))
	c.Plans[0].Provisions = c.Plans[0].Provisions[:3]
	pr := &c.Plans[0].Provisions[0]
	for i := 0; i < maxCountPeriods+1; i++ {
		d := MustDate(2024, 9, 2).AddDays(i)
		pr.CountPeriods = append(pr.CountPeriods, CountPeriod{From: d, To: d})
	}
	for i := 0; i < maxSpells+1; i++ {
		pr.NotInPlace = append(pr.NotInPlace, Spell{From: MustDate(2024, 9, 2)})
	}
	for _, path := range []string{"plans[0].provisions[0].count_periods", "plans[0].provisions[0].not_in_place"} {
		if !hasProblemAt(CheckWork(c, Date{}), path) {
			t.Errorf("no limit at %s", path)
		}
	}
}

// expectedSessions is an upper bound on what Schedule gives, for any
// provision within the span limit.
func TestExpectedSessionsBoundsSchedule(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	cal := DefaultCalendar()
	pers := []Per{PerWeek, PerFortnight, PerMonth, PerHalfTerm, PerTerm, PerYear, PerTotal}
	units := []Unit{UnitSessions, UnitSessions, UnitHours, UnitMinutes}
	for i := 0; i < 300; i++ {
		per := pers[r.Intn(len(pers))]
		p := Provision{ID: "p", Section: SectionF, Type: TypeOT, Weeks: []Weeks{TermTime, AllYear}[r.Intn(2)],
			Frequency: Frequency{Count: 1 + r.Intn(maxPerPeriod[per][0]), Unit: units[r.Intn(len(units))], Per: per},
			Start:     MustDate(2015, 1, 1).AddDays(r.Intn(3000))}
		if r.Intn(3) > 0 {
			p.End = p.Start.AddDays(r.Intn(3000))
		}
		until := p.Start.AddDays(r.Intn(9000))
		got, bound := len(Schedule(p, cal, until)), expectedSessions(p, until)
		if got > bound {
			t.Fatalf("%+v: Schedule gives %d, bound %d", p, got, bound)
		}
	}
}

func BenchmarkCheckWorkAttack(b *testing.B) {
	data, _ := EncodeCaseFile(attackCase(MustDate(1990, 1, 1), MustDate(2100, 12, 31)))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		DecodeCaseFile(data)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 6525000: "6,525,000", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
