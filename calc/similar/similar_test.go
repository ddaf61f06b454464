package similar

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
	"provisiontracker/calc/decisions"
)

var testToday = calc.MustDate(2026, 11, 25)

func loadSeed(t testing.TB, name string) calc.Case {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := calc.DecodeCaseFile(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// The table holds every decision of the set, and reads back as written.
func TestTableIsTheWholeSet(t *testing.T) {
	all, err := decisions.Load(filepath.Join("..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	ds := Decisions()
	if len(ds) != len(all) {
		t.Fatalf("table has %d decisions, calc/data has %d: run go generate ./calc/similar", len(ds), len(all))
	}
	for i, d := range ds {
		a := all[i]
		if d.Ref != a.Ref || d.URL != a.URL || d.Council != a.Council || string(d.Plan) != a.PlanKind {
			t.Errorf("decision %d: table %q %q, set %q %q", i, d.Ref, d.URL, a.Ref, a.URL)
		}
		if len(d.Items) != len(a.Remedy.Items) {
			t.Fatalf("%s: %d items, set has %d", d.Ref, len(d.Items), len(a.Remedy.Items))
		}
		for j, it := range d.Items {
			if !it.Amount.Equal(a.Remedy.Items[j].Amount) || it.Category != a.Remedy.Items[j].Category {
				t.Errorf("%s item %d: %s %s, set %s %s", d.Ref, j, it.Amount, it.Category, a.Remedy.Items[j].Amount, a.Remedy.Items[j].Category)
			}
		}
		if !strings.HasPrefix(d.URL, "https://www.lgo.org.uk/decisions/") && !strings.HasPrefix(d.URL, "https://lgo.org.uk/decisions/") {
			t.Errorf("%s: link %q is not the Ombudsman's site", d.Ref, d.URL)
		}
		if d.Summary == "" || strings.Contains(a.Notes, strings.TrimSuffix(d.Summary, ".")) {
			t.Errorf("%s: summary %q is empty or copied from the notes", d.Ref, d.Summary)
		}
	}
	again, err := parseTable(EncodeTable(ds))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, ds) {
		t.Error("EncodeTable then parseTable does not give the same decisions")
	}
}

func TestParseTableRejectsBadLines(t *testing.T) {
	for _, bad := range []string{"23 009 620\tonly two", strings.Repeat("x\t", nFields-1) + "x",
		strings.Replace(EncodeTable(Decisions()[:1]), "\t2", "\tX", 1)} {
		if _, err := parseTable(bad); err == nil {
			t.Errorf("parseTable(%.40q) gave no error", bad)
		}
	}
}

// Each seed case gets decisions of its own kind.
func TestSeedsFindTheirKind(t *testing.T) {
	therapy := func(d Decision) bool { return d.HasFault(FaultHelpMissed) && anyTherapy(d.Help) }
	cases := []struct {
		seed string
		kind string
		ok   func(Decision) bool
	}{
		{"bromley-23-008-648.json", "care-plan", func(d Decision) bool { return d.Plan == calc.PlanCarePlan }},
		{"herts-24-006-445.json", "missed OT", func(d Decision) bool { return therapy(d) && d.Has(HelpOT) }},
		{"notts-23-009-620.json", "missed OT", func(d Decision) bool { return therapy(d) && d.Has(HelpOT) }},
		{"bromley-news-1980.json", "missed therapy", therapy},
		{"bromley-news-750.json", "changed plan late", func(d Decision) bool { return d.HasFault(FaultReviewLate) }},
	}
	for _, tc := range cases {
		t.Run(tc.seed, func(t *testing.T) {
			r := Nearest(loadSeed(t, tc.seed), testToday)
			if len(r.Matches) < 3 {
				t.Fatalf("%d matches (hints %q), want at least 3", len(r.Matches), r.Hints)
			}
			found := 0
			for _, m := range r.Matches {
				t.Logf("%s %d %s %q", m.Decision.Ref, m.Score, m.Decision.Plan, m.Why)
				if tc.ok(m.Decision) {
					found++
				}
				if len(m.Why) == 0 {
					t.Errorf("%s has no reason", m.Decision.Ref)
				}
			}
			if found == 0 || !tc.ok(r.Matches[0].Decision) {
				t.Errorf("the nearest is not a %s decision (%d of %d are)", tc.kind, found, len(r.Matches))
			}
		})
	}
}

// caseOf enters a decision as a case from its facts: each kind of help as
// a provision not in place for the decision's months, lost education as a
// spell, a late step as process dates that late, a late complaint answer.
// Transport has no provision type in the app, so it cannot be entered.
func caseOf(d Decision) (calc.Case, bool) {
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "A"}}
	for _, k := range calc.Councils() {
		if d.Council != "" && councilKey(k.Name) == councilKey(d.Council) {
			c.Council = k.Code
		}
	}
	year := d.Year
	if year == 0 {
		year = 2010 // not known: a year no decision in the set shares
	}
	start := calc.MustDate(year, 9, 1)
	length := max(d.Months, 1)
	end := start.AddMonths(length).AddDays(-1)
	p := calc.Plan{ID: "p", Kind: d.Plan}
	for i, h := range d.Help {
		switch h {
		case HelpTransport:
			return c, false
		case HelpEducation:
			p.EducationLost = append(p.EducationLost, calc.Spell{From: start, To: end})
			continue
		}
		pr := calc.Provision{ID: "h" + string(rune('a'+i)), Section: calc.SectionF, Type: calc.ProvisionType(h), Weeks: calc.TermTime,
			Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerMonth}, Start: start,
			NotInPlace: []calc.Spell{{From: start, To: end}}}
		if d.Weekly {
			pr.Frequency.Per = calc.PerWeek
		}
		if h == HelpSocialCare {
			pr.Section, pr.Type = calc.SectionH, calc.TypeOther
		}
		p.Provisions = append(p.Provisions, pr)
	}
	weeks := max(d.Weeks, 1)
	x := start.AddMonths(-2)
	switch d.Delay {
	case FaultPlanLate:
		p.Process.AssessmentRequested = x
		p.Process.AssessmentDecision = x.AddDays(7 * 5)
		p.Process.FinalIssued = x.AddDays(7 * (20 + weeks))
	case FaultReviewLate:
		p.LastReview = x
		p.Process.ReviewDecision = x.AddDays(7 * 4)
		p.Process.AmendmentsProposed = x.AddDays(7 * 4)
		p.Process.AmendedFinalIssued = x.AddDays(7 * (12 + weeks))
	}
	if d.Plan == calc.PlanCarePlan && d.Delay != "" && len(p.Provisions) == 0 {
		return c, false // a care plan's steps are not statutory deadlines the app counts
	}
	if d.Handled {
		c.Complaint.Stage1Sent = start
		c.Complaint.Stage1Answered = start.AddDays(70)
	}
	if d.MadeUp && len(p.Provisions) > 0 {
		pr := &p.Provisions[0]
		pr.CountPeriods = []calc.CountPeriod{{From: start, To: start.AddDays(27), Missed: 2, MadeUp: 1}}
	}
	if d.Paid && len(p.Provisions) > 0 {
		pr := &p.Provisions[0]
		pr.CountPeriods = append(pr.CountPeriods, calc.CountPeriod{From: start.AddDays(28), To: start.AddDays(55),
			Missed: 1, PaidPrivately: 1, PrivateCost: decimal.NewFromInt(60)})
	}
	c.Plans = []calc.Plan{p}
	return c, len(p.Provisions) > 0 || len(p.EducationLost) > 0 || d.Delay != ""
}

