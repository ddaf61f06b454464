package calc

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Line kinds, the first part of a Line's Key.
const (
	LineMissedSessions   = "missed_sessions"
	LineMadeUp           = "made_up"
	LinePrivateCosts     = "private_costs"
	LineIndirect         = "indirect"
	LinePartialProvision = "partial_provision"
	LineOngoing          = "ongoing"
	LineEducationLost    = "education_lost"
	LineDelay            = "delay"
	LineDistress         = "distress"
	LineTimeAndTrouble   = "time_and_trouble"
)

// Line is one item of the estimate, with its range, its basis in words,
// its source and the date of the figures, so the app can always say where
// a number comes from.
type Line struct {
	Key         string          `json:"key"`  // unique, e.g. "missed_sessions:ot"
	Kind        string          `json:"kind"` // one of the Line... constants
	ProvisionID string          `json:"provision_id,omitempty"`
	Title       string          `json:"title"`
	Basis       string          `json:"basis"`  // e.g. "12 missed sessions × £50.00"
	Source      string          `json:"source"` // decisions or guidance
	FiguresDate Date            `json:"figures_date"`
	Low         decimal.Decimal `json:"low"`
	Typical     decimal.Decimal `json:"typical"`
	High        decimal.Decimal `json:"high"`
	Overridden  bool            `json:"overridden,omitempty"` // a rate was changed for this case
	Ongoing     bool            `json:"ongoing,omitempty"`    // paid for months still to come
}

// Estimate is the itemised, indicative remedy estimate for a case.
type Estimate struct {
	Today        Date            `json:"today"`
	RulesVersion string          `json:"rules_version"`
	FiguresDate  Date            `json:"figures_date"`
	Lines        []Line          `json:"lines"`
	Low          decimal.Decimal `json:"low"` // totals: exact sums of the rounded lines
	Typical      decimal.Decimal `json:"typical"`
	High         decimal.Decimal `json:"high"`
	Overridden   bool            `json:"overridden,omitempty"`
	Notes        []string        `json:"notes,omitempty"`
	Counts       []Counts        `json:"counts"`
	Deadlines    []Deadline      `json:"deadlines"`
}

// Rounding is the estimate's one rounding rule, in words for the app.
const Rounding = "Each line is rounded to the penny, halves away from zero; totals are the exact sums of the rounded lines."

func (l *Line) round() {
	l.Low, l.Typical, l.High = RoundMoney(l.Low), RoundMoney(l.Typical), RoundMoney(l.High)
}

