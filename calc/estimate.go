package calc

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Line kinds, the first part of a Line's Key.
const (
	LineMissedSessions   = "missed_sessions"
	LineMadeUp           = "made_up"
	LinePrivateCosts     = "private_costs"
	LineIndirect         = "indirect"
	LinePartialProvision = "partial_provision"
	LineShortBreaks      = "short_breaks"
	LineOngoing          = "ongoing"
	LineEducationLost    = "education_lost"
	LineDelay            = "delay"
	LineDistress         = "distress"
	LineTimeAndTrouble   = "time_and_trouble"
	LineParentCosts      = "parent_costs"
	LineAlreadyPaid      = "already_paid"
)

// Line is one item of the estimate, with its range, its basis in words,
// its source and the date of the figures, so the app can always say where
// a number comes from. Count, Unit, Rate and Price are the facts Basis is
// worded from, so the summary and the letters can word them their own way.
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
	// Count is how many Units the line prices (12 sessions, 1.5 terms, 1
	// lump sum); RateKey the rules-table rate it uses and Rate that rate's
	// typical figure; Price the session price used instead, when known.
	Count   decimal.Decimal `json:"count,omitzero"`
	Unit    string          `json:"unit,omitempty"`
	RateKey string          `json:"rate_key,omitempty"`
	Rate    decimal.Decimal `json:"rate,omitzero"`
	Price   decimal.Decimal `json:"price,omitzero"`
	// The already-paid line is a deduction: its figures are negative, each
	// what comes off its own total (never more than that total), so its
	// Low may be above its High.

	// Decisions are the Ombudsman decisions the rate rests on.
	Decisions []string `json:"decisions,omitempty"`
	Verified  bool     `json:"verified,omitempty"` // the rate is read from decisions or the rulebook, not derived by calc
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
	// Offered is what the council has offered but not paid: shown and
	// quoted in the letters, not taken off.
	Offered []Payment `json:"offered,omitempty"`
}

// Rounding is the estimate's one rounding rule, in words for the app.
const Rounding = "Each line is rounded to the penny, halves away from zero; totals are the exact sums of the rounded lines."

func (l *Line) round() {
	l.Low, l.Typical, l.High = RoundMoney(l.Low), RoundMoney(l.Typical), RoundMoney(l.High)
}

// estimator is the small accumulator the line functions feed: the rules,
// the case's overrides and what the lines found (a fault, a prolonged
// loss, a loss in the Coronavirus window).
type estimator struct {
	c         Case
	cal       Calendar
	rules     Rules
	changed   map[string]string
	today     Date // the estimate's end: today, or the day the case closed
	e         Estimate
	fault     bool // a loss of provision or education was found
	prolonged bool
	covid     bool
}

// Kept out of line (go:noinline): it has many calls, and inlined it
// cost the wasm code and inlining records.
//
//go:noinline
func (s *estimator) rate(key string) Rate { rt, _ := s.rules.Rate(key); return rt }

// add rounds a line, fills its rate facts and appends it.
func (s *estimator) add(l Line, keys ...string) {
	l.FiguresDate = s.rules.FiguresDate
	for i, k := range keys {
		rt := s.rate(k)
		if i == 0 {
			l.RateKey, l.Decisions, l.Verified = k, rt.Decisions, rt.Checked
			if l.Rate.IsZero() {
				l.Rate = rt.Typical
			}
			if !rt.FiguresDate.IsZero() {
				l.FiguresDate = rt.FiguresDate
			}
		} else if rt.FiguresDate.After(l.FiguresDate) {
			l.FiguresDate = rt.FiguresDate
		}
		if _, ok := s.changed[k]; ok {
			l.Overridden = true
			s.e.Overridden = true
		}
	}
	l.round()
	s.e.Lines = append(s.e.Lines, l)
}