// A decision's own case finds that decision first, or ties at the top
// with a decision the method cannot tell apart from it.
func TestOwnCaseFindsItsDecision(t *testing.T) {
	ds := Decisions()
	entered, first, tied := 0, 0, 0
	for _, d := range ds {
		c, ok := caseOf(d)
		if !ok {
			continue
		}
		if errs := calc.Validate(c); len(errs) > 0 {
			t.Fatalf("%s: the entered case is not valid: %v", d.Ref, errs)
		}
		entered++
		p := ProfileOf(c, testToday)
		r := NearestIn(ds, p)
		if len(r.Matches) == 0 {
			t.Errorf("%s: no matches (hints %q), profile %+v", d.Ref, r.Hints, p)
			continue
		}
		top := r.Matches[0]
		if top.Decision.Ref == d.Ref {
			first++
			continue
		}
		own := score(p, d)
		if own.Score == top.Score && sameFacts(own.Decision, top.Decision) {
			tied++
			continue
		}
		t.Errorf("%s (score %d, %q) is not first: %s scores %d %q; profile %+v", d.Ref, own.Score, own.Why,
			top.Decision.Ref, top.Score, top.Why, p)
	}
	if entered < len(ds)*3/4 {
		t.Errorf("only %d of %d decisions could be entered as cases", entered, len(ds))
	}
	t.Logf("%d of %d decisions entered; %d found first, %d tied first with one the facts cannot tell apart", entered, len(ds), first, tied)
}

// sameFacts says whether decision b has the facts of a, for matching (a
// tie the order by date and reference decides). What a leaves unknown
// (months, weeks, year: the entered case had to make them up) may differ.
func sameFacts(a, b Decision) bool {
	same := func(x, y int) bool { return x == 0 || x == y }
	return a.Plan == b.Plan && reflect.DeepEqual(a.Help, b.Help) && reflect.DeepEqual(a.Faults, b.Faults) &&
		same(a.Months, b.Months) && a.Weekly == b.Weekly && a.Delay == b.Delay && same(a.Weeks, b.Weeks) &&
		a.MadeUp == b.MadeUp && a.Paid == b.Paid && councilKey(a.Council) == councilKey(b.Council) && same(a.Year, b.Year)
}

