package decisions

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"provisiontracker/calc"

	"github.com/shopspring/decimal"
)

// Entered is one decision entered as a case file from its facts alone.
type Entered struct {
	Decision Decision
	Case     calc.Case
	Today    calc.Date // the decision date, or rule G1's stand-in
	// Rules lists the assumption rules (README.md) this entry used.
	Rules []string
	// NotCompared, when set, says why the decision's payment cannot be
	// compared with an estimate (part of the remedy has no stated value):
	// its case file is written, but calibration leaves it out.
	NotCompared string
}

// NotEntered says why a decision could not be entered.
type NotEntered struct {
	Decision Decision
	Why      string
}

// The gap rules of calc/testdata/decisions/README.md, by name.
const (
	ruleG1  = "G1 no decision date: 1 July of the year after the reference year, or a month after the last fact if later"
	ruleG2  = "G2 a month without a day: the 1st when it starts a period, the last day when it ends one"
	ruleG3  = "G3 a period with a start but no end: it ends after the stated length, else at the decision date"
	ruleG4  = "G4 a period with an end but no start: it starts the stated length before, else one term (3 months) before"
	ruleG5  = "G5 no period at all: the stated length (in the facts or the words) ending at the decision date"
	ruleG6  = "G6 therapy of unstated frequency: one session a week in term time"
	ruleG7  = "G7 support of unstated amount: none of it was given (not in place) during the period"
	ruleG8  = "G8 a delay of unstated length: 12 weeks late, finished 13 weeks before the decision date"
	ruleG9  = "G9 a complaint-handling fault: a stage 1 complaint answered 4 weeks late; otherwise answered on time"
	ruleG10 = "G10 a council payment not in the remedy and said to be paid is taken off; an offer the remedy repeats, or any other offer, is shown, not taken off"
	ruleG11 = "G11 the parent's own costs: each parent_paid fact and each reimbursement the decision refunds"
	ruleG12 = "G12 the kind of help is read from the words of its type, first match in the README's list"
)

var monthNames = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

