package decisions

import (
	"math"
	"sort"
	"strconv"

	"provisiontracker/calc"

	"github.com/shopspring/decimal"
)

// Percentiles the derived rates are read at: low, typical and high. The
// low and high hold the middle 85% of the decisions' figures, the share
// of real payments the range is meant to hold.
var (
	PercentileLow     = 0.075
	PercentileTypical = 0.50
	PercentileHigh    = 0.925
	// MinDecisions is the fewest decisions a rate is derived from; with
	// fewer the seed rate stands.
	MinDecisions = 3
)

// sessionWhole keys the per-session figures read from whole payments.
const sessionWhole = "session_whole_payment"

// SeedSessionRate is the per-session point the five seed decisions state
// (Nottinghamshire 23 009 620: 12 × £50; Hertfordshire 24 006 445): the
// derived per-session rate keeps it as its typical figure.
var SeedSessionRate = decimal.NewFromInt(50)

// lossRates are the rates that price provision or education lost.
var lossRates = map[string]bool{calc.RateMissedSession: true, calc.RatePartialProvision: true,
	calc.RateEducationLost: true, calc.RateShortBreaksTerm: true}

// figure is one decision's per-unit amount for one rate. For a loss
// rate, value is the amount paid and counts the units of each line, until
// perUnit divides them.
type figure struct {
	value  decimal.Decimal
	ref    string
	date   calc.Date
	counts []decimal.Decimal
}

// perUnit divides a loss figure's amount by its units at the taper.
func (f figure) perUnit(exp decimal.Decimal) decimal.Decimal {
	if f.counts == nil {
		return f.value
	}
	u := decimal.Zero
	for _, c := range f.counts {
		u = u.Add(calc.LossUnits(c, exp))
	}
	if u.Sign() <= 0 {
		return decimal.Zero
	}
	return f.value.Div(u)
}

// Figures lists, for each rate, the per-unit figures the decisions give:
// what a decision paid for the item the rate prices, divided by the
// units the estimate counts in that decision's case file (sessions,
// terms, months; 1 for a lump sum). A decision gives a figure only when
// the attribution is unambiguous:
//   - a loss rate: the decision's loss lines all use that one rate, it
//     paid a missed_provision item, and the council had paid nothing
//     before (which would hide part of the value);
//   - distress (or prolonged distress): the estimate has a distress line
//     and every item of the remedy is named (no "other"): distress plus
//     distress_and_time_trouble items, £0 when there are none;
//   - time and trouble: the same, from time_and_trouble items;
//   - delay (symbolic): a delay-only decision's whole payment.
func Figures(ents []Entered, base calc.Rules) map[string][]figure {
	out := map[string][]figure{}
	for _, en := range ents {
		d := en.Decision
		est := calc.EstimateCase(en.Case, base, en.Today)
		date := d.Date() // zero when the decision gives none: "figures as of" uses real dates only
		itemised := d.Sum(CatOther).IsZero()
		loss := map[string][]decimal.Decimal{}
		var distressKey string
		tt, hasDelay := false, false
		for _, l := range est.Lines {
			switch {
			case lossRates[l.RateKey] && l.Count.Sign() > 0:
				loss[l.RateKey] = append(loss[l.RateKey], l.Count)
			case l.Kind == calc.LineDistress:
				distressKey = l.RateKey
			case l.Kind == calc.LineTimeAndTrouble:
				tt = true
			case l.Kind == calc.LineDelay:
				hasDelay = true
			}
		}
		delayAlone := hasDelay && distressKey == ""
		paidBefore := false
		for _, p := range en.Case.Payments {
			paidBefore = paidBefore || !p.Offered
		}
		if mp := d.Sum(CatMissedProvision); len(loss) == 1 && mp.Sign() > 0 && !paidBefore {
			for k, n := range loss {
				out[k] = append(out[k], figure{value: mp, ref: d.Ref, date: date, counts: n})
			}
		}
		if n, ok := loss[calc.RateMissedSession]; ok && len(loss) == 1 && !paidBefore {
			// The per-session range: the whole payment per session.
			total, _ := d.Paid()
			out[sessionWhole] = append(out[sessionWhole], figure{value: total.Sub(d.Sum(CatReimbursement)), ref: d.Ref, date: date, counts: n})
		}
		if distressKey != "" && itemised {
			out[distressKey] = append(out[distressKey], figure{value: d.Sum(CatDistress, CatDistressAndTime), ref: d.Ref, date: date})
		}
		if tt && itemised {
			out[calc.RateTimeAndTrouble] = append(out[calc.RateTimeAndTrouble], figure{value: d.Sum(CatTimeAndTrouble), ref: d.Ref, date: date})
		}
		if delayAlone && !paidBefore {
			total, _ := d.Paid()
			out[calc.RateDelaySymbolic] = append(out[calc.RateDelaySymbolic], figure{value: total.Sub(d.Sum(CatReimbursement)), ref: d.Ref, date: date})
		}
	}
	return out
}

