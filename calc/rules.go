package calc

import "github.com/shopspring/decimal"

// Rate is one figure of the rules table, with a low, typical and high
// amount, what it is counted per, and where it comes from.
type Rate struct {
	Key     string          `json:"key"`
	Title   string          `json:"title"`
	Per     string          `json:"per"` // "session", "month", "week", "term", "lump sum"
	Low     decimal.Decimal `json:"low"`
	Typical decimal.Decimal `json:"typical"`
	High    decimal.Decimal `json:"high"`
	Source  string          `json:"source"`   // decisions or guidance the figure is read from
	Ref     string          `json:"ref"`      // the rulebook section
	Checked bool            `json:"verified"` // false: a band the rulebook marks unverified or that calc derives
}

// Rules is the versioned table of every figure the estimate uses. Change
// a figure here (and the version), never in the estimate code.
type Rules struct {
	Version     string `json:"version"`
	FiguresDate Date   `json:"figures_date"` // the figures reflect decisions seen up to this date
	Rates       []Rate `json:"rates"`
	// OngoingMonths caps the monthly payment while provision stays
	// missing (Hertfordshire 24 006 445: up to six months); OngoingWeeks
	// is the same period in weeks for the weekly (Somerset) high figure.
	OngoingMonths int `json:"ongoing_months"`
	OngoingWeeks  int `json:"ongoing_weeks"`
	// SchoolDaysPerTerm turns school days lost into terms (195 a year / 3).
	SchoolDaysPerTerm int `json:"school_days_per_term"`
	// ProlongedMonths: a loss this long counts as prolonged (higher distress).
	ProlongedMonths int `json:"prolonged_months"`
}

// Rate keys.
const (
	RateMissedSession     = "missed_session"
	RateIndirectMissed    = "indirect_missed"
	RateOngoingMonth      = "ongoing_month"
	RateOngoingWeek       = "ongoing_week"
	RatePartialProvision  = "partial_provision_term"
	RateEducationLost     = "education_term"
	RateDistress          = "distress"
	RateDistressProlonged = "distress_prolonged"
	RateTimeAndTrouble    = "time_and_trouble"
	RateDelayPerMonth     = "delay_per_month"
	RateDelaySymbolic     = "delay_symbolic"
)

// RulesVersion is the version of DefaultRules.
const RulesVersion = "2026-1"

func rate(key, title, per string, lo, ty, hi int64, source string, checked bool) Rate {
	return Rate{Key: key, Title: title, Per: per, Low: pounds(lo), Typical: pounds(ty), High: pounds(hi),
		Source: source, Ref: "RULES.md §3", Checked: checked}
}

// DefaultRules returns the rules table read from RULES.md §3. Figures the
// rulebook gives as a single amount have low = typical = high; bands it
// marks unverified, and bands calc derives, have Checked false.
func DefaultRules() Rules {
	return Rules{
		Version:           RulesVersion,
		FiguresDate:       MustDate(2026, 2, 10), // latest dated decision in the development set (25 006 076)
		OngoingMonths:     6,
		OngoingWeeks:      26,
		SchoolDaysPerTerm: 65,
		ProlongedMonths:   12,
		Rates: []Rate{
			rate(RateMissedSession, "Missed session, not made up", "session", 50, 50, 50,
				"Ombudsman decisions Nottinghamshire 23 009 620 (12 × £50) and Hertfordshire 24 006 445 (£50 a session); when the session price is known, the high figure is that price (Bromley, £1,980 news report)", true),
			rate(RateIndirectMissed, "Missed indirect provision (programme, liaison, staff training)", "lump sum", 500, 500, 500,
				"Ombudsman decision Hertfordshire 24 006 445", true),
			rate(RateOngoingMonth, "Provision still missing", "month", 50, 50, 50,
				"Ombudsman decision Hertfordshire 24 006 445 (£50 each further calendar month, up to six months)", true),
			rate(RateOngoingWeek, "Provision still missing (weekly)", "week", 50, 50, 50,
				"Somerset speech and language therapy report, January 2025 (£50 a week)", true),
			rate(RatePartialProvision, "Part of the provision lost (support hours)", "term", 200, 650, 1500,
				"Derived by calc from the rulebook's typical totals: one or two years of partial provision £1,300 to £4,500, three terms a year", false),
			rate(RateEducationLost, "Loss of most or all education", "term", 900, 1500, 2400,
				"Ombudsman Guidance on remedies (band unverified); decisions Lancashire 24 015 110 (£1,500 a term), Slough (£900 a term)", false),
			rate(RateDistress, "Distress, frustration and uncertainty", "lump sum", 100, 300, 500,
				"Ombudsman decisions Nottinghamshire 23 009 620 (£300), Hertfordshire 24 006 445 (£350), Bromley 23 008 648 (£500)", true),
			rate(RateDistressProlonged, "Distress after a prolonged loss", "lump sum", 100, 300, 1000,
				"Ombudsman decision Suffolk 19 019 593 (£1,000 to the child after prolonged loss)", true),
			rate(RateTimeAndTrouble, "Time and trouble", "lump sum", 100, 200, 300,
				"Ombudsman decisions (£100 to £300; typical is the middle of that range)", true),
			rate(RateDelayPerMonth, "Delay in the plan, per month", "month", 100, 100, 100,
				"Ombudsman decision West Sussex (£100 a month of plan delay)", true),
			rate(RateDelaySymbolic, "Delay in the plan", "lump sum", 100, 100, 1000,
				"Ombudsman decisions on delay only (£100 to £1,000, symbolic)", true),
		},
	}
}

// Rate returns the rate with this key.
func (r Rules) Rate(key string) (Rate, bool) {
	for _, rt := range r.Rates {
		if rt.Key == key {
			return rt, true
		}
	}
	return Rate{}, false
}

// WithOverrides returns a copy of the rules with the case's overrides
// applied, and the set of keys that were overridden.
func (r Rules) WithOverrides(ovs []RateOverride) (Rules, map[string]string) {
	out := r
	out.Rates = append([]Rate(nil), r.Rates...)
	changed := map[string]string{}
	for _, o := range ovs {
		for i := range out.Rates {
			if out.Rates[i].Key == o.Key {
				out.Rates[i].Low, out.Rates[i].Typical, out.Rates[i].High = o.Low, o.Typical, o.High
				changed[o.Key] = o.Reason
			}
		}
	}
	return out, changed
}
