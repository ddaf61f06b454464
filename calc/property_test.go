package calc

import (
	"math/rand/v2"
	"testing"
)

// randomCase builds a valid case with random outcomes on a weekly provision.
func randomCase(r *rand.Rand) (Case, []Session) {
	p := Provision{ID: "ot", Section: SectionF, Type: TypeOT, Frequency: Frequency{1 + r.IntN(3), UnitSessions, PerWeek},
		Weeks: TermTime, Start: MustDate(2024, 9, 2), End: MustDate(2025, 7, 18)}
	if r.IntN(2) == 0 {
		p.PricePerSession = money("75")
	}
	s := Schedule(p, DefaultCalendar(), MustDate(2025, 7, 31))
	sts := []Status{StatusDelivered, StatusMissed, StatusChildAbsent, StatusPrivate, ""}
	for _, x := range s {
		st := sts[r.IntN(len(sts))]
		if st == "" {
			continue
		}
		o := Outcome{Date: x.Date, Seq: x.Seq, Status: st}
		if st == StatusPrivate {
			o.Cost = money("60.50")
		}
		p.Outcomes = append(p.Outcomes, o)
	}
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC, Provisions: []Provision{p}}}}
	if r.IntN(2) == 0 {
		c.Complaint.Stage1Sent = MustDate(2025, 3, 3)
	}
	return c, s
}

var propToday = MustDate(2025, 8, 1)

func TestPropertyMoreMissedNeverLowers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		c, s := randomCase(r)
		before := EstimateCase(c, DefaultRules(), propToday)
		p := &c.Plans[0].Provisions[0]
		// Turn one session that is not yet missed into a missed one.
		recorded := map[Session]int{}
		for j, o := range p.Outcomes {
			recorded[Session{o.Date, o.Seq}] = j
		}
		for _, x := range s {
			j, ok := recorded[x]
			if !ok {
				p.Outcomes = append(p.Outcomes, Outcome{Date: x.Date, Seq: x.Seq, Status: StatusMissed})
				break
			}
			if st := p.Outcomes[j].Status; st == StatusDelivered || st == StatusChildAbsent {
				p.Outcomes[j].Status = StatusMissed
				break
			}
		}
		if probs := Validate(c); len(probs) > 0 {
			t.Fatal(probs)
		}
		after := EstimateCase(c, DefaultRules(), propToday)
		if after.Low.LessThan(before.Low) || after.Typical.LessThan(before.Typical) || after.High.LessThan(before.High) {
			t.Fatalf("one more missed session lowered the estimate: %s -> %s", FormatMoney(before.Typical), FormatMoney(after.Typical))
		}
	}
}

func TestPropertyMadeUpNeverRaises(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200; i++ {
		c, _ := randomCase(r)
		p := &c.Plans[0].Provisions[0]
		var missed []Outcome
		for _, o := range p.Outcomes {
			if o.Status == StatusMissed {
				missed = append(missed, o)
			}
		}
		if len(missed) == 0 {
			continue
		}
		before := EstimateCase(c, DefaultRules(), propToday)
		m := missed[r.IntN(len(missed))]
		p.Outcomes = append(p.Outcomes, Outcome{Date: MustDate(2025, 7, 26), Seq: 0, Status: StatusMadeUp, Replaces: m.Date, ReplacesSeq: m.Seq})
		if probs := Validate(c); len(probs) > 0 {
			t.Fatal(probs)
		}
		after := EstimateCase(c, DefaultRules(), propToday)
		if after.Low.GreaterThan(before.Low) || after.Typical.GreaterThan(before.Typical) || after.High.GreaterThan(before.High) {
			t.Fatalf("a made-up session raised the estimate: %s -> %s", FormatMoney(before.Typical), FormatMoney(after.Typical))
		}
	}
}

func TestPropertyRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 50; i++ {
		c, _ := randomCase(r)
		b, err := EncodeCaseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := DecodeCaseFile(b)
		if err != nil {
			t.Fatal(err)
		}
		if !equalCases(c, c2) {
			t.Fatal("round trip changed a random case")
		}
		e := EstimateCase(c2, DefaultRules(), propToday)
		sum := e.Lines
		total := money("0")
		for _, l := range sum {
			total = total.Add(l.Typical)
		}
		if !total.Equal(e.Typical) {
			t.Fatal("total is not the sum of the lines")
		}
	}
}

func FuzzDecodeCaseFile(f *testing.F) {
	for _, name := range []string{"notts-23-009-620.json", "herts-24-006-445.json", "bromley-23-008-648.json"} {
		b, _ := readTestdata(name)
		f.Add(b)
	}
	f.Add([]byte(`{"schema_version":1}`))
	f.Add([]byte(`{"schema_version":1,"plans":[{"provisions":[{"outcomes":[{"date":"2024-02-30"}]}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DecodeCaseFile(b)
		if err != nil {
			return
		}
		// Whatever decodes must re-encode, decode to the same case and estimate without panicking.
		out, err := EncodeCaseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := DecodeCaseFile(out)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, out)
		}
		if !equalCases(c, c2) {
			t.Fatal("round trip changed the case")
		}
		EstimateCase(c, DefaultRules(), MustDate(2025, 1, 1))
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "", "0000-00-00", "2024-1-1", "２０２４-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if s == "" {
			if !d.IsZero() {
				t.Fatal("empty string must give the zero date")
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"50", "50.5", "1,234.50", "£1,234.50", "1e3", "-1", "0.001", "100000.01", "£"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseMoney(s)
		if err != nil {
			return
		}
		if d.Sign() < 0 || d.GreaterThan(MaxItemAmount) || !d.Equal(d.Round(2)) {
			t.Fatalf("ParseMoney(%q) = %s out of bounds", s, d)
		}
		// What FormatMoney writes, ParseMoney reads back to the same amount.
		back, err := ParseMoney(FormatMoney(d))
		if err != nil || !back.Equal(d) {
			t.Fatalf("FormatMoney round trip of %q: %s %v", s, FormatMoney(d), err)
		}
	})
}
