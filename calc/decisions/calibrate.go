package decisions

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"provisiontracker/calc"

	"github.com/shopspring/decimal"
)

// Row is one decision of the leave-one-out table: the estimate made with
// rates derived from all the other decisions, against what was paid.
type Row struct {
	Ref, Category, PlanKind string
	Actual                  decimal.Decimal
	Low, Typical, High      decimal.Decimal
	Inside                  bool
	Error                   float64 // |typical − actual| / actual
	Ratio                   float64 // typical / actual
	Width                   float64 // high / low (+Inf when low is 0)
}

// Summary is the realism of the estimate over a group of rows.
type Summary struct {
	Group       string
	N           int
	Coverage    float64 // share of rows with the actual inside low–high
	MedianError float64
	MeanError   float64
	Bias        float64 // median typical / actual
	MedianWidth float64 // median high / low
	// Span is the 92.5th ÷ the 7.5th percentile of actual ÷ typical: the
	// width a range of fixed multiples of the typical figure would need
	// to hold the middle 85% of the payments. It measures how far the
	// typical figure scatters, whatever the range rule.
	Span float64
}

// LeaveOneOut estimates each entered decision with rates derived from
// all the others (base supplies the rates the others cannot price) and
// compares the estimate with what the Ombudsman paid.
func LeaveOneOut(ents []Entered, base calc.Rules) []Row {
	ents = Comparable(ents)
	rows := make([]Row, 0, len(ents))
	for i, en := range ents {
		others := make([]Entered, 0, len(ents)-1)
		others = append(others, ents[:i]...)
		others = append(others, ents[i+1:]...)
		rules := Derive(others, base)
		rows = append(rows, Compare(en, rules))
	}
	return rows
}