// lump is a line priced as one rate's low, typical and high. When the
// typical figure is nothing, most decisions paid no separate sum for it,
// and the basis says so rather than ask for £0.00.
func (s *estimator) lump(key, kind, title, basis string) {
	rt := s.rate(key)
	if rt.Typical.IsZero() && rt.High.Sign() > 0 {
		basis += ": most decisions like this paid nothing separate for it, some up to " + FormatMoney(rt.High)
	}
	s.add(Line{Key: kind, Kind: kind, Title: title, Basis: basis, Source: rt.Source,
		Low: rt.Low, Typical: rt.Typical, High: rt.High, Count: decInt(1), Unit: "lump sum"}, key)
}

// scaled is a line priced as count × a rate; per-term and per-month
// lines pay less for each unit after the first when the rate says so. The basis
// ends with the rate used: for a long loss, the lower rate a unit.
func (s *estimator) scaled(l Line, key string, count decimal.Decimal) {
	rt := s.rate(key)
	l.Source, l.Count, l.Unit = rt.Source, count, rt.Per
	units := LossUnits(count, rt.Further)
	l.Low, l.Typical, l.High = rt.Low.Mul(units), rt.Typical.Mul(units), rt.High.Mul(units)
	l.Rate = rt.Typical
	if !units.Equal(count) && count.Sign() > 0 {
		l.Rate = rt.Typical.Mul(units).DivRound(count, 2)
		l.Basis += " × about " + FormatMoney(l.Rate) + " a " + rt.Per + " for a loss this long (" + FormatMoney(rt.Typical) +
			" for the first " + rt.Per + ", " + FormatMoney(rt.Typical.Mul(rt.Further).Round(2)) + " for each further " + rt.Per + ")"
	} else {
		l.Basis += " × " + FormatMoney(rt.Typical) + " a " + rt.Per
	}
	s.add(l, key)
}

// LossUnits is the units a loss of count terms or months is priced as:
// the first in full, each further one at the share further (to 4 places).
func LossUnits(count, further decimal.Decimal) decimal.Decimal {
	one := decInt(1)
	if further.Sign() <= 0 || !further.LessThan(one) || !count.GreaterThan(one) {
		return count
	}
	return one.Add(count.Sub(one).Mul(further)).Round(4)
}

// EstimateCase works out the indicative remedy for a case on the date today,
// with the rules table r and the case's own rate overrides. Each line is
// a range (low, typical, high) from the rules table; see the package
// documentation for when each line applies. A closed case is estimated
// as it stood on the day it closed.
func EstimateCase(c Case, r Rules, today Date) Estimate {
	rules, changed := r.WithOverrides(c.RateOverrides)
	s := &estimator{c: c, cal: CalendarFor(c), rules: rules, changed: changed, today: stopDate(today, c.Closed)}
	s.e = Estimate{Today: today, RulesVersion: rules.Version, FiguresDate: rules.FiguresDate}
	s.e.Deadlines = Deadlines(c, s.cal, today)
	for _, p := range c.Plans {
		for _, pr := range p.Provisions {
			s.provision(p, pr)
		}
		for i, sp := range p.EducationLost {
			s.educationLost(p, i, sp)
		}
	}
	s.parentCosts()
	delay, complaintLate := s.delays()
	if delay != nil && (!s.fault || s.rules.DelayWithLoss) {
		s.delay(delay, !s.fault)
	}
	if s.fault {
		s.distress()
	}
	if complaintLate {
		s.lump(RateTimeAndTrouble, LineTimeAndTrouble, "Time and trouble",
			"for the time and trouble of pursuing a complaint the council did not answer in time")
	}
	s.alreadyPaid()
	e := &s.e
	e.Low, e.Typical, e.High = decimal.Zero, decimal.Zero, decimal.Zero
	for _, l := range e.Lines {
		e.Low, e.Typical, e.High = e.Low.Add(l.Low), e.Typical.Add(l.Typical), e.High.Add(l.High)
	}
	for _, l := range e.Lines {
		if l.FiguresDate.After(e.FiguresDate) {
			e.FiguresDate = l.FiguresDate
		}
	}
	if s.covid {
		e.Notes = append(e.Notes, "Part of the missing provision or education falls between "+rules.CoronavirusFrom.Long()+" and "+
			rules.CoronavirusTo.Long()+", when the duty was temporarily reasonable endeavours only (Coronavirus Act notice).")
	}
	for _, o := range e.Offered {
		e.Notes = append(e.Notes, "The council offered "+FormatMoney(o.Amount)+offerFor(o)+": it is not taken off this estimate until it is paid.")
	}
	if e.Overridden {
		e.Notes = append(e.Notes, "Some rates were changed for this case: the lines marked as changed do not use the standard figures.")
	}
	e.Notes = append(e.Notes, "This is an indicative estimate, not legal advice: the Ombudsman decides each case on its facts, and a council may pay less.")
	return *e
}