func TestTooLittleEnteredGivesHints(t *testing.T) {
	empty := calc.Case{SchemaVersion: calc.SchemaVersion}
	r := Nearest(empty, testToday)
	if len(r.Matches) != 0 || len(r.Hints) != 3 {
		t.Fatalf("empty case: %d matches, hints %q", len(r.Matches), r.Hints)
	}
	planOnly := calc.Case{SchemaVersion: calc.SchemaVersion, Plans: []calc.Plan{{ID: "p", Kind: calc.PlanEHC,
		Provisions: []calc.Provision{{ID: "ot", Section: calc.SectionF, Type: calc.TypeOT, Weeks: calc.TermTime,
			Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}, Start: calc.MustDate(2025, 9, 1)}}}}}
	r = Nearest(planOnly, testToday)
	if len(r.Matches) != 0 || len(r.Hints) != 2 || !strings.Contains(r.Hints[0], "missed") {
		t.Fatalf("nothing missed: %d matches, hints %q", len(r.Matches), r.Hints)
	}
	// Record a term of missed OT and the matches come.
	planOnly.Plans[0].Provisions[0].NotInPlace = []calc.Spell{{From: calc.MustDate(2025, 9, 1), To: calc.MustDate(2025, 12, 19)}}
	if r = Nearest(planOnly, testToday); len(r.Matches) < 3 || len(r.Hints) != 0 {
		t.Fatalf("a term of missed OT: %d matches, hints %q", len(r.Matches), r.Hints)
	}
}

func TestReasonsInPlainWords(t *testing.T) {
	ds := []Decision{
		{Ref: "01 000 001", Plan: calc.PlanEHC, Help: []Help{HelpOT}, Faults: []Fault{FaultHelpMissed}, Months: 4, Weekly: true, Year: 2024},
		{Ref: "01 000 002", Plan: calc.PlanEHC, Faults: []Fault{FaultPlanLate}, Delay: FaultPlanLate, Weeks: 14, Year: 2024},
		{Ref: "01 000 003", Plan: calc.PlanCarePlan, Help: []Help{HelpSocialCare}, Faults: []Fault{FaultHelpMissed}},
	}
	ot := Profile{Plans: []calc.PlanKind{calc.PlanEHC}, Help: []Help{HelpOT}, Faults: []Fault{FaultHelpMissed}, Months: 3, Weekly: true}
	r := NearestIn(ds, ot)
	if len(r.Matches) != 1 || r.Matches[0].Decision.Ref != "01 000 001" {
		t.Fatalf("OT profile: %+v", r)
	}
	if got := r.Matches[0].Why; !reflect.DeepEqual(got, []string{"also an EHC plan", "also weekly OT missed for about a term"}) {
		t.Errorf("why = %q", got)
	}
	late := Profile{Plans: []calc.PlanKind{calc.PlanEHC}, Faults: []Fault{FaultPlanLate}, Delay: FaultPlanLate, Weeks: 12}
	r = NearestIn(ds, late)
	if len(r.Matches) != 1 || !reflect.DeepEqual(r.Matches[0].Why, []string{"also an EHC plan", "also a new plan 14 weeks late"}) {
		t.Errorf("late plan: %+v", r)
	}
	// The same profile always gives the same answer.
	if again := NearestIn(ds, late); !reflect.DeepEqual(again, r) {
		t.Error("NearestIn is not deterministic")
	}
}

func TestHelpOfType(t *testing.T) {
	for ty, want := range map[calc.ProvisionType]Help{calc.TypeOT: HelpOT, "": HelpOther, calc.TypeOther: HelpOther,
		"short_breaks": HelpSocialCare, "direct_payments": HelpSocialCare, "transport": HelpTransport, "alternative_provision": HelpTuition} {
		if got := helpOfType(ty); got != want {
			t.Errorf("helpOfType(%q) = %q, want %q", ty, got, want)
		}
	}
}

func TestMonthWords(t *testing.T) {
	for m, want := range map[int]string{1: "about a month", 2: "about 2 months", 3: "about a term", 4: "about a term",
		6: "about 6 months", 12: "about a year", 24: "about 2 years", 40: "about 40 months"} {
		if got := monthWords(m); got != want {
			t.Errorf("monthWords(%d) = %q, want %q", m, got, want)
		}
	}
}

func BenchmarkNearest(b *testing.B) {
	c := loadSeed(b, "notts-23-009-620.json")
	Decisions()
	b.ReportAllocs()
	for b.Loop() {
		Nearest(c, testToday)
	}
}

// BenchmarkTableSize reports what the decision table adds to the wasm
// download: raw, gzip -9 and (with the brotli tool) brotli -q 11. The
// issue's budget for the whole feature is 40 KB brotli.
func BenchmarkTableSize(b *testing.B) {
	var gz bytes.Buffer
	for b.Loop() {
		gz.Reset()
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write([]byte(table))
		w.Close()
	}
	b.ReportMetric(float64(len(table)), "raw-bytes")
	b.ReportMetric(float64(gz.Len()), "gzip-bytes")
	if _, err := exec.LookPath("brotli"); err == nil {
		cmd := exec.Command("brotli", "-q", "11", "-c")
		cmd.Stdin = strings.NewReader(table)
		if br, err := cmd.Output(); err == nil {
			b.ReportMetric(float64(len(br)), "brotli-bytes")
		}
	}
}

func BenchmarkParseTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseTable(table); err != nil {
			b.Fatal(err)
		}
	}
}
