package decisions

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"provisiontracker/calc"
)

// TestRatesUpToDate fails when calc/rates_gen.go is not what the
// generator makes of the decision set: run go run ./calc/cmd/genrates.
func TestRatesUpToDate(t *testing.T) {
	want, err := GenerateRates(filepath.Join("..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "rates_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("calc/rates_gen.go is out of date: run go run ./calc/cmd/genrates")
	}
}

// TestDefaultRulesAreDerived checks that the app's rules table carries
// the derived rates: each lists its decisions, its "figures as of" is the
// latest of their dates, and the per-session rate keeps £50 with a range
// that reflects real awards.
func TestDefaultRulesAreDerived(t *testing.T) {
	ds := loadAll(t)
	dates := map[string]calc.Date{}
	for _, d := range ds {
		dates[d.Ref] = d.Date()
	}
	r := calc.DefaultRules()
	derived := 0
	for _, rt := range r.Rates {
		if len(rt.Decisions) == 0 {
			continue
		}
		derived++
		if !sort.StringsAreSorted(rt.Decisions) {
			t.Errorf("%s: decisions not in order", rt.Key)
		}
		latest := calc.Date{}
		for _, ref := range rt.Decisions {
			if _, ok := dates[ref]; !ok {
				t.Errorf("%s rests on %s, which is not in the decision set", rt.Key, ref)
			}
			if dates[ref].After(latest) {
				latest = dates[ref]
			}
		}
		if rt.FiguresDate != latest {
			t.Errorf("%s: figures as of %s, want the latest decision date %s", rt.Key, rt.FiguresDate, latest)
		}
		if rt.Low.GreaterThan(rt.Typical) || rt.Typical.GreaterThan(rt.High) {
			t.Errorf("%s: %s / %s / %s out of order", rt.Key, rt.Low, rt.Typical, rt.High)
		}
	}
	if derived < 5 {
		t.Errorf("only %d rates derived from the decisions", derived)
	}
	s, _ := r.Rate(calc.RateMissedSession)
	// Real awards run from about £15 to £150 a session (issue 12); over
	// the nine therapy-only decisions of the 112 the 7.5th and 92.5th
	// percentiles are £29.73 and £141.05. The range must stay that wide:
	// the low at most 60% of the £50, the high at least twice it.
	if !s.Typical.Equal(SeedSessionRate) || s.Low.GreaterThan(SeedSessionRate.Mul(decimalFromInt(6)).Div(decimalFromInt(10))) || s.High.LessThan(SeedSessionRate.Mul(decimal2)) {
		t.Errorf("per-session rate %s / %s / %s: want £50 typical and a range from £30 or less to £100 or more", s.Low, s.Typical, s.High)
	}
}