func offerFor(p Payment) string {
	if p.WhatFor == "" {
		return ""
	}
	return " (" + p.WhatFor + ")"
}

// stopDate is the earlier of today and a stop date (a closed case or an
// ended plan), ignoring an unknown stop.
func stopDate(today, stop Date) Date {
	if !stop.IsZero() && (today.IsZero() || stop.Before(today)) {
		return stop
	}
	return today
}

// isTherapy reports whether a provision is priced per session (therapy,
// specialist teaching) rather than per term of support.
func isTherapy(t ProvisionType) bool {
	switch t {
	case TypeOT, TypeSALT, TypePhysio, TypeTherapy, TypeSpecialistTeaching:
		return true
	}
	return false
}

// isSocialCare reports whether a provision is priced per month of
// social-care support (short breaks, respite, direct payments).
func isSocialCare(t ProvisionType) bool { return t == TypeShortBreaks || t == TypeDirectPayments }

// daysPerPeriod is how many school (or, all year, working) days one
// Frequency period holds, so that sessions and hours convert to days the
// same way.
func (s *estimator) daysPerPeriod(pr Provision, due int) decimal.Decimal {
	term := s.daysPerTerm(pr)
	switch pr.Frequency.Per {
	case PerWeek:
		return decInt(5)
	case PerFortnight:
		return decInt(10)
	case PerMonth:
		return term.Div(decInt(3))
	case PerHalfTerm:
		return term.Div(decInt(2))
	case PerTerm:
		return term
	case PerYear:
		return term.Mul(decInt(3))
	}
	// In total: the provision's whole span.
	if pr.Frequency.Unit == UnitSessions {
		return decInt(int64(max(1, s.cal.eligibleDays(pr, pr.Start, minDate(pr.End, s.today)))))
	}
	return decInt(int64(max(1, due))).Mul(entryDays(pr))
}

func (s *estimator) daysPerTerm(pr Provision) decimal.Decimal {
	if pr.Weeks == AllYear {
		return decInt(int64(max(1, s.rules.WorkingDaysPerTerm)))
	}
	return decInt(int64(max(1, s.rules.SchoolDaysPerTerm)))
}

// eligibleDays counts the days a provision runs on between a and b.
func (c Calendar) eligibleDays(pr Provision, a, b Date) int {
	if a.IsZero() || b.IsZero() || b.Before(a) {
		return 0
	}
	if pr.Weeks == AllYear {
		return c.WorkingDaysBetween(a, b.AddDays(1))
	}
	return c.SchoolDaysBetween(a, b)
}

