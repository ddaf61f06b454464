package similar

import (
	"strings"

	"provisiontracker/calc"
)

// ProfileOf puts what the parent entered into the facts nearness is worked
// out from, using calc's own counts and deadlines on today:
//   - a kind of help counts when any of it was missed, made up, paid for
//     by the parent or not in place; Section H help and care-plan help also
//     count as social care (only as social care when its type is "other");
//   - months run from the first missed or missing day to the last (or
//     today, for a gap still open), the longest over the kinds of help, or
//     the longest spell without education;
//   - the delay is the latest plan step that was late or is overdue;
//   - the complaint was handled badly when a stage was answered late or
//     is overdue.
func ProfileOf(c calc.Case, today calc.Date) Profile {
	var p Profile
	if k, ok := calc.CouncilByCode(c.Council); ok {
		p.Council = k.Name
	}
	cal := calc.CalendarFor(c)
	addHelp := func(h Help) {
		if !hasHelp(p.Help, h) {
			p.Help = append(p.Help, h)
		}
	}
	addFault := func(f Fault) {
		if !hasFault(p.Faults, f) {
			p.Faults = append(p.Faults, f)
		}
	}
	var first calc.Date
	span := func(from, to calc.Date) {
		if from.IsZero() {
			return
		}
		if to.IsZero() || to.After(today) {
			to = today
		}
		if first.IsZero() || from.Before(first) {
			first = from
		}
		if m := months(from, to); m > p.Months {
			p.Months = m
		}
	}
	for _, pl := range c.Plans {
		if pl.Kind != "" && !hasPlan(p.Plans, pl.Kind) {
			p.Plans = append(p.Plans, pl.Kind)
		}
		for _, pr := range pl.Provisions {
			n := calc.Tally(pr, calc.Schedule(pr, cal, today), calc.Date{}, today)
			if n.Missed == 0 && n.MadeUp == 0 && n.PaidPrivately == 0 && len(pr.NotInPlace) == 0 {
				continue
			}
			h := helpOfType(pr.Type)
			social := pr.Section == calc.SectionH || pl.Kind == calc.PlanCarePlan || h == HelpSocialCare
			if !social || h != HelpOther {
				addHelp(h)
			}
			if social {
				addHelp(HelpSocialCare)
			}
			addFault(FaultHelpMissed)
			p.Missed += n.Missed
			p.MadeUp = p.MadeUp || n.MadeUp > 0
			p.Paid = p.Paid || n.PaidPrivately > 0
			if pr.Frequency.Per == calc.PerWeek {
				p.Weekly = true
			}
			from, to := missedSpan(pr)
			span(from, to)
		}
		for _, s := range pl.EducationLost {
			addHelp(HelpEducation)
			addFault(FaultEducationLost)
			span(s.From, s.To)
		}
	}
	var latest calc.Date
	for _, d := range calc.Deadlines(c, cal, today) {
		if d.Status != calc.Late && d.Status != calc.Overdue {
			continue
		}
		switch {
		case strings.HasPrefix(d.Key, "complaint_stage") && strings.HasSuffix(d.Key, "_answer"):
			addFault(FaultComplaint)
		case d.PlanDelay:
			f := FaultReviewLate
			if d.Key == "assessment_decision_6_weeks" || d.Key == "no_plan_16_weeks" || d.Key == "final_plan_20_weeks" {
				f = FaultPlanLate
			}
			addFault(f)
			if d.WeeksLate > p.Weeks || (d.WeeksLate == p.Weeks && d.Due.After(latest)) {
				p.Delay, p.Weeks, latest = f, d.WeeksLate, d.Due
			}
			if first.IsZero() || d.Due.Before(first) {
				first = d.Due
			}
		}
	}
	if p.Delay != "" && p.Weeks == 0 {
		p.Weeks = 1 // late by less than a week still counts as late
	}
	if !first.IsZero() {
		p.Year = first.Year()
	}
	return p
}

// helpOfType is the kind of help of a provision type. The types of case
// file version 3 (short breaks, direct payments, transport, alternative
// provision) are named by their values, so this builds before and after
// calc has them.
func helpOfType(t calc.ProvisionType) Help {
	switch t {
	case "":
		return HelpOther
	case "short_breaks", "direct_payments":
		return HelpSocialCare
	case "alternative_provision":
		return HelpTuition
	}
	return Help(t)
}

// missedSpan is the first and last day a provision's help was missing:
// missed or paid-for sessions, count periods with any missed, and gaps.
// A zero end means "still missing".
func missedSpan(pr calc.Provision) (from, to calc.Date) {
	open := false
	see := func(a, b calc.Date) {
		if a.IsZero() {
			return
		}
		if from.IsZero() || a.Before(from) {
			from = a
		}
		if b.IsZero() {
			open = true
			return
		}
		if b.After(to) {
			to = b
		}
	}
	for _, o := range pr.Outcomes {
		if o.Status == calc.StatusMissed || o.Status == calc.StatusPrivate {
			see(o.Date, o.Date)
		}
	}
	for _, cp := range pr.CountPeriods {
		if cp.Missed > 0 || cp.PaidPrivately > 0 || cp.MadeUp > 0 {
			see(cp.From, cp.To)
		}
	}
	for _, s := range pr.NotInPlace {
		see(s.From, s.To)
	}
	if open {
		to = calc.Date{}
	}
	return from, to
}

// months is the length of from..to in whole months, rounded, at least 1.
func months(from, to calc.Date) int {
	days := to.Sub(from) + 1
	m := (days*12 + 182) / 365
	return max(1, m)
}