var perWords = map[string]string{"session": "per session", "term": "per term", "month": "per month", "lump sum": "per decision"}

// Derive returns base with every rate the decisions can price replaced
// by figures read from their per-unit figures (low and high at
// PercentileLow and PercentileHigh, typical their Harrell–Davis median;
// whole pounds, pence for a per-session rate), the decisions it rests on
// and the latest of their dates. The per-session rate keeps the seeds'
// £50 as its typical figure.
func Derive(ents []Entered, base calc.Rules) calc.Rules {
	ents = Comparable(ents)
	out := scaleTypical(ents, deriveTypical(ents, base))
	out.FiguresDate = calc.Date{}
	for _, rt := range out.Rates {
		if rt.FiguresDate.After(out.FiguresDate) {
			out.FiguresDate = rt.FiguresDate
		}
	}
	return out
}

// deriveTypical is Derive's first step: each rate from the percentiles
// of its per-unit figures.
func deriveTypical(ents []Entered, base calc.Rules) calc.Rules {
	figs := Figures(ents, base)
	out := base
	exp := FitTaper(figs)
	out.Rates = append([]calc.Rate(nil), base.Rates...)
	for i, rt := range out.Rates {
		fs := figs[rt.Key]
		if len(fs) < MinDecisions {
			continue
		}
		vals := make([]decimal.Decimal, len(fs))
		refs := make([]string, len(fs))
		latest := calc.Date{}
		e := decimal.Zero
		if isTermRate(rt.Key) {
			e = exp
		}
		for j, f := range fs {
			vals[j], refs[j] = f.perUnit(e), f.ref
			if f.date.After(latest) {
				latest = f.date
			}
		}
		sort.Slice(vals, func(a, b int) bool { return vals[a].LessThan(vals[b]) })
		sort.Strings(refs)
		places := int32(0)
		if rt.Per == "session" {
			places = 2
		}
		lo := Percentile(vals, PercentileLow).Round(places)
		ty := HDQuantile(vals, PercentileTypical).Round(places)
		if Percentile(vals, PercentileTypical).IsZero() {
			ty = decimal.Zero // most decisions paid nothing for it: no weighting makes that "usually £90"
		}
		hi := Percentile(vals, PercentileHigh).Round(places)
		how := "low and high the " + pct(PercentileLow) + " and " + pct(PercentileHigh) + " percentiles, typical the median weighted over every figure (Harrell–Davis)"
		if rt.Key == calc.RateMissedSession {
			ty = SeedSessionRate
			how = "typical £50 as the seed decisions state (Nottinghamshire 23 009 620, Hertfordshire 24 006 445); low and high the " +
				pct(PercentileLow) + " and " + pct(PercentileHigh) + " percentiles"
			if whole := figs[sessionWhole]; len(whole) >= MinDecisions {
				// Real awards for therapy run wider than the therapy item
				// alone shows: the range is read from the whole payment
				// per session of every therapy-only decision.
				wv := make([]decimal.Decimal, len(whole))
				for j, f := range whole {
					wv[j] = f.perUnit(decimal.Zero)
					refs = append(refs, f.ref)
					if f.date.After(latest) {
						latest = f.date
					}
				}
				sort.Slice(wv, func(a, b int) bool { return wv[a].LessThan(wv[b]) })
				lo, hi = Percentile(wv, PercentileLow).Round(places), Percentile(wv, PercentileHigh).Round(places)
				how += " of the whole payment per session in " + strconv.Itoa(len(whole)) + " therapy-only decisions"
				refs = uniq(refs)
			}
			lo, hi = decimal.Min(lo, ty), decimal.Max(hi, ty)
		}
		rt.Low, rt.Typical, rt.High, rt.Further = lo, ty, hi, e
		if e.Sign() > 0 {
			how += "; each " + rt.Per + " after the first at " + e.Mul(decimal.NewFromInt(100)).Round(0).String() + "%, fitted to the decisions"
		}
		rt.Decisions, rt.FiguresDate, rt.Checked = refs, latest, true
		rt.Ref = "calc/decisions (decision set)"
		rt.Source = "Derived from " + strconv.Itoa(len(refs)) + " Ombudsman decisions, " + perWords[rt.Per] + " (" + how + ")"
		out.Rates[i] = rt
	}
	return out
}