// provision adds the lines of one provision.
func (s *estimator) provision(p Plan, pr Provision) {
	title := provisionTitle(pr)
	if pr.Section == SectionG {
		s.e.Notes = append(s.e.Notes, title+": health provision (Section G) is the NHS's duty; complain to the NHS and then the Parliamentary and Health Service Ombudsman. It is not in this estimate.")
		return
	}
	today := stopDate(s.today, p.Ended)
	sessions := Schedule(pr, s.cal, today)
	n := Tally(pr, sessions, Date{}, today)
	s.e.Counts = append(s.e.Counts, n)
	for _, sp := range pr.NotInPlace {
		s.spell(sp.From, sp.To, today)
	}
	for _, sp := range pr.PartlyInPlace {
		s.spell(sp.From, sp.To, today)
	}
	if n.Missed > 0 || n.MadeUp > 0 || n.PaidPrivately > 0 || len(pr.NotInPlace) > 0 || len(pr.PartlyInPlace) > 0 {
		s.fault = true
	}
	// Units lost, in the provision's own units (sessions, or days of
	// hours-based support), after make-up done or agreed.
	lost := decInt(int64(n.MissedNotMadeUp))
	perPeriod := s.daysPerPeriod(pr, n.Due)
	count := decInt(int64(max(1, pr.Frequency.Count)))
	daysLost := lost.Mul(entryDays(pr)) // hours-based: an entry is a day, or a weekend day a week's share
	if pr.Frequency.Unit == UnitSessions {
		daysLost = lost.Mul(perPeriod).Div(count)
	}
	for _, sp := range pr.PartlyInPlace {
		days := s.cal.eligibleDays(pr, maxDate(sp.From, pr.Start), minDate(spellEnd(sp.To, today), minDate(pr.End, today)))
		share := decInt(int64(pr.Frequency.Count - sp.Given)).Div(count)
		daysLost = daysLost.Add(decInt(int64(days)).Mul(share))
	}
	agreed := decInt(int64(pr.MakeUpAgreed)).Mul(entryDays(pr)) // days agreed, like daysLost
	switch {
	case isTherapy(pr.Type):
		s.therapy(pr, title, n, daysLost, perPeriod, count, agreed)
	case isSocialCare(pr.Type):
		s.support(pr, title, daysLost, agreed, RateShortBreaksTerm, LineShortBreaks, "Short breaks or social-care support not given: ")
	default:
		s.support(pr, title, daysLost, agreed, RatePartialProvision, LinePartialProvision, "Support not given: ")
	}
	if n.MadeUp > 0 && n.Missed > 0 {
		made := min(n.MadeUp, n.Missed)
		s.add(Line{Key: LineMadeUp + ":" + pr.ID, Kind: LineMadeUp, ProvisionID: pr.ID,
			Title:  "Missed sessions made up later: " + title,
			Basis:  plural(made, "missed session") + " made up like for like: no payment for them",
			Source: "Ombudsman decisions Hampshire 24 012 589 and 16 004 003; Bromley 23 008 648",
			Count:  decInt(int64(made)), Unit: "session"})
	}
	if n.PaidPrivately > 0 {
		s.add(Line{Key: LinePrivateCosts + ":" + pr.ID, Kind: LinePrivateCosts, ProvisionID: pr.ID,
			Title:  "Sessions you paid for yourself: " + title,
			Basis:  plural(n.PaidPrivately, "session") + " paid for privately, " + FormatMoney(n.PrivateCost) + " in all: a refund of the actual cost, on evidence",
			Source: "Ombudsman decision Bromley 24 009 671; Children and Families Act 2014 s42(5)",
			Low:    n.PrivateCost, Typical: n.PrivateCost, High: n.PrivateCost, Count: decInt(int64(n.PaidPrivately)), Unit: "session", Verified: true})
	}
	if pr.IncludesIndirect && pr.IndirectMissed {
		s.fault = true
		rt := s.rate(RateIndirectMissed)
		s.add(Line{Key: LineIndirect + ":" + pr.ID, Kind: LineIndirect, ProvisionID: pr.ID,
			Title: "Missed indirect work (programme, liaison, training): " + title,
			Basis: "a lump sum of " + FormatMoney(rt.Typical) + " for the programme and support not given", Source: rt.Source,
			Low: rt.Low, Typical: rt.Typical, High: rt.High, Count: decInt(1), Unit: "lump sum"}, RateIndirectMissed)
	}
	if stillMissing(pr, today) && !today.Before(s.e.Today) { // not once the case closed or the plan ended
		m, w := s.rate(RateOngoingMonth), s.rate(RateOngoingWeek)
		s.add(Line{Key: LineOngoing + ":" + pr.ID, Kind: LineOngoing, ProvisionID: pr.ID, Ongoing: true,
			Title: "Provision still missing: " + title,
			Basis: "still not in place on " + today.Long() + ": " + FormatMoney(m.Typical) + " for each further month without it, up to " +
				itoa(s.rules.OngoingMonths) + " months; high figure at " + FormatMoney(w.High) + " a week for " + itoa(s.rules.OngoingWeeks) + " weeks",
			Source: m.Source + "; " + w.Source, Count: decInt(int64(s.rules.OngoingMonths)), Unit: "month",
			Low: m.Low, Typical: m.Typical.Mul(decInt(int64(s.rules.OngoingMonths))),
			High: w.High.Mul(decInt(int64(s.rules.OngoingWeeks)))},
			RateOngoingMonth, RateOngoingWeek)
	}
}

