package decisions

import (
	"fmt"
	"sort"
	"testing"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

func pounds(xs ...int64) []decimal.Decimal {
	out := make([]decimal.Decimal, len(xs))
	for i, x := range xs {
		out[i] = decimal.NewFromInt(x)
	}
	return out
}

func TestHDQuantile(t *testing.T) {
	for _, tc := range []struct {
		name string
		vals []decimal.Decimal
		p    float64
		want string // to the penny
	}{
		{"nothing", nil, 0.5, "0"},
		{"one value", pounds(300), 0.5, "300"},
		{"all the same", pounds(500, 500, 500, 500), 0.5, "500"},
		{"odd, symmetric", pounds(1, 2, 3), 0.5, "2"},
		{"even, symmetric", pounds(100, 200, 300, 400), 0.5, "250"},
		{"spaced evenly", pounds(0, 100, 200, 300, 400, 500, 600, 700, 800), 0.5, "400"},
	} {
		if got := HDQuantile(tc.vals, tc.p).Round(2); !got.Equal(decimal.RequireFromString(tc.want)) {
			t.Errorf("%s: HDQuantile(%v, %v) = %s, want %s", tc.name, tc.vals, tc.p, got, tc.want)
		}
	}
	vals := pounds(150, 150, 200, 200, 200, 250, 300, 300, 500, 500, 500, 500, 500, 600, 1000, 1200)
	prev := decimal.Zero
	for _, p := range []float64{0.075, 0.25, 0.5, 0.75, 0.925} {
		q := HDQuantile(vals, p)
		if q.LessThan(vals[0]) || q.GreaterThan(vals[len(vals)-1]) || q.LessThan(prev) {
			t.Errorf("HDQuantile at %v = %s: outside the values or below the quantile before it (%s)", p, q, prev)
		}
		prev = q
	}
}

// The typical delay-only payment must not jump with which one decision is
// left out: half the delay-only decisions paid £300 or less and half £500
// or more, so the plain median of the other fifteen is £300 or £500.
func TestTypicalIsSteadyWhenOneDecisionIsLeftOut(t *testing.T) {
	ents, _ := EnterAll(loadAll(t))
	figs := Figures(Comparable(ents), calc.SeedRules())[calc.RateDelaySymbolic]
	if len(figs) < 10 {
		t.Fatalf("only %d delay-only figures", len(figs))
	}
	spread := func(q func([]decimal.Decimal, float64) decimal.Decimal) (lo, hi decimal.Decimal) {
		for i := range figs {
			var vals []decimal.Decimal
			for j, f := range figs {
				if j != i {
					vals = append(vals, f.value)
				}
			}
			sort.Slice(vals, func(a, b int) bool { return vals[a].LessThan(vals[b]) })
			m := q(vals, PercentileTypical)
			if i == 0 || m.LessThan(lo) {
				lo = m
			}
			if i == 0 || m.GreaterThan(hi) {
				hi = m
			}
		}
		return lo, hi
	}
	plo, phi := spread(Percentile)
	hlo, hhi := spread(HDQuantile)
	if hhi.Sub(hlo).GreaterThan(hlo.Div(decimal.NewFromInt(5))) || hhi.Sub(hlo).GreaterThan(phi.Sub(plo)) {
		t.Errorf("leaving one decision out moves the weighted median from %s to %s (the plain median %s to %s): want it steady, within a fifth",
			hlo.Round(2), hhi.Round(2), plo, phi)
	}
}

// HDQuantile weighs every figure, so one more decision moves the typical
// figure a little rather than from one payment to the next.
func ExampleHDQuantile() {
	paid := pounds(150, 200, 300, 500, 500, 600)
	fmt.Println("plain median:", Percentile(paid, 0.5), "weighted median:", HDQuantile(paid, 0.5).Round(0))
	fmt.Println("without the £600:", Percentile(paid[:5], 0.5), HDQuantile(paid[:5], 0.5).Round(0))
	// Output:
	// plain median: 400 weighted median: 382
	// without the £600: 300 329
}
