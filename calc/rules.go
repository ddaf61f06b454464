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
	// Decisions are the Ombudsman references the figures rest on (for a
	// rate derived from the decision set, every decision it was read from).
	Decisions []string `json:"decisions,omitempty"`
	// FiguresDate is the latest date of those decisions: "figures as of".
	FiguresDate Date `json:"figures_date,omitzero"`
	// Further, when set, is the share of the rate paid for each unit after
	// the first: the Ombudsman pays less a term for longer losses. Zero
	// is straight proportion.
	Further decimal.Decimal `json:"further,omitzero"`
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
	// WorkingDaysPerTerm turns working days of all-year provision into
	// terms: a third of a year's working days, so a year of all-year
	// support counts as three terms, as a year of term-time support does.
	WorkingDaysPerTerm int `json:"working_days_per_term"`
	// CoronavirusFrom..CoronavirusTo is when the duty to secure EHC-plan
	// provision was "reasonable endeavours" only (Coronavirus Act notices).
	CoronavirusFrom Date `json:"coronavirus_from"`
	CoronavirusTo   Date `json:"coronavirus_to"`
	// DelayThresholdDays: a plan step this many days late or more is a
	// delay the estimate prices.
	DelayThresholdDays int `json:"delay_threshold_days"`
	// DaysPerMonth turns days late into months of delay.
	DaysPerMonth int `json:"days_per_month"`
	// SessionHours is the length of a therapy session when the plan gives
	// hours but no session length: hours lost become sessions at this.
	SessionMinutes int `json:"session_minutes"`
	// TherapySessionsPerWeek is the most therapy sessions a week the
	// estimate prices: the per-session figures come from decisions about
	// weekly (or rarer) therapy, and the Ombudsman did not pay per session
	// for daily therapy (Shropshire 19 020 440: £1,300 for nine months).
	TherapySessionsPerWeek int `json:"therapy_sessions_per_week"`
	// DelayWithLoss prices a plan delay as its own line even when
	// provision or education was lost too; false folds it into the
	// distress payment, as most decisions with both do.
	DelayWithLoss bool `json:"delay_with_loss,omitempty"`
	// Tested is how the estimate did on past decisions it was not built
	// from, so the parent can see how far to trust it.
	Tested TrackRecord `json:"tested,omitzero"`
}

// TrackRecord is how the estimate did when each decision of the decision
// set was estimated with rates derived from all the others (leave-one-out,
// make calibrate) and compared with what the Ombudsman paid.
type TrackRecord struct {
	Decisions  int `json:"decisions"`   // decisions estimated and compared
	Inside     int `json:"inside"`      // the payment was between low and high
	WithinHalf int `json:"within_half"` // the typical figure was within 50% of the payment
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
	RateShortBreaksTerm   = "short_breaks_term"
)

// RulesVersion is the version of DefaultRules.
const RulesVersion = "2026-2"

func rate(key, title, per string, lo, ty, hi int64, source string, checked bool) Rate {
	return Rate{Key: key, Title: title, Per: per, Low: pounds(lo), Typical: pounds(ty), High: pounds(hi),
		Source: source, Ref: "RULES.md §3", Checked: checked}
}

// DefaultRules returns the rules table read from RULES.md §3. Figures the
// rulebook gives as a single amount have low = typical = high; bands it
// marks unverified, and bands calc derives, have Checked false.
func DefaultRules() Rules {
	r := SeedRules()
	r.Rates = mergeRates(r.Rates, generatedRates())
	r.Tested = testedOnDecisions

	r.FiguresDate = Date{}
	for _, rt := range r.Rates {
		r.FiguresDate = maxDate(r.FiguresDate, rt.FiguresDate)
	}
	return r
}

// rateRow is a rate of rates_gen.go as constants: the generated table is
// static data rather than start-up code building decimals and dates, which
// made calc's init the largest function of the wasm.
type rateRow struct {
	key, title, per, low, typical, high, further, source, ref string
	year, month, day                                          int
	decisions                                                 []string
}

// generatedRates are the rates of rateTable (rates_gen.go), derived from
// the decision set and checked against it (Checked).
func generatedRates() []Rate {
	out := make([]Rate, len(rateTable))
	for i, g := range rateTable {
		out[i] = Rate{Key: g.key, Title: g.title, Per: g.per, Low: decimal.RequireFromString(g.low),
			Typical: decimal.RequireFromString(g.typical), High: decimal.RequireFromString(g.high),
			Source: g.source, Ref: g.ref, Checked: true, Decisions: g.decisions,
			FiguresDate: MustDate(g.year, g.month, g.day)}
		if g.further != "" {
			out[i].Further = decimal.RequireFromString(g.further)
		}
	}
	return out
}

// mergeRates replaces each seed rate by the generated rate of the same
// key (rates_gen.go, from the decision set) and appends generated rates
// the seeds lack.
func mergeRates(seed, gen []Rate) []Rate {
	out := append([]Rate(nil), seed...)
	for _, g := range gen {
		found := false
		for i := range out {
			if out[i].Key == g.Key {
				out[i], found = g, true
			}
		}
		if !found {
			out = append(out, g)
		}
	}
	return out
}

// SeedRules is the rules table as first read from RULES.md §3 and the
// five seed decisions; DefaultRules replaces each rate the decision set
// can price with the generated one. Every window and threshold the
// estimate uses is here, not in the estimate code.
func SeedRules() Rules {
	seedDate := MustDate(2025, 2, 28) // latest seed decision (Hertfordshire 24 006 445)
	r := Rules{
		Version:                RulesVersion,
		OngoingMonths:          6,
		OngoingWeeks:           26,
		SchoolDaysPerTerm:      65,
		WorkingDaysPerTerm:     84, // about 253 working days a year / 3
		ProlongedMonths:        12,
		CoronavirusFrom:        MustDate(2020, 5, 1),
		CoronavirusTo:          MustDate(2020, 7, 31),
		DelayThresholdDays:     7,
		DaysPerMonth:           30,
		SessionMinutes:         60,
		TherapySessionsPerWeek: 1,
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
			rate(RateShortBreaksTerm, "Short breaks, respite or social-care support not given", "term", 400, 800, 1600,
				"Ombudsman decision Liverpool 21 000 374 (£200 a month for each child: £800 for a third of a year)", false),
		},
	}
	for i := range r.Rates {
		r.Rates[i].FiguresDate = seedDate
	}
	return r
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