func spellEnd(to, today Date) Date {
	if to.IsZero() || to.After(today) {
		return today
	}
	return to
}

// spell notes a period without provision or education: prolonged loss
// and the Coronavirus window.
func (s *estimator) spell(from, to, today Date) {
	end := spellEnd(to, today)
	if from.IsZero() || end.Before(from) {
		return
	}
	if !from.AddMonths(s.rules.ProlongedMonths).After(end) {
		s.prolonged = true
	}
	if !from.After(s.rules.CoronavirusTo) && !end.Before(s.rules.CoronavirusFrom) {
		s.covid = true
	}
}

// therapy prices sessions lost: sessions × the per-session rate, or the
// session price when known. Hours become sessions at the session length.
func (s *estimator) therapy(pr Provision, title string, n Counts, daysLost, perPeriod, count, agreed decimal.Decimal) {
	sessions := daysLost.Mul(count).Div(perPeriod) // units of the plan: sessions or hours
	if pr.Frequency.Unit != UnitSessions {
		mins := pr.SessionMinutes
		if mins <= 0 {
			mins = s.rules.SessionMinutes
		}
		perHour := decInt(60)
		if pr.Frequency.Unit == UnitMinutes {
			perHour = decInt(1)
		}
		sessions = sessions.Mul(perHour).Div(decInt(int64(max(1, mins))))
	}
	if cap := s.rules.TherapySessionsPerWeek; cap > 0 {
		sessions = decimal.Min(sessions, daysLost.Div(decInt(5)).Mul(decInt(int64(cap))))
	}
	whole := sessions.Sub(agreed).Round(0)
	if whole.Sign() <= 0 {
		return
	}
	k := int(whole.IntPart())
	rt := s.rate(RateMissedSession)
	l := Line{Key: LineMissedSessions + ":" + pr.ID, Kind: LineMissedSessions, ProvisionID: pr.ID,
		Title: "Missed sessions not made up: " + title, Source: rt.Source, Count: whole, Unit: "session", Rate: rt.Typical,
		Low: rt.Low.Mul(whole), Typical: rt.Typical.Mul(whole), High: rt.High.Mul(whole)}
	l.Basis = plural(k, "missed session") + " × " + FormatMoney(rt.Typical)
	if agreed.Sign() > 0 {
		l.Basis += " (after " + plural(int(agreed.IntPart()), "session") + " the council agreed to make up)"
	}
	if price := pr.PricePerSession; price.Sign() > 0 {
		low := decimal.Min(price, rt.Typical)
		l.Price, l.Low, l.Typical = price, low.Mul(whole), price.Mul(whole)
		if price.GreaterThan(rt.High) {
			l.High = l.Typical
		}
		l.Basis = plural(k, "missed session") + " × " + FormatMoney(price) +
			" (the session price); low figure at " + FormatMoney(low) + " a session"
	}
	s.add(l, RateMissedSession)
}

// support prices support lost per term (a third of a year's school or,
// all year, working days) by the share of the plan's days lost, so
// sessions and hours of the same support give the same money.
func (s *estimator) support(pr Provision, title string, daysLost, agreed decimal.Decimal, key, kind, prefix string) {
	daysLost = daysLost.Sub(agreed)
	if daysLost.Sign() <= 0 {
		return
	}
	perTerm := s.daysPerTerm(pr)
	terms := daysLost.DivRound(perTerm, 4)
	count, unit := terms, "terms"
	days := daysLost.Round(1)
	s.scaled(Line{Key: kind + ":" + pr.ID, Kind: kind, ProvisionID: pr.ID, Title: prefix + title,
		Basis: days.String() + " days' worth of it not given (" + count.Round(2).String() + " " + unit + ", at " + perTerm.String() +
			" days a term)"}, key, count)
}

