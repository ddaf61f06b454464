package decisions

import (
	"math"
	"path/filepath"
	"testing"

	"provisiontracker/calc"
)

func loadAll(t testing.TB) []Decision {
	t.Helper()
	ds, err := Load(filepath.Join("..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestEnterAllValid(t *testing.T) {
	in, out := EnterAll(loadAll(t))
	for _, e := range in {
		if probs := calcValidate(e.Case); len(probs) > 0 {
			t.Errorf("%s: %v", e.Decision.Ref, probs)
		}
	}
	for _, n := range out {
		t.Logf("not entered %s: %s", n.Decision.Ref, n.Why)
	}
	t.Logf("%d entered, %d not", len(in), len(out))
}

// A length in words is how long something lasted; "a week" after a
// count of nights or hours is how often, not how long.
func TestMonthsIn(t *testing.T) {
	for _, tc := range []struct {
		words string
		want  float64
	}{
		{"two terms and six weeks", 6 + 6*12.0/52},
		{"15 school months", 15},
		{"nearly a term", 3},
		{"for a year", 12},
		{"one night a week", 0},
		{"4 hours a month in term time and 8 hours a month in holidays", 0},
		{"two sessions a week for 6 weeks", 6 * 12.0 / 52},
		{"once a week", 0},
		{"no length here", 0},
	} {
		if got := monthsIn(tc.words); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("monthsIn(%q) = %.3f months, want %.3f", tc.words, got, tc.want)
		}
	}
}

// The kind of help is read from its words, first match wins (rule G12).
func TestKindOf(t *testing.T) {
	for _, tc := range []struct {
		words string
		want  kind
	}{
		{"transport to school and to respite care", kind{typ: calc.TypeTransport, section: calc.SectionF}},
		{"overnight respite care", kind{typ: calc.TypeShortBreaks, section: calc.SectionH, allYear: true}},
		{"speech and language therapy", kind{typ: calc.TypeSALT, section: calc.SectionF, therapy: true}},
		{"1:1 teaching assistant", kind{typ: calc.TypeOneToOne, section: calc.SectionF}},
		{"some of the support in Miss Y's EHC plan at school (not provided)", kind{typ: calc.TypeOther, section: calc.SectionF}},
		{"education after exclusion", kind{education: true}},
		{"home tuition", kind{education: true}},
		{"a school place", kind{education: true}},
		{"a laptop", kind{typ: calc.TypeOther, section: calc.SectionF}},
	} {
		if got := kindOf(tc.words); got != tc.want {
			t.Errorf("kindOf(%q) = %+v, want %+v", tc.words, got, tc.want)
		}
	}
}