var numberWords = map[string]float64{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half": 0.5}

func number(s string) (float64, bool) {
	if v, ok := numberWords[strings.ToLower(s)]; ok {
		return v, true
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

var (
	durRe       = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: and a half)? (?:(?:school|full|whole|academic) )*(week|month|term|year)s?\b`)
	spanRe      = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december) (\d{4}) to (january|february|march|april|may|june|july|august|september|october|november|december) (\d{4})\b`)
	dayRe       = regexp.MustCompile(`(?i)\b(\d+|one|two|three|four|five|six) (?:\d+-minute )?(?:1:1 )?sessions? a day\b`)
	weekRe      = regexp.MustCompile(`(?i)\b(\d+|one|two|three|four|five|six) sessions? (?:a|per) week\b`)
	hoursRe     = regexp.MustCompile(`(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) hours? (?:a|per) (week|term|month)\b`)
	onlyRe      = regexp.MustCompile(`(?i)\bonly (\d+)\b`)
	lateRe      = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)( and a half)? (week|month|year)s?\b`)
	educationRe = regexp.MustCompile(`\b(education|school|schooling|eotas|tuition|tutoring|tutor|alternative provision|exclusion)\b`)
	// inKindRe finds a remedy part of unstated value: provision made up
	// in kind, backdated funding, or an amount the source does not give.
	inKindRe = regexp.MustCompile(`(?i)amount not stated|backdate|make[- ]up|made up|catch-up`)
	// rateRe ends the words before "a week" when they say how often.
	rateRe   = regexp.MustCompile(`(?i)\b(?:nights?|hours?|sessions?|days?|times|once|twice|visits?|minutes)\s*$`)
	nearYear = regexp.MustCompile(`(?i)\b(nearly|almost|about) (a|one) year\b`)
)

// monthsIn reads a length written in words ("two terms and six weeks",
// "15 school months", "5 weeks") as months; 0 when there is none.
func monthsIn(s string) float64 {
	total := 0.0
	for _, at := range durRe.FindAllStringSubmatchIndex(s, -1) {
		m := []string{s[at[0]:at[1]], s[at[2]:at[3]], s[at[4]:at[5]]}
		if rateRe.MatchString(s[:at[0]]) {
			continue // "one night a week", "4 hours a month": how often, not how long
		}
		n, ok := number(m[1])
		if !ok {
			continue
		}
		if strings.Contains(strings.ToLower(m[0]), "and a half") {
			n += 0.5
		}
		switch strings.ToLower(m[2]) {
		case "week":
			total += n * 12 / 52
		case "month":
			total += n
		case "term":
			total += n * 3
		case "year":
			total += n * 12
		}
	}
	return total
}

// factDate reads "YYYY-MM" or "YYYY-MM-DD"; end picks the month's last day.
func factDate(s string, end bool) (calc.Date, bool) {
	if len(s) == 10 {
		d, err := calc.ParseDate(s)
		return d, err == nil
	}
	if len(s) != 7 {
		return calc.Date{}, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return calc.Date{}, false
	}
	if end {
		return calc.MustDate(y, m, calc.DaysIn(y, m)), true
	}
	return calc.MustDate(y, m, 1), true
}

func addMonths(d calc.Date, months float64) calc.Date {
	whole := int(math.Floor(months))
	return d.AddMonths(whole).AddDays(int(math.Round((months - float64(whole)) * 30.4)))
}

// kind is what the generator makes of a provision fact (rule G12).
type kind struct {
	typ       calc.ProvisionType
	section   calc.Section
	education bool // loss of most or all education: a plan's education_lost spell
	therapy   bool
	allYear   bool
}

// kindOf reads the kind of help from the words of its type: the first
// match in this order wins (README.md, rule G12).
func kindOf(words string) kind {
	w := strings.ToLower(words)
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(w, s) {
				return true
			}
		}
		return false
	}
	switch {
	case has("transport", "taxi"): // first: "transport to respite care" is transport
		return kind{typ: calc.TypeTransport, section: calc.SectionF}
	case has("respite", "short break"):
		return kind{typ: calc.TypeShortBreaks, section: calc.SectionH, allYear: true}
	case has("social care support", "direct payment"):
		return kind{typ: calc.TypeDirectPayments, section: calc.SectionH, allYear: true}
	case has("speech", "salt"):
		return kind{typ: calc.TypeSALT, section: calc.SectionF, therapy: true}
	case has("occupational", " ot "):
		return kind{typ: calc.TypeOT, section: calc.SectionF, therapy: true}
	case has("physio"):
		return kind{typ: calc.TypePhysio, section: calc.SectionF, therapy: true}
	case has("therapy", "psycholog"):
		return kind{typ: calc.TypeTherapy, section: calc.SectionF, therapy: true}
	case has("teaching assistant", "1:1", "one-to-one", "one to one"):
		return kind{typ: calc.TypeOneToOne, section: calc.SectionF}
	case has("support"): // "some of the support in the plan at school" is support, not school
		return kind{typ: calc.TypeOther, section: calc.SectionF}
	case educationRe.MatchString(w):
		return kind{education: true}
	default:
		return kind{typ: calc.TypeOther, section: calc.SectionF}
	}
}

// Enter makes a case file from a decision's facts alone, with the gap
// rules of calc/testdata/decisions/README.md; ok is false (and why says
// why) when the facts cannot be entered.
func Enter(d Decision) (Entered, *NotEntered) {
	no := func(why string) (Entered, *NotEntered) { return Entered{}, &NotEntered{Decision: d, Why: why} }
	if _, ok := d.Paid(); !ok {
		return no("the remedy is a rate (per month of delay) with no total to compare")
	}
	notCompared := ""
	for _, nf := range d.Remedy.NonFinancial {
		if inKindRe.MatchString(nf) && notCompared == "" {
			notCompared = "part of the remedy has no stated value (" + nf + ")"
		}
	}
	f := d.Facts
	if len(f.Provisions) == 0 && len(f.Delays) == 0 {
		return no("the facts name no provision and no delay")
	}
	used := map[string]bool{}
	use := func(r string) { used[r] = true }
	today := d.Date()
	if today.IsZero() {
		use(ruleG1)
		y, _ := strconv.Atoi(d.Ref[:2])
		today = calc.MustDate(2000+y+1, 7, 1)
		for _, p := range f.Provisions {
			for _, s := range []string{p.PeriodStart, p.PeriodEnd} {
				if t, ok := factDate(s, true); ok && !t.AddMonths(1).Before(today) {
					today = t.AddMonths(1)
				}
			}
		}
	}
	months := 0.0
	if f.MonthsWithoutProvision != nil {
		months = *f.MonthsWithoutProvision
	}
	plan := calc.Plan{ID: "plan", Kind: calc.PlanEHC}
	switch d.PlanKind {
	case "care_plan":
		plan.Kind = calc.PlanCarePlan
	case "other":
		plan.Kind = calc.PlanOther
	}
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "Child"}}
	for i, p := range f.Provisions {
		// How long: the decision's own quantity, else months without
		// provision, else a length written in its words.
		length := 0.0
		if p.QuantityMissed != nil {
			switch p.Unit {
			case "term":
				length = *p.QuantityMissed * 3
			case "month":
				length = *p.QuantityMissed
			case "school_year":
				length = *p.QuantityMissed * 12
			}
		}
		if length == 0 && p.Unit == "school_year" {
			length = 12
		}
		if length == 0 {
			length = months
		}
		if length == 0 {
			length = monthsIn(p.Type)
		}
		from, okFrom := factDate(p.PeriodStart, false)
		to, okTo := factDate(p.PeriodEnd, true)
		if (okFrom && len(p.PeriodStart) == 7) || (okTo && len(p.PeriodEnd) == 7) {
			use(ruleG2)
		}
		if !okFrom && !okTo {
			if m := spanRe.FindStringSubmatch(p.Type); m != nil {
				y1, _ := strconv.Atoi(m[2])
				y2, _ := strconv.Atoi(m[4])
				from = calc.MustDate(y1, monthNames[strings.ToLower(m[1])], 1)
				to = calc.MustDate(y2, monthNames[strings.ToLower(m[3])], 1).AddMonths(1).AddDays(-1)
				okFrom, okTo = true, true
				use(ruleG2)
			}
		}
		switch {
		case okFrom && okTo:
		case okFrom:
			use(ruleG3)
			if length > 0 {
				to = addMonths(from, length).AddDays(-1)
			} else {
				to = today
			}
			if to.After(today) {
				to = today
			}
		case okTo:
			use(ruleG4)
			if length == 0 {
				length = 3
			}
			from = addMonths(to, -length).AddDays(1)
		default:
			if length == 0 {
				if p.ParentPaid != nil && f.Provisions != nil {
					continue // a cost only (rule G11)
				}
				return no("provision " + strconv.Quote(p.Type) + " has no period and no length")
			}
			use(ruleG5)
			to = today
			from = addMonths(to, -length).AddDays(1)
		}
		if to.After(today) {
			to = today
		}
		if !from.Before(to) {
			return no("provision " + strconv.Quote(p.Type) + " has no time in it")
		}
		k := kindOf(p.Type + " " + p.FrequencyInPlan)
		use(ruleG12)
		note := "From the decision: " + p.Type
		if k.education {
			plan.EducationLost = append(plan.EducationLost, calc.Spell{From: from, To: to, Note: note})
			continue
		}
		pr := calc.Provision{ID: "p" + strconv.Itoa(i+1), Section: k.section, Type: k.typ, Wording: p.FrequencyInPlan,
			Weeks: calc.TermTime, Start: from, End: to, Notes: note}
		if k.allYear {
			pr.Weeks = calc.AllYear
		}
		if k.section == calc.SectionH && plan.Kind == calc.PlanEHC {
			pr.Section = calc.SectionH
		}
		fr := p.FrequencyInPlan
		switch {
		case k.therapy && dayRe.MatchString(fr):
			n, _ := number(dayRe.FindStringSubmatch(fr)[1])
			pr.Frequency = calc.Frequency{Count: int(n) * 5, Unit: calc.UnitSessions, Per: calc.PerWeek}
		case k.therapy && weekRe.MatchString(fr):
			n, _ := number(weekRe.FindStringSubmatch(fr)[1])
			pr.Frequency = calc.Frequency{Count: int(n), Unit: calc.UnitSessions, Per: calc.PerWeek}
		case k.therapy && hoursRe.MatchString(fr):
			m := hoursRe.FindStringSubmatch(fr)
			n, _ := number(m[1])
			pr.Frequency = calc.Frequency{Count: int(n), Unit: calc.UnitHours, Per: calc.Per(strings.ToLower(m[2]))}
		case k.therapy:
			use(ruleG6)
			pr.Frequency = calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}
		case hoursRe.MatchString(fr):
			m := hoursRe.FindStringSubmatch(fr)
			n, _ := number(m[1])
			pr.Frequency = calc.Frequency{Count: int(n), Unit: calc.UnitHours, Per: calc.Per(strings.ToLower(m[2]))}
		default:
			use(ruleG7)
			pr.Frequency = calc.Frequency{Count: 25, Unit: calc.UnitHours, Per: calc.PerWeek}
		}
		if m := onlyRe.FindStringSubmatch(fr); m != nil && pr.Frequency.Unit == calc.UnitHours {
			if g, _ := strconv.Atoi(m[1]); g > 0 && g < pr.Frequency.Count {
				pr.PartlyInPlace = []calc.PartSpell{{From: from, To: to, Given: g, Note: "From the decision: " + fr}}
			}
		}
		if len(pr.PartlyInPlace) == 0 {
			pr.NotInPlace = []calc.Spell{{From: from, To: to, Note: note}}
		}
		if p.MadeUp != nil && *p.MadeUp {
			pr.MakeUpAgreed = 1 << 20 // all of it made up in kind; capped at the sessions missed
		}
		plan.Provisions = append(plan.Provisions, pr)
	}
	// Delays (rule G8) and complaint handling (rule G9).
	complaintFault := f.ComplaintHandlingFault != nil && *f.ComplaintHandlingFault
	for _, dl := range f.Delays {
		w := strings.ToLower(dl.What + " " + dl.Limit)
		if strings.Contains(w, "complain") {
			complaintFault = true
			continue
		}
		weeks := 0.0
		if dl.WeeksLate != nil {
			weeks = *dl.WeeksLate
		} else if nearYear.MatchString(dl.What + " " + dl.LateText) {
			weeks = 48
		} else if m := lateRe.FindStringSubmatch(dl.What + " " + dl.LateText); m != nil {
			n, _ := number(m[1])
			if m[2] != "" {
				n += 0.5
			}
			switch strings.ToLower(m[3]) {
			case "week":
				weeks = n
			case "month":
				weeks = n * 52 / 12
			case "year":
				weeks = n * 52
			}
		}
		if weeks <= 0 {
			use(ruleG8)
			weeks = 12
		}
		done := today.AddDays(-13 * 7)
		late := int(math.Round(weeks * 7))
		pd := &plan.Process
		switch {
		case strings.Contains(w, "tribunal"):
			pd.TribunalOrder = done.AddDays(-late - 5*7)
			pd.TribunalOrderDone = done
		case strings.Contains(w, "carer") || strings.Contains(w, "social care") || strings.Contains(w, "child in need"):
			pd.SocialCareAssessmentRequested = done.AddDays(-late - 35)
			pd.SocialCareAssessmentDone = done
		case strings.Contains(w, "review") || strings.Contains(w, "amend"):
			plan.LastReview = done.AddDays(-late - 12*7)
			pd.AmendedFinalIssued = done
		case strings.Contains(w, "school place") || strings.Contains(w, "placement") || strings.Contains(w, "naming"):
			pd.PlacementRequested = done.AddDays(-late - 12*7)
			pd.PlacementNamed = done
		case strings.Contains(w, "assess") || strings.Contains(w, "plan") || strings.Contains(w, "ehc"):
			if pd.AssessmentRequested.IsZero() {
				pd.AssessmentRequested = done.AddDays(-late - 20*7)
				pd.FinalIssued = done
			}
		default:
			continue // a step with no deadline in the rules (e.g. transition planning)
		}
	}
	c.Complaint.Stage1Sent = today.AddDays(-26 * 7)
	cal := calc.DefaultCalendar()
	due := cal.AddWorkingDays(c.Complaint.Stage1Sent, 10)
	if complaintFault {
		use(ruleG9)
		c.Complaint.Stage1Answered = due.AddDays(28)
	} else {
		c.Complaint.Stage1Answered = due
	}
	// Council payments (rule G10) and the parent's own costs (rule G11).
	inRemedy := func(a decimal.Decimal) bool {
		for _, it := range d.Remedy.Items {
			if it.Amount.Equal(a) {
				return true
			}
		}
		return false
	}
	for _, o := range f.AlreadyPaidOrOffered {
		if o.Amount == nil || strings.Contains(o.WhatFor, "per month") {
			continue
		}
		use(ruleG10)
		wf := strings.ToLower(o.WhatFor)
		paid := strings.Contains(wf, "paid") && !inRemedy(*o.Amount)
		c.Payments = append(c.Payments, calc.Payment{Amount: *o.Amount, WhatFor: o.WhatFor, Offered: !paid})
	}
	for _, p := range f.Provisions {
		if p.ParentPaid != nil {
			use(ruleG11)
			c.ParentCosts = append(c.ParentCosts, calc.ParentCost{Amount: *p.ParentPaid, WhatFor: p.Type, Receipts: true})
		}
	}
	if len(c.ParentCosts) == 0 {
		for _, it := range d.Remedy.Items {
			if it.Category == CatReimbursement {
				use(ruleG11)
				c.ParentCosts = append(c.ParentCosts, calc.ParentCost{Amount: it.Amount, WhatFor: it.Purpose, Receipts: true})
			}
		}
	}
	if len(plan.Provisions) == 0 && len(plan.EducationLost) == 0 && plan.Process == (calc.ProcessDates{}) && len(c.ParentCosts) == 0 {
		return no("no fact with a deadline or a period could be entered")
	}
	c.Plans = []calc.Plan{plan}
	c.Closed = today
	c.ClosedWhy = "the Ombudsman's decision"
	c.Notes = "Entered by calc/decisions from the facts of Ombudsman decision " + d.Ref + " (" + d.URL + ") alone; see calc/testdata/decisions/README.md for the assumption rules."
	var rules []string
	for _, r := range []string{ruleG1, ruleG2, ruleG3, ruleG4, ruleG5, ruleG6, ruleG7, ruleG8, ruleG9, ruleG10, ruleG11, ruleG12} {
		if used[r] {
			rules = append(rules, r[:strings.IndexByte(r, ' ')])
		}
	}
	return Entered{Decision: d, Case: c, Today: today, Rules: rules, NotCompared: notCompared}, nil
}

// Comparable returns the entered decisions whose payment can be
// compared with an estimate.
func Comparable(ents []Entered) []Entered {
	var out []Entered
	for _, e := range ents {
		if e.NotCompared == "" {
			out = append(out, e)
		}
	}
	return out
}

// EnterAll enters every decision it can.
func EnterAll(ds []Decision) ([]Entered, []NotEntered) {
	var in []Entered
	var out []NotEntered
	for _, d := range ds {
		e, no := Enter(d)
		if no != nil {
			out = append(out, *no)
			continue
		}
		in = append(in, e)
	}
	return in, out
}