// educationLost prices a spell without most or all education per term
// of school days.
func (s *estimator) educationLost(p Plan, i int, sp Spell) {
	today := stopDate(s.today, p.Ended)
	end := spellEnd(sp.To, today)
	days := s.cal.SchoolDaysBetween(sp.From, end)
	if days == 0 {
		return
	}
	s.fault = true
	s.spell(sp.From, sp.To, today)
	perTerm := decInt(int64(max(1, s.rules.SchoolDaysPerTerm)))
	terms := decInt(int64(days)).DivRound(perTerm, 4)
	s.scaled(Line{Key: LineEducationLost + ":" + p.ID + ":" + itoa(i), Kind: LineEducationLost,
		Title: "Loss of most or all education from " + sp.From.Long(),
		Basis: plural(days, "school day") + " (" + terms.Round(2).String() + " terms of " + itoa(s.rules.SchoolDaysPerTerm) +
			" days)"}, RateEducationLost, terms)
}

// parentCosts refunds the parent's own costs: in full with receipts;
// without them the low figure is nothing.
func (s *estimator) parentCosts() {
	for i, pc := range s.c.ParentCosts {
		if pc.Amount.Sign() <= 0 {
			continue
		}
		l := Line{Key: LineParentCosts + ":" + itoa(i), Kind: LineParentCosts, Title: "Your own costs: " + pc.WhatFor,
			Source: "Ombudsman decisions refund costs a parent paid because provision was missing (e.g. Barking and Dagenham 22 011 243, Essex 24 022 763)",
			Low:    pc.Amount, Typical: pc.Amount, High: pc.Amount, Count: decInt(1), Unit: "cost", Verified: pc.Receipts}
		l.Basis = FormatMoney(pc.Amount) + " you paid, with receipts: refunded at cost"
		if !pc.Receipts {
			l.Low = decimal.Zero
			l.Basis = FormatMoney(pc.Amount) + " you paid, without receipts: a refund needs evidence, so the low figure is nothing"
		}
		s.fault = true
		s.add(l)
	}
}

// delays finds the longest plan delay the estimate prices, and whether
// the council answered a complaint late. A contact-log reply that is
// overdue is not a complaint: it does not count on its own.
func (s *estimator) delays() (worst *Deadline, complaintLate bool) {
	awaited := map[string]bool{}
	for _, p := range s.c.Plans {
		awaited[p.ID] = p.Process.ReviewOutcomeAwaited
	}
	for i := range s.e.Deadlines {
		d := &s.e.Deadlines[i]
		if d.ParentDeadline || (d.Status != Late && d.Status != Overdue) {
			continue
		}
		if d.Status == Overdue && d.Key == "review_decision_4_weeks" && !awaited[d.PlanID] {
			continue // an unrecorded decision may simply be unknown: no money on a guess
		}
		if strings.HasPrefix(d.Key, "complaint_") {
			complaintLate = true
		}
		if d.PlanDelay && d.DaysLate >= s.rules.DelayThresholdDays && (worst == nil || d.DaysLate > worst.DaysLate) {
			worst = d
		}
	}
	return worst, complaintLate
}

func (s *estimator) delayState(d *Deadline) (months int, state string) {
	months = (d.DaysLate + s.rules.DaysPerMonth - 1) / max(1, s.rules.DaysPerMonth)
	state = "was " + plural(d.WeeksLate, "week") + " late"
	if d.Status == Overdue {
		state = "is " + plural(d.WeeksLate, "week") + " overdue"
	}
	return months, state
}