// Compare estimates one entered decision with the given rules.
func Compare(en Entered, rules calc.Rules) Row {
	est := calc.EstimateCase(en.Case, rules, en.Today)
	actual, _ := en.Decision.Paid()
	r := Row{Ref: en.Decision.Ref, Category: en.Decision.Category, PlanKind: en.Decision.PlanKind,
		Actual: actual, Low: est.Low, Typical: est.Typical, High: est.High}
	r.Inside = !actual.LessThan(est.Low) && !actual.GreaterThan(est.High)
	a, _ := actual.Float64()
	t, _ := est.Typical.Float64()
	lo, _ := est.Low.Float64()
	hi, _ := est.High.Float64()
	r.Error, r.Ratio = math.Abs(t-a)/a, t/a
	r.Width = math.Inf(1)
	if lo > 0 {
		r.Width = hi / lo
	}
	return r
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// quantile is the p-th quantile (0..1) of sorted values, interpolated
// between neighbours as Percentile is.
func quantile(sorted []float64, p float64) float64 {
	pos := p * float64(len(sorted)-1)
	i := int(pos)
	if i >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (sorted[i+1]-sorted[i])*(pos-float64(i))
}

// Summarise gives the summary of a group of rows.
func Summarise(group string, rows []Row) Summary {
	s := Summary{Group: group, N: len(rows)}
	var errs, ratios, widths []float64
	in := 0
	for _, r := range rows {
		if r.Inside {
			in++
		}
		errs, ratios, widths = append(errs, r.Error), append(ratios, r.Ratio), append(widths, r.Width)
		s.MeanError += r.Error
	}
	if len(rows) > 0 {
		s.Coverage = float64(in) / float64(len(rows))
		s.MeanError /= float64(len(rows))
	}
	s.MedianError, s.Bias, s.MedianWidth = median(errs), median(ratios), median(widths)
	var paidOver []float64
	for _, r := range ratios {
		if r > 0 {
			paidOver = append(paidOver, 1/r)
		}
	}
	if len(paidOver) > 1 {
		sort.Float64s(paidOver)
		s.Span = quantile(paidOver, PercentileHigh) / quantile(paidOver, PercentileLow)
	}
	return s
}

// Summaries gives the summary of all rows, then by category and plan kind.
func Summaries(rows []Row) []Summary {
	out := []Summary{Summarise("all", rows)}
	for _, by := range []struct {
		name string
		key  func(Row) string
	}{{"category", func(r Row) string { return r.Category }}, {"plan kind", func(r Row) string { return r.PlanKind }}} {
		groups := map[string][]Row{}
		var names []string
		for _, r := range rows {
			k := by.key(r)
			if _, ok := groups[k]; !ok {
				names = append(names, k)
			}
			groups[k] = append(groups[k], r)
		}
		sort.Strings(names)
		for _, n := range names {
			out = append(out, Summarise(by.name+": "+n, groups[n]))
		}
	}
	return out
}

// Targets are issue 12's realism targets for the leave-one-out summary.
type Targets struct{ Coverage, MedianError, BiasLow, BiasHigh, MedianWidth float64 }

// IssueTargets: coverage ≥ 85%, median error ≤ 30%, median typical/actual
// between 0.85 and 1.15, median high/low ≤ 3.
var IssueTargets = Targets{Coverage: 0.85, MedianError: 0.30, BiasLow: 0.85, BiasHigh: 1.15, MedianWidth: 3}

// Met lists the targets the summary misses (none: it meets them all).
func (t Targets) Missed(s Summary) []string {
	var out []string
	if s.Coverage < t.Coverage {
		out = append(out, fmt.Sprintf("coverage %.0f%% < %.0f%%", 100*s.Coverage, 100*t.Coverage))
	}
	if s.MedianError > t.MedianError {
		out = append(out, fmt.Sprintf("median error %.0f%% > %.0f%%", 100*s.MedianError, 100*t.MedianError))
	}
	if s.Bias < t.BiasLow || s.Bias > t.BiasHigh {
		out = append(out, fmt.Sprintf("bias %.2f outside %.2f–%.2f", s.Bias, t.BiasLow, t.BiasHigh))
	}
	if s.MedianWidth > t.MedianWidth {
		out = append(out, fmt.Sprintf("median width %.2f > %.2f", s.MedianWidth, t.MedianWidth))
	}
	return out
}

// WriteTable prints the leave-one-out table and its summaries, and the
// decisions left out.
func WriteTable(w io.Writer, rows []Row, ents []Entered, notEntered []NotEntered) {
	fmt.Fprintf(w, "%-10s  %-22s %10s %10s %10s %10s  %-6s %6s\n", "decision", "category", "actual", "low", "typical", "high", "inside", "error")
	for _, r := range rows {
		in := "no"
		if r.Inside {
			in = "yes"
		}
		fmt.Fprintf(w, "%-10s  %-22s %10s %10s %10s %10s  %-6s %5.0f%%\n", r.Ref, r.Category, calc.FormatMoney(r.Actual),
			calc.FormatMoney(r.Low), calc.FormatMoney(r.Typical), calc.FormatMoney(r.High), in, 100*r.Error)
	}
	fmt.Fprintln(w)
	WriteSummaries(w, Summaries(rows))
	first := true
	for _, e := range ents {
		if e.NotCompared != "" {
			if first {
				fmt.Fprintln(w, "\nEntered but not compared:")
				first = false
			}
			fmt.Fprintf(w, "  %s: %s\n", e.Decision.Ref, e.NotCompared)
		}
	}
	if len(notEntered) > 0 {
		fmt.Fprintf(w, "\nNot entered (%d):\n", len(notEntered))
		for _, n := range notEntered {
			fmt.Fprintf(w, "  %s: %s\n", n.Decision.Ref, n.Why)
		}
	}
}

// WriteSummaries prints summaries as a table.
func WriteSummaries(w io.Writer, ss []Summary) {
	fmt.Fprintf(w, "%-34s %4s %9s %13s %11s %6s %8s %8s\n", "group", "n", "coverage", "median error", "mean error", "bias", "width", "85% span")
	for _, s := range ss {
		fmt.Fprintf(w, "%-34s %4d %8.0f%% %12.0f%% %10.0f%% %6.2f %8s %8s\n", s.Group, s.N, 100*s.Coverage, 100*s.MedianError,
			100*s.MeanError, s.Bias, width(s.MedianWidth), width(s.Span))
	}
}

func width(x float64) string {
	if x == 0 {
		return "–" // too few rows to say
	}
	if math.IsInf(x, 1) {
		return "∞"
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
}