// EstimateCase works out the indicative remedy for a case on the date today,
// with the rules table r and the case's own rate overrides. Each line is
// a range (low, typical, high) from the rules table; see the package
// documentation for when each line applies.
func EstimateCase(c Case, r Rules, today Date) Estimate {
	cal := CalendarFor(c)
	rules, changed := r.WithOverrides(c.RateOverrides)
	e := Estimate{Today: today, RulesVersion: rules.Version, FiguresDate: rules.FiguresDate}
	e.Deadlines = Deadlines(c, cal, today)
	get := func(key string) Rate { rt, _ := rules.Rate(key); return rt }
	line := func(l Line, keys ...string) {
		l.FiguresDate = rules.FiguresDate
		for _, k := range keys {
			if _, ok := changed[k]; ok {
				l.Overridden = true
				e.Overridden = true
			}
		}
		l.round()
		e.Lines = append(e.Lines, l)
	}
	times := func(d decimal.Decimal, n int) decimal.Decimal { return d.Mul(decimal.NewFromInt(int64(n))) }
	fault, prolonged := false, false
	perTerm := decimal.NewFromInt(int64(max(1, rules.SchoolDaysPerTerm)))
	longLoss := func(from, to Date) {
		if !from.IsZero() && !from.AddMonths(rules.ProlongedMonths).After(to) {
			prolonged = true
		}
	}
	covid := false
	covidFrom, covidTo := MustDate(2020, 5, 1), MustDate(2020, 7, 31)
	for _, p := range c.Plans {
		for _, pr := range p.Provisions {
			title := provisionTitle(pr)
			if pr.Section == SectionG {
				e.Notes = append(e.Notes, title+": health provision (Section G) is the NHS's duty; complain to the NHS and then the Parliamentary and Health Service Ombudsman. It is not in this estimate.")
				continue
			}
			sessions := Schedule(pr, cal, today)
			n := Tally(pr, sessions, Date{}, today)
			e.Counts = append(e.Counts, n)
			for _, s := range pr.NotInPlace {
				end := s.To
				if end.IsZero() || end.After(today) {
					end = today
				}
				longLoss(s.From, end)
				if !s.From.After(covidTo) && !end.Before(covidFrom) {
					covid = true
				}
			}
			if n.Missed > 0 || n.MadeUp > 0 || n.PaidPrivately > 0 || len(pr.NotInPlace) > 0 {
				fault = true
			}
			if pr.Frequency.Unit == UnitSessions && n.MissedNotMadeUp > 0 {
				rt := get(RateMissedSession)
				l := Line{Key: LineMissedSessions + ":" + pr.ID, Kind: LineMissedSessions, ProvisionID: pr.ID,
					Title: "Missed sessions not made up: " + title, Source: rt.Source,
					Low: times(rt.Low, n.MissedNotMadeUp), Typical: times(rt.Typical, n.MissedNotMadeUp), High: times(rt.High, n.MissedNotMadeUp)}
				l.Basis = plural(n.MissedNotMadeUp, "missed session") + " × " + FormatMoney(rt.Typical)
				if price := pr.PricePerSession; price.Sign() > 0 {
					l.Typical = times(price, n.MissedNotMadeUp)
					if price.GreaterThan(rt.High) {
						l.High = l.Typical
					}
					l.Basis = plural(n.MissedNotMadeUp, "missed session") + " × " + FormatMoney(price) +
						" (the session price); low figure at " + FormatMoney(rt.Low) + " a session"
				}
				line(l, RateMissedSession)
			}
			if n.MadeUp > 0 && n.Missed > 0 {
				made := min(n.MadeUp, n.Missed)
				line(Line{Key: LineMadeUp + ":" + pr.ID, Kind: LineMadeUp, ProvisionID: pr.ID,
					Title:  "Missed sessions made up later: " + title,
					Basis:  plural(made, "missed session") + " made up like for like: no payment for them",
					Source: "Ombudsman decisions Hampshire 24 012 589 and 16 004 003; Bromley 23 008 648",
					Low:    decimal.Zero, Typical: decimal.Zero, High: decimal.Zero})
			}
			if n.PaidPrivately > 0 {
				line(Line{Key: LinePrivateCosts + ":" + pr.ID, Kind: LinePrivateCosts, ProvisionID: pr.ID,
					Title:  "Sessions you paid for yourself: " + title,
					Basis:  plural(n.PaidPrivately, "session") + " paid for privately, " + FormatMoney(n.PrivateCost) + " in all: a refund of the actual cost, on evidence",
					Source: "Ombudsman decision Bromley 24 009 671; Children and Families Act 2014 s42(5)",
					Low:    n.PrivateCost, Typical: n.PrivateCost, High: n.PrivateCost})
			}
			if pr.IncludesIndirect && pr.IndirectMissed {
				fault = true
				rt := get(RateIndirectMissed)
				line(Line{Key: LineIndirect + ":" + pr.ID, Kind: LineIndirect, ProvisionID: pr.ID,
					Title: "Missed indirect work (programme, liaison, training): " + title,
					Basis: "a lump sum of " + FormatMoney(rt.Typical) + " for the programme and support not given", Source: rt.Source,
					Low: rt.Low, Typical: rt.Typical, High: rt.High}, RateIndirectMissed)
			}
			if pr.Frequency.Unit != UnitSessions && n.MissedNotMadeUp > 0 {
				rt := get(RatePartialProvision)
				days := decimal.NewFromInt(int64(n.MissedNotMadeUp))
				share := func(d decimal.Decimal) decimal.Decimal { return d.Mul(days).DivRound(perTerm, 4) }
				line(Line{Key: LinePartialProvision + ":" + pr.ID, Kind: LinePartialProvision, ProvisionID: pr.ID,
					Title: "Support not given: " + title,
					Basis: plural(n.MissedNotMadeUp, "school day") + " without it (" + days.DivRound(perTerm, 2).String() + " terms of " +
						strconv.Itoa(rules.SchoolDaysPerTerm) + " days) × " + FormatMoney(rt.Typical) + " a term",
					Source: rt.Source, Low: share(rt.Low), Typical: share(rt.Typical), High: share(rt.High)}, RatePartialProvision)
			}
			if stillMissing(pr, today) {
				m, w := get(RateOngoingMonth), get(RateOngoingWeek)
				line(Line{Key: LineOngoing + ":" + pr.ID, Kind: LineOngoing, ProvisionID: pr.ID, Ongoing: true,
					Title: "Provision still missing: " + title,
					Basis: "still not in place on " + today.Long() + ": " + FormatMoney(m.Typical) + " for each further month without it, up to " +
						strconv.Itoa(rules.OngoingMonths) + " months; high figure at " + FormatMoney(w.High) + " a week for " + strconv.Itoa(rules.OngoingWeeks) + " weeks",
					Source: m.Source + "; " + w.Source,
					Low:    m.Low, Typical: times(m.Typical, rules.OngoingMonths), High: times(w.High, rules.OngoingWeeks)},
					RateOngoingMonth, RateOngoingWeek)
			}
		}
		for i, s := range p.EducationLost {
			end := s.To
			if end.IsZero() || end.After(today) {
				end = today
			}
			days := cal.SchoolDaysBetween(s.From, end)
			if days == 0 {
				continue
			}
			fault = true
			longLoss(s.From, end)
			rt := get(RateEducationLost)
			dd := decimal.NewFromInt(int64(days))
			share := func(d decimal.Decimal) decimal.Decimal { return d.Mul(dd).DivRound(perTerm, 4) }
			line(Line{Key: LineEducationLost + ":" + p.ID + ":" + strconv.Itoa(i), Kind: LineEducationLost,
				Title: "Loss of most or all education from " + s.From.Long(),
				Basis: plural(days, "school day") + " (" + dd.DivRound(perTerm, 2).String() + " terms of " + strconv.Itoa(rules.SchoolDaysPerTerm) +
					" days) × " + FormatMoney(rt.Typical) + " a term, between " + FormatMoney(rt.Low) + " and " + FormatMoney(rt.High),
				Source: rt.Source, Low: share(rt.Low), Typical: share(rt.Typical), High: share(rt.High)}, RateEducationLost)
		}
	}
	awaited := map[string]bool{}
	for _, p := range c.Plans {
		awaited[p.ID] = p.Process.ReviewOutcomeAwaited
	}
	var worst *Deadline
	complaintLate := false
	for i := range e.Deadlines {
		d := &e.Deadlines[i]
		if d.ParentDeadline || (d.Status != Late && d.Status != Overdue) {
			continue
		}
		if d.Status == Overdue && d.Key == "review_decision_4_weeks" && !awaited[d.PlanID] {
			continue // an unrecorded decision may simply be unknown: no money on a guess
		}
		if d.PlanID == "" {
			complaintLate = true
		}
		if d.PlanDelay && d.DaysLate >= 7 && (worst == nil || d.DaysLate > worst.DaysLate) {
			worst = d
		}
	}
	if complaintLate {
		fault = true
	}
	if worst != nil {
		fault = true
		pm, sym := get(RateDelayPerMonth), get(RateDelaySymbolic)
		months := (worst.DaysLate + 29) / 30
		typ := times(pm.Typical, months)
		if typ.LessThan(sym.Low) {
			typ = sym.Low
		}
		if typ.GreaterThan(sym.High) {
			typ = sym.High
		}
		state := "was " + plural(worst.WeeksLate, "week") + " late"
		if worst.Status == Overdue {
			state = "is " + plural(worst.WeeksLate, "week") + " overdue"
		}
		line(Line{Key: LineDelay, Kind: LineDelay, Title: "Delay in making or amending the plan",
			Basis: "the longest delay (" + worst.Rule + ") " + state + ": about " + plural(months, "month") + " × " +
				FormatMoney(pm.Typical) + ", kept between " + FormatMoney(sym.Low) + " and " + FormatMoney(sym.High),
			Source: pm.Source + "; " + sym.Source, Low: sym.Low, Typical: typ, High: sym.High}, RateDelayPerMonth, RateDelaySymbolic)
	}
	if fault {
		key, why := RateDistress, "for the distress, frustration and uncertainty the faults caused"
		if prolonged {
			key, why = RateDistressProlonged, "for distress after a loss lasting "+strconv.Itoa(rules.ProlongedMonths)+" months or more"
		}
		rt := get(key)
		line(Line{Key: LineDistress, Kind: LineDistress, Title: "Distress, frustration and uncertainty",
			Basis:  "a symbolic payment " + why + ": usually " + FormatMoney(rt.Typical) + ", from " + FormatMoney(rt.Low) + " to " + FormatMoney(rt.High),
			Source: rt.Source, Low: rt.Low, Typical: rt.Typical, High: rt.High}, key)
		if !c.Complaint.Stage1Sent.IsZero() || len(c.Contacts) >= 2 {
			rt := get(RateTimeAndTrouble)
			basis := "for the time and trouble of pursuing the council"
			if !c.Complaint.Stage1Sent.IsZero() {
				basis += " (complaint of " + c.Complaint.Stage1Sent.Long() + ")"
			}
			if len(c.Contacts) > 0 {
				basis += ", " + plural(len(c.Contacts), "contact") + " in your log"
			}
			line(Line{Key: LineTimeAndTrouble, Kind: LineTimeAndTrouble, Title: "Time and trouble", Basis: basis,
				Source: rt.Source, Low: rt.Low, Typical: rt.Typical, High: rt.High}, RateTimeAndTrouble)
		}
	}
	e.Low, e.Typical, e.High = decimal.Zero, decimal.Zero, decimal.Zero
	for _, l := range e.Lines {
		e.Low, e.Typical, e.High = e.Low.Add(l.Low), e.Typical.Add(l.Typical), e.High.Add(l.High)
	}
	if covid {
		e.Notes = append(e.Notes, "Part of the missing provision falls between 1 May and 31 July 2020, when the duty was temporarily reasonable endeavours only (Coronavirus Act notice).")
	}
	if e.Overridden {
		e.Notes = append(e.Notes, "Some rates were changed for this case: the lines marked as changed do not use the standard figures.")
	}
	e.Notes = append(e.Notes, "This is an indicative estimate, not legal advice: the Ombudsman decides each case on its facts, and a council may pay less.")
	return e
}

// stillMissing reports whether a provision has a not-in-place period that
// is open (or ends after today) on today.
func stillMissing(p Provision, today Date) bool {
	for _, s := range p.NotInPlace {
		if !s.From.After(today) && (s.To.IsZero() || s.To.After(today)) {
			return true
		}
	}
	return false
}

var typeNames = map[ProvisionType]string{
	TypeOT: "occupational therapy", TypeSALT: "speech and language therapy", TypePhysio: "physiotherapy",
	TypeOneToOne: "1:1 support", TypeSpecialistTeaching: "specialist teaching", TypeTherapy: "therapy",
	TypeTuition: "tuition", TypeOther: "other provision",
}

// TypeName returns the plain name of a provision type ("occupational therapy").
func TypeName(t ProvisionType) string {
	if n, ok := typeNames[t]; ok {
		return n
	}
	return string(t)
}

func provisionTitle(p Provision) string {
	s := TypeName(p.Type)
	if p.Section != "" {
		s += " (Section " + string(p.Section) + ")"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