// delay prices the longest plan delay. With nothing else lost it is the
// one symbolic payment for the distress and uncertainty (the Ombudsman
// pays one sum then, not a delay line and a distress line), at the
// symbolic rate whatever the length. Priced beside a loss (when the
// rules say so) it is about a month's rate for each month late, kept
// inside the symbolic range.
func (s *estimator) delay(d *Deadline, alone bool) {
	months, state := s.delayState(d)
	pm, sym := s.rate(RateDelayPerMonth), s.rate(RateDelaySymbolic)
	if alone {
		s.add(Line{Key: LineDelay, Kind: LineDelay, Title: "Delay in making or amending the plan",
			Basis: "the longest delay (" + d.Rule + ") " + state + " (about " + plural(months, "month") + "); nothing else was lost, so this is the one symbolic payment for the distress and uncertainty: usually " +
				FormatMoney(sym.Typical) + ", from " + FormatMoney(sym.Low) + " to " + FormatMoney(sym.High),
			Source: sym.Source, Low: sym.Low, Typical: sym.Typical, High: sym.High,
			Count: decInt(1), Unit: "lump sum"}, RateDelaySymbolic)
		return
	}
	typ := decimal.Min(decimal.Max(pm.Typical.Mul(decInt(int64(months))), sym.Low), sym.High)
	s.add(Line{Key: LineDelay, Kind: LineDelay, Title: "Delay in making or amending the plan",
		Basis: "the longest delay (" + d.Rule + ") " + state + ": about " + plural(months, "month") + " × " +
			FormatMoney(pm.Typical) + ", kept between " + FormatMoney(sym.Low) + " and " + FormatMoney(sym.High),
		Source: pm.Source + "; " + sym.Source, Low: sym.Low, Typical: typ, High: sym.High,
		Count: decInt(int64(months)), Unit: "month", Rate: pm.Typical}, RateDelaySymbolic, RateDelayPerMonth)
}

// distress is the symbolic payment when provision or education was lost
// (higher after a prolonged loss).
func (s *estimator) distress() {
	key, why := RateDistress, "for the distress, frustration and uncertainty the faults caused"
	if s.prolonged {
		key, why = RateDistressProlonged, "for distress after a loss lasting "+itoa(s.rules.ProlongedMonths)+" months or more"
	}
	rt := s.rate(key)
	s.lump(key, LineDistress, "Distress, frustration and uncertainty",
		"a symbolic payment "+why+": usually "+FormatMoney(rt.Typical)+", from "+FormatMoney(rt.Low)+" to "+FormatMoney(rt.High))
}

// alreadyPaid takes off what the council has already paid, once, never
// below nothing; offers are kept for the notes and letters.
func (s *estimator) alreadyPaid() {
	paid := decimal.Zero
	var what []string
	for _, p := range s.c.Payments {
		if p.Offered {
			s.e.Offered = append(s.e.Offered, p)
			continue
		}
		paid = paid.Add(p.Amount)
		w := FormatMoney(p.Amount)
		if p.WhatFor != "" {
			w += " for " + p.WhatFor
		}
		if !p.Date.IsZero() {
			w += " " + p.Date.On()
		}
		what = append(what, w)
	}
	if paid.Sign() <= 0 {
		return
	}
	lo, ty, hi := decimal.Zero, decimal.Zero, decimal.Zero
	for _, l := range s.e.Lines {
		lo, ty, hi = lo.Add(l.Low), ty.Add(l.Typical), hi.Add(l.High)
	}
	off := func(total decimal.Decimal) decimal.Decimal {
		return decimal.Min(paid, decimal.Max(total, decimal.Zero)).Neg()
	}
	s.add(Line{Key: LineAlreadyPaid, Kind: LineAlreadyPaid, Title: "Already paid by the council",
		Basis:  "the council has already paid " + strings.Join(what, "; ") + ": taken off once, so what is left is what is still owed",
		Source: "Your record of payments", Low: off(lo), Typical: off(ty), High: off(hi), Count: decInt(int64(len(what))), Unit: "payment", Verified: true})
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
	TypeTuition: "tuition", TypeOther: "other provision", TypeShortBreaks: "short breaks and respite",
	TypeDirectPayments: "support bought with direct payments", TypeTransport: "home-to-school transport",
	TypeAlternative: "alternative provision",
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

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}
