package decisions

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"provisiontracker/calc"

	"github.com/shopspring/decimal"
)

// FactGroup is a set of decisions whose case files give the estimate the
// same facts: the same lines, counting the same units, the same fixed
// amounts, and the same deadlines missed by the same number of weeks. A
// rule that reads only these facts gives them one and the same figure, so
// what they were paid shows the least error such a rule can have on them.
type FactGroup struct {
	Refs     []string
	Paid     []decimal.Decimal // sorted
	Category string            // the decisions' category, or "mixed categories"
	// Best is the single figure with the least median error on the group,
	// and BestError that error; Width3 the most of the group a range
	// three times as high as low can hold.
	Best      decimal.Decimal
	BestError float64
	Width3    float64
}

// SameFacts groups the comparable decisions that have the same facts (at
// least min of them in a group), largest group first.
func SameFacts(ents []Entered, base calc.Rules, min int) []FactGroup {
	byKey := map[string][]Entered{}
	var keys []string
	for _, en := range Comparable(ents) {
		k := factsKey(calc.EstimateCase(en.Case, base, en.Today))
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], en)
	}
	var out []FactGroup
	for _, k := range keys {
		if g := byKey[k]; len(g) >= min {
			out = append(out, factGroup(g))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Refs) > len(out[j].Refs) })
	return out
}

// factsKey is what the estimate counts, without the rates' figures, and
// the council's deadlines missed.
func factsKey(est calc.Estimate) string {
	var parts []string
	for _, d := range est.Deadlines {
		if !d.ParentDeadline && d.WeeksLate > 0 {
			parts = append(parts, "late|"+d.Key+"|"+strconv.Itoa(d.WeeksLate))
		}
	}
	for _, l := range est.Lines {
		p := l.Kind + "|" + l.RateKey + "|" + l.Count.String() + "|" + l.Unit
		if l.RateKey == "" {
			p += "|" + l.Typical.String() // a fixed amount: a refund, a payment taken off
		}
		parts = append(parts, p)
	}
	sort.Strings(parts)
	return strings.Join(parts, ";")
}

func factGroup(g []Entered) FactGroup {
	fg := FactGroup{Category: g[0].Decision.Category}
	for _, en := range g {
		a, _ := en.Decision.Paid()
		fg.Refs, fg.Paid = append(fg.Refs, en.Decision.Ref), append(fg.Paid, a)
		if en.Decision.Category != fg.Category {
			fg.Category = "mixed categories"
		}
	}
	sort.Strings(fg.Refs)
	sort.Slice(fg.Paid, func(i, j int) bool { return fg.Paid[i].LessThan(fg.Paid[j]) })
	// The median error is piecewise linear in the figure, so it is least
	// at a payment or where two payments' errors cross: between a and b,
	// (c − a)/a = (b − c)/b at c = 2ab/(a + b).
	cands := append([]decimal.Decimal(nil), fg.Paid...)
	for i, a := range fg.Paid {
		for _, b := range fg.Paid[i+1:] {
			cands = append(cands, a.Mul(b).Mul(decimal.NewFromInt(2)).Div(a.Add(b)).Round(2))
		}
	}
	fg.BestError = math.Inf(1)
	for _, c := range cands {
		errs := make([]float64, len(fg.Paid))
		for i, a := range fg.Paid {
			errs[i], _ = c.Sub(a).Abs().Div(a).Float64()
		}
		if e := median(errs); e < fg.BestError {
			fg.BestError, fg.Best = e, c.Round(0)
		}
	}
	three := decimal.NewFromInt(3)
	for _, lo := range fg.Paid { // the best range starts at a payment
		in := 0
		for _, a := range fg.Paid {
			if !a.LessThan(lo) && !a.GreaterThan(lo.Mul(three)) {
				in++
			}
		}
		fg.Width3 = math.Max(fg.Width3, float64(in)/float64(len(fg.Paid)))
	}
	return fg
}

// WriteSameFacts prints the groups of decisions with the same facts.
func WriteSameFacts(w io.Writer, gs []FactGroup) {
	if len(gs) == 0 {
		return
	}
	fmt.Fprintln(w, "\nSame facts, different payments (a rule reading these facts gives each group one figure):")
	for _, g := range gs {
		fmt.Fprintf(w, "  %d decisions (%s) paid %s to %s: the best single figure, %s, is %.0f%% off in the median; a range 3 wide holds at most %.0f%% of them\n",
			len(g.Refs), g.Category, calc.FormatMoney(g.Paid[0]), calc.FormatMoney(g.Paid[len(g.Paid)-1]),
			calc.FormatMoney(g.Best), 100*g.BestError, 100*g.Width3)
		fmt.Fprintf(w, "    %s\n", strings.Join(g.Refs, ", "))
	}
}