// typicalOnly sets low and high to the typical figure for every rate.
func typicalOnly(r calc.Rules) calc.Rules {
	out := r
	out.Rates = append([]calc.Rate(nil), r.Rates...)
	for i := range out.Rates {
		out.Rates[i].Low, out.Rates[i].High = out.Rates[i].Typical, out.Rates[i].Typical
	}
	return out
}

// scaleTypical is Derive's second step. Adding the medians of each item
// does not give the median of a whole payment, so it estimates every
// decision with a loss at the typical figures and scales each derived
// rate's typical by the median of paid ÷ typical, kept inside the rate's
// low and high. The per-session rate keeps the seeds' £50, and the
// delay rate (the whole payment of a delay-only decision) is already a
// median of whole payments.
func scaleTypical(ents []Entered, r calc.Rules) calc.Rules {
	point := typicalOnly(r)
	var ratios []decimal.Decimal
	for _, en := range ents {
		est := calc.EstimateCase(en.Case, point, en.Today)
		paid, _ := en.Decision.Paid()
		if delayOnly(est) || est.Typical.Sign() <= 0 {
			continue
		}
		ratios = append(ratios, paid.Div(est.Typical))
	}
	if len(ratios) < MinDecisions {
		return r
	}
	sort.Slice(ratios, func(a, b int) bool { return ratios[a].LessThan(ratios[b]) })
	m := Percentile(ratios, 0.5)
	out := r
	out.Rates = append([]calc.Rate(nil), r.Rates...)
	for i, rt := range out.Rates {
		if len(rt.Decisions) == 0 || rt.Key == calc.RateMissedSession || rt.Key == calc.RateDelaySymbolic {
			continue
		}
		places := int32(0)
		if rt.Per == "session" {
			places = 2
		}
		rt.Typical = decimal.Min(decimal.Max(rt.Typical.Mul(m).Round(places), rt.Low), rt.High)
		rt.Source += "; typical × " + m.Round(2).String() + " to match whole payments"
		out.Rates[i] = rt
	}
	return out
}

// delayOnly reports whether an estimate's only priced line is the delay.
func delayOnly(e calc.Estimate) bool {
	for _, l := range e.Lines {
		if l.Kind != calc.LineDelay && l.Kind != calc.LineTimeAndTrouble {
			return false
		}
	}
	return len(e.Lines) > 0
}

func pct(p float64) string {
	n := int(p*1000+0.5) / 10
	s := strconv.Itoa(n)
	if r := int(p*1000+0.5) % 10; r != 0 {
		s += "." + strconv.Itoa(r)
	}
	suffix := "th"
	if n%10 == 1 && n != 11 {
		suffix = "st"
	} else if n%10 == 2 && n != 12 {
		suffix = "nd"
	} else if n%10 == 3 && n != 13 {
		suffix = "rd"
	}
	if int(p*1000+0.5)%10 != 0 {
		suffix = "th"
	}
	return s + suffix
}

// termRates are the loss rates the taper shapes (not per session).
var termRates = []string{calc.RatePartialProvision, calc.RateEducationLost, calc.RateShortBreaksTerm}

func isTermRate(k string) bool {
	for _, t := range termRates {
		if t == k {
			return true
		}
	}
	return false
}

// FitTaper fits t in amount = rate × (1 + (units − 1) × t) (units above
// one) by least squares on the logarithms, pooled over the per-term and
// per-month rates with one intercept each, over the decisions with one
// loss line; t is searched in steps of 0.05 from 0.05 to 1 (1 is
// straight proportion).
func FitTaper(figs map[string][]figure) decimal.Decimal {
	type pt struct{ c, v float64 }
	var groups [][]pt
	for _, k := range termRates {
		var g []pt
		for _, f := range figs[k] {
			if len(f.counts) != 1 || f.value.Sign() <= 0 || f.counts[0].Sign() <= 0 {
				continue
			}
			c, _ := f.counts[0].Float64()
			v, _ := f.value.Float64()
			g = append(g, pt{c, v})
		}
		if len(g) >= 2 {
			groups = append(groups, g)
		}
	}
	best, bestErr := 1.0, math.Inf(1)
	for step := 1; step <= 20; step++ {
		t := float64(step) * 0.05
		sse := 0.0
		for _, g := range groups {
			res := make([]float64, len(g))
			for i, p := range g {
				u := p.c
				if u > 1 {
					u = 1 + (u-1)*t
				}
				res[i] = math.Log(p.v) - math.Log(u)
			}
			m := mean(res)
			for _, r := range res {
				sse += (r - m) * (r - m)
			}
		}
		if sse < bestErr-1e-12 {
			best, bestErr = t, sse
		}
	}
	return decimal.NewFromFloat(best).Round(2)
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func uniq(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
