package calc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limits that catch typing slips rather than real cases.
const (
	maxPlans        = 20
	maxProvisions   = 200
	maxOutcomes     = 20000
	maxCountPerItem = 2000 // sessions in one count-only period
	maxShortText    = 200
	maxLongText     = 10000
)

// Limits on the work a case can cause, so that no file, however it was
// made, can freeze the app: every page that counts sessions works out the
// schedule of each provision (see CheckWork).
const (
	// MaxSpanYears is the longest a provision may run: a plan covers a
	// child from birth to 25 at most.
	MaxSpanYears = 25
	// MaxExpectedSessions is the most sessions all the provisions of a
	// case may be due, counted as CheckWork does. A busy real case (ten
	// kinds of help, five a week, all year, for ten years) is 26,000.
	MaxExpectedSessions = 100_000
	// MaxSessionRecords is the most session records in a whole case.
	MaxSessionRecords = 50_000
	maxCountPeriods   = 500 // per provision
	maxSpells         = 500 // time without education or help not in place, per list
	maxSteps          = 500 // promised steps per plan
	maxSchoolYears    = 120 // every school year from 1990 to 2100
	maxInsetDays      = 2000
)

// maxPerPeriod is the most sessions (or hours) that can make sense per
// period; more is a slip like "10,000 sessions a week".
var maxPerPeriod = map[Per][2]int{ // sessions, hours
	PerWeek: {25, 60}, PerFortnight: {50, 120}, PerMonth: {100, 250}, PerHalfTerm: {200, 450},
	PerTerm: {400, 900}, PerYear: {1200, 2700}, PerTotal: {2000, 5000},
}

var (
	planKinds = set(PlanEHC, PlanCarePlan, PlanOther)
	sections  = set(SectionF, SectionG, SectionH)
	provTypes = set(TypeOT, TypeSALT, TypePhysio, TypeOneToOne, TypeSpecialistTeaching, TypeTherapy, TypeTuition, TypeOther,
		TypeShortBreaks, TypeDirectPayments, TypeTransport, TypeAlternative)
	pers       = set(PerWeek, PerFortnight, PerMonth, PerHalfTerm, PerTerm, PerYear, PerTotal)
	units      = set(UnitSessions, UnitHours, UnitMinutes)
	weeksSet   = set(TermTime, AllYear)
	statuses   = set(StatusDelivered, StatusMissed, StatusChildAbsent, StatusMadeUp, StatusPrivate)
	reasons    = set(ReasonProviderCancelled, ReasonNoTherapist, ReasonSchool, ReasonNotKnown)
	contacts   = set(ContactEmail, ContactPhone, ContactLetter, ContactMeeting, ContactOther)
	procedures = set(ProcedureCorporate, ProcedureSocialCare)
)

func set[T ~string](vs ...T) map[T]bool {
	m := map[T]bool{}
	for _, v := range vs {
		m[v] = true
	}
	return m
}

// The earliest and latest dates that can belong to a real case.
var (
	earliestDate = MustDate(1990, 1, 1)
	latestDate   = MustDate(2100, 12, 31)
)

type validator struct{ probs []FieldError }

// add records a problem. It is kept out of line: inlined at each of the
// checks it cost the wasm code.
//
//go:noinline
func (v *validator) add(path, msg string) { v.probs = append(v.probs, FieldError{path, msg}) }

func (v *validator) text(path, s string, max int, required bool, what string) {
	if required && strings.TrimSpace(s) == "" {
		v.add(path, "Enter "+what)
	}
	if utf8.RuneCountInString(s) > max {
		v.add(path, "This is too long: keep it under "+itoa(max)+" characters")
	}
	if msg := hiddenCharacters(s, max > maxShortText); msg != "" {
		v.add(path, msg)
	}
}

// hiddenCharacters is the one rule for the characters of every text a
// parent types, from the child's first name to a contact's notes: no
// control characters (NUL and the like, a slip when pasting; a long text
// may have line breaks and any text a tab), no characters that turn text
// right to left or isolate it (U+202A–U+202E, U+2066–U+2069, which can
// make a letter read differently from what was typed), and nothing that
// is not valid UTF-8. It returns the message for the parent, or "".
func hiddenCharacters(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "Some characters in this are broken: type it again rather than pasting it"
	}
	for _, r := range s {
		switch {
		case r == '\t', multiline && (r == '\n' || r == '\r'):
		case unicode.IsControl(r):
			if multiline {
				return "Remove the hidden control characters (only line breaks are allowed)"
			}
			return "Keep this on one line, without hidden control characters"
		case isDirectionChar(r):
			return "This has a hidden character that changes the direction of the text: type it again rather than pasting it"
		}
	}
	return ""
}

// isDirectionChar reports whether r turns text right to left or isolates
// it (U+202A–U+202E, U+2066–U+2069).
func isDirectionChar(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

func (v *validator) date(path string, d Date, required bool) {
	if d.IsZero() {
		if required {
			v.add(path, "Enter a date")
		}
		return
	}
	if d.Before(earliestDate) || d.After(latestDate) {
		v.add(path, "This date looks wrong: check the year")
	}
	if d.MonthOnly() && !monthAllowed(path) {
		v.add(path, "This date must include a day")
	}
}

// monthAllowed reports whether a date may be known only to the month: the
// plan's own dates, the steps of making it, the complaint, the council's
// payments and the parent's own costs, which a parent may half remember.
// Sessions, spells and contacts need a day.
func monthAllowed(path string) bool {
	if strings.HasPrefix(path, "complaint.") || strings.Contains(path, ".process.") ||
		strings.HasPrefix(path, "payments[") || strings.HasPrefix(path, "parent_costs[") {
		return true
	}
	for _, s := range []string{".issued", ".last_review", ".order_made", ".order_ends"} {
		if strings.HasSuffix(path, s) {
			return true
		}
	}
	return false
}

// order checks that b is not before a when both are known.
func (v *validator) order(path string, a, b Date, msg string) {
	if !a.IsZero() && !b.IsZero() && b.Before(a) {
		v.add(path, msg)
	}
}

func (v *validator) count(path string, n, max int, what string) {
	if n < 0 {
		v.add(path, what+" cannot be below zero")
	} else if n > max {
		v.add(path, what+" looks too large: the most allowed is "+itoa(max))
	}
}

func (v *validator) money(path string, d decimal.Decimal) {
	switch {
	case d.Sign() < 0:
		v.add(path, "The amount cannot be below zero")
	case d.GreaterThan(MaxItemAmount):
		v.add(path, "The amount looks too large: the most for one item is £100,000")
	case !d.Equal(d.Round(2)):
		v.add(path, "Use pounds and pence only (two decimal places)")
	}
}

// Validate checks a case for impossible or absurd values and returns each
// problem with its field path and a short plain-English message (nil when
// the case is fine). DecodeCaseFile runs it; the UI can run it on every
// edit.
func Validate(c Case) []FieldError {
	v := &validator{}
	if c.SchemaVersion != SchemaVersion {
		v.add("schema_version", "must be "+itoa(SchemaVersion))
	}
	v.text("child.first_name", c.Child.FirstName, 100, true, "your child's first name")
	v.date("child.date_of_birth", c.Child.DateOfBirth, false)
	if c.Council != "" {
		if _, ok := CouncilByCode(c.Council); !ok {
			v.add("council", "This council code is not known: choose the council from the list")
		}
	}
	v.text("notes", c.Notes, maxText, false, "")
	if len(c.Plans) == 0 {
		v.add("plans", "Add the plan")
	}
	if len(c.Plans) > maxPlans {
		v.add("plans", "Too many plans: the most is "+itoa(maxPlans))
	}
	planIDs, provIDs := map[string]bool{}, map[string]bool{}
	for i, p := range c.Plans {
		validatePlan(v, "plans["+itoa(i)+"]", p, planIDs, provIDs)
	}
	validatePlanOrder(v, c.Plans)
	contactIDs := map[string]bool{}
	for i, ct := range c.Contacts {
		path := "contacts[" + itoa(i) + "]"
		v.text(path+".id", ct.ID, 64, false, "")
		if ct.ID != "" && contactIDs[ct.ID] {
			v.add(path+".id", "Two contacts have the same id")
		}
		contactIDs[ct.ID] = true
		v.date(path+".date", ct.Date, true)
		if !contacts[ct.Kind] {
			v.add(path+".kind", "Choose email, phone, letter, meeting or other")
		}
		v.text(path+".with", ct.With, maxShortText, false, "")
		v.text(path+".said", ct.Said, maxLongText, false, "")
		v.text(path+".promised", ct.Promised, maxLongText, false, "")
		v.date(path+".reply_due_by", ct.ReplyDueBy, false)
		v.order(path+".reply_due_by", ct.Date, ct.ReplyDueBy, "The reply date must be after the contact date")
		v.date(path+".replied", ct.Replied, false)
		v.order(path+".replied", ct.Date, ct.Replied, "The reply cannot come before the contact")
	}
	if len(c.Contacts) > maxOutcomes {
		v.add("contacts", "Too many contacts")
	}
	validateComplaint(v, c.Complaint)
	// No upper limit: an id's own number may be large, and must not block saving.
	if g := c.IDsGiven; min(g.Plan, g.Provision, g.Contact, g.Payment, g.Cost) < 0 {
		v.add("ids_given", "The numbers of the ids given cannot be below zero")
	}
	validateLetter(v, c.Letter)
	paymentIDs := map[string]bool{}
	for i, p := range c.Payments {
		path := "payments[" + itoa(i) + "]"
		v.text(path+".id", p.ID, 64, false, "")
		if p.ID != "" && paymentIDs[p.ID] {
			v.add(path+".id", "Two payments have the same id")
		}
		paymentIDs[p.ID] = true
		v.date(path+".date", p.Date, false)
		v.money(path+".amount", p.Amount)
		v.text(path+".what_for", p.WhatFor, maxLongText, false, "")
	}
	costIDs := map[string]bool{}
	for i, p := range c.ParentCosts {
		path := "parent_costs[" + itoa(i) + "]"
		v.text(path+".id", p.ID, 64, false, "")
		if p.ID != "" && costIDs[p.ID] {
			v.add(path+".id", "Two of your costs have the same id")
		}
		costIDs[p.ID] = true
		v.date(path+".date", p.Date, false)
		v.money(path+".amount", p.Amount)
		v.text(path+".what_for", p.WhatFor, maxLongText, false, "")
	}
	v.date("closed", c.Closed, false)
	v.text("closed_why", c.ClosedWhy, maxLongText, false, "")
	for i, sy := range c.Calendar.SchoolYears {
		validateSchoolYear(v, "calendar.school_years["+itoa(i)+"]", sy)
	}
	for i, d := range c.Calendar.InsetDays {
		v.date("calendar.inset_days["+itoa(i)+"]", d, true)
	}
	known := map[string]bool{}
	for _, r := range DefaultRules().Rates {
		known[r.Key] = true
	}
	seen := map[string]bool{}
	for i, o := range c.RateOverrides {
		path := "rate_overrides[" + itoa(i) + "]"
		if !known[o.Key] {
			v.add(path+".key", "This rate is not in the rules table")
		}
		if seen[o.Key] {
			v.add(path+".key", "This rate is already changed above")
		}
		seen[o.Key] = true
		v.money(path+".low", o.Low)
		v.money(path+".typical", o.Typical)
		v.money(path+".high", o.High)
		if o.Typical.LessThan(o.Low) || o.High.LessThan(o.Typical) {
			v.add(path, "Low must not be more than typical, and typical not more than high")
		}
		v.text(path+".reason", o.Reason, maxLongText, false, "")
	}
	if len(c.Calendar.SchoolYears) > maxSchoolYears {
		v.add("calendar.school_years", "Too many school years: the most is "+itoa(maxSchoolYears))
	}
	if len(c.Calendar.InsetDays) > maxInsetDays {
		v.add("calendar.inset_days", "Too many INSET days: the most is "+itoa(maxInsetDays))
	}
	v.probs = append(v.probs, CheckWork(c, Date{})...)
	return v.probs
}

// CheckWork checks the limits on the work a case can cause, so that no
// file and no saved record can freeze the app: each provision runs at most
// MaxSpanYears, all of them together are due at most MaxExpectedSessions
// sessions, and the case has at most MaxSessionRecords session records and
// bounded lists. Help with no end date is counted until today (which is
// what every page counts); Validate, which has no today, counts it for one
// year only. Import and the store call it with today. It is quick: it
// counts from the dates, it does not work out the schedule.
func CheckWork(c Case, today Date) []FieldError {
	v := &validator{}
	total, records := 0, 0
	bigPath, big := "", 0
	for i, p := range c.Plans {
		path := "plans[" + itoa(i) + "]"
		if len(p.EducationLost) > maxSpells {
			v.add(path+".education_lost", "Too many periods without education: the most is "+itoa(maxSpells))
		}
		if len(p.Steps) > maxSteps {
			v.add(path+".promised_steps", "Too many promised steps: the most is "+itoa(maxSteps))
		}
		for j, pr := range p.Provisions {
			pp := path + ".provisions[" + itoa(j) + "]"
			records += len(pr.Outcomes)
			if len(pr.CountPeriods) > maxCountPeriods {
				v.add(pp+".count_periods", "Too many counted periods: the most is "+itoa(maxCountPeriods))
			}
			if len(pr.NotInPlace) > maxSpells {
				v.add(pp+".not_in_place", "Too many periods when the help was not in place: the most is "+itoa(maxSpells))
			}
			if pr.Start.IsZero() {
				continue
			}
			limit := pr.Start.AddMonths(12 * MaxSpanYears)
			switch {
			case !pr.End.IsZero() && pr.End.After(limit):
				v.add(pp+".end", "A kind of help cannot run for more than "+itoa(MaxSpanYears)+" years: check the start and end dates")
			case pr.End.IsZero() && pr.Frequency.Per != PerTotal && !today.IsZero() && today.After(limit):
				v.add(pp+".start", "This help started more than "+itoa(MaxSpanYears)+" years ago: check the start date, or give an end date")
			}
			n := expectedSessions(pr, today)
			total += n
			if n > big {
				bigPath, big = pp+".start", n
			}
		}
	}
	if total > MaxExpectedSessions {
		v.add(bigPath, "All the help in this record adds up to about "+thousands(total)+" sessions due, more than the "+
			thousands(MaxExpectedSessions)+" the app can count. Check the start and end dates and how often each kind of help happens")
	}
	if records > MaxSessionRecords {
		v.add("plans", "There are "+thousands(records)+" session records in this record: the most is "+thousands(MaxSessionRecords))
	}
	return v.probs
}

// expectedSessions is an upper bound on the number of sessions Schedule
// gives for p until today, from its dates and frequency alone. Help with
// no end date is counted until today, or for one year when today is not
// known (Validate); a total with no end date runs a year, as in Schedule.
func expectedSessions(p Provision, today Date) int {
	f := p.Frequency
	if p.Start.IsZero() || f.Count < 1 {
		return 0
	}
	end := p.End
	switch {
	case f.Per == PerTotal && end.IsZero():
		end = p.Start.AddMonths(12)
	case end.IsZero() && today.IsZero():
		end = p.Start.AddMonths(12)
	}
	if !today.IsZero() && (end.IsZero() || today.Before(end)) {
		end = today
	}
	days := end.Sub(p.Start) + 1
	if days < 1 {
		return 0
	}
	if f.Unit != UnitSessions {
		return days // one entry per school or working day
	}
	n := int64(f.Count)
	d := int64(days)
	var out int64
	switch f.Per {
	case PerWeek:
		out = n * (d/7 + 1)
	case PerFortnight:
		out = n * (d/14 + 1)
	case PerMonth:
		out = n * (d/28 + 1)
	case PerHalfTerm:
		out = n * (d/365 + 1) * 6
	case PerTerm:
		out = n * (d/365 + 1) * 3
	case PerYear:
		out = n * (d/365 + 1)
	default:
		out = n
	}
	if out > 1<<30 {
		out = 1 << 30
	}
	return int(out)
}

// thousands writes n with commas: 100000 → "100,000".
func thousands(n int) string {
	s := itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func validatePlan(v *validator, path string, p Plan, planIDs, provIDs map[string]bool) {
	v.text(path+".id", p.ID, 64, true, "an id for the plan")
	if p.ID != "" && planIDs[p.ID] {
		v.add(path+".id", "Two plans have the same id")
	}
	planIDs[p.ID] = true
	if !planKinds[p.Kind] {
		v.add(path+".kind", "Choose the kind of plan: ehc_plan, care_plan or other")
	}
	v.text(path+".title", p.Title, maxShortText, false, "")
	v.date(path+".issued", p.Issued, false)
	v.date(path+".last_review", p.LastReview, false)
	v.date(path+".ended", p.Ended, false)
	if s := PlanStart(p); !s.IsZero() && !p.Ended.IsZero() && p.Ended.Latest().Before(s) {
		v.add(path+".ended", "The plan cannot end before its date, "+s.Long())
	}
	v.date(path+".order_made", p.OrderMade, false)
	v.date(path+".order_ends", p.OrderEnds, false)
	v.order(path+".order_ends", p.OrderMade, p.OrderEnds, "The order must end after it was made")
	pd, pp := p.Process, path+".process."
	for _, f := range []struct {
		name string
		d    Date
	}{{"assessment_requested", pd.AssessmentRequested}, {"assessment_decision", pd.AssessmentDecision},
		{"no_plan_decision", pd.NoPlanDecision}, {"draft_issued", pd.DraftIssued}, {"final_issued", pd.FinalIssued},
		{"review_notice_sent", pd.ReviewNoticeSent}, {"review_report_sent", pd.ReviewReportSent},
		{"review_decision", pd.ReviewDecision}, {"amendments_proposed", pd.AmendmentsProposed},
		{"amended_final_issued", pd.AmendedFinalIssued}, {"tribunal_order", pd.TribunalOrder},
		{"tribunal_order_done", pd.TribunalOrderDone}, {"appealable_decision", pd.AppealableDecision},
		{"mediation_certificate", pd.MediationCertificate}, {"tribunal_appeal_sent", pd.TribunalAppealSent},
		{"social_care_assessment_requested", pd.SocialCareAssessmentRequested}, {"social_care_assessment_done", pd.SocialCareAssessmentDone},
		{"placement_requested", pd.PlacementRequested}, {"placement_named", pd.PlacementNamed}} {
		v.date(pp+f.name, f.d, false)
	}
	v.order(pp+"assessment_decision", pd.AssessmentRequested, pd.AssessmentDecision, "The decision must be after the request")
	v.order(pp+"draft_issued", pd.AssessmentRequested, pd.DraftIssued, "The draft plan must be after the request")
	v.order(pp+"final_issued", pd.DraftIssued, pd.FinalIssued, "The final plan must be after the draft")
	v.order(pp+"final_issued", pd.AssessmentRequested, pd.FinalIssued, "The final plan must be after the request")
	v.order(pp+"review_report_sent", p.LastReview, pd.ReviewReportSent, "The report must be after the review meeting")
	v.order(pp+"review_decision", p.LastReview, pd.ReviewDecision, "The decision must be after the review meeting")
	v.order(pp+"amended_final_issued", pd.AmendmentsProposed, pd.AmendedFinalIssued, "The final amended plan must be after the draft amendments")
	v.order(pp+"tribunal_order_done", pd.TribunalOrder, pd.TribunalOrderDone, "This must be after the Tribunal's order")
	v.order(pp+"placement_named", pd.PlacementRequested, pd.PlacementNamed, "This must be on or after the date you asked for a school")
	if pd.PhaseTransferYear != 0 && (pd.PhaseTransferYear < 1990 || pd.PhaseTransferYear > 2100) {
		v.add(pp+"phase_transfer_year", "Enter the year of the move, for example 2027")
	}
	if len(p.Provisions) > maxProvisions {
		v.add(path+".provisions", "Too many provisions: the most is "+itoa(maxProvisions))
	}
	for i, pr := range p.Provisions {
		validateProvision(v, path+".provisions["+itoa(i)+"]", pr, provIDs)
	}
	for i, s := range p.EducationLost {
		validateSpell(v, path+".education_lost["+itoa(i)+"]", s)
	}
	for i, s := range p.Steps {
		sp := path + ".promised_steps[" + itoa(i) + "]"
		v.text(sp+".name", s.Name, maxShortText, true, "what was promised")
		v.date(sp+".due", s.Due, true)
		v.date(sp+".done", s.Done, false)
	}
}

// validatePlanOrder checks plans over time: plans of one kind are listed
// oldest first, no two have the same date, and an older plan that has an
// end date ends before the next one starts. An older plan with no end date
// ends the day before the next (PlanPeriods), so it never overlaps. Plans
// of different kinds (an EHC plan and a care plan) may run at once.
func validatePlanOrder(v *validator, plans []Plan) {
	last := map[PlanKind]int{}
	for i, p := range plans {
		s := PlanStart(p)
		if s.IsZero() {
			continue
		}
		j, ok := last[p.Kind]
		last[p.Kind] = i
		if !ok {
			continue
		}
		prev, ps := plans[j], PlanStart(plans[j])
		path := "plans[" + itoa(i) + "]"
		switch {
		case s.Before(ps):
			v.add(path+".issued", "This plan is dated "+s.Long()+", before the plan above it ("+ps.Long()+"): put the plans in date order, oldest first")
		case s.Equal(ps):
			v.add(path+".issued", "Two plans have the same date, "+s.Long()+": give the newer plan its own date")
		case !prev.Ended.IsZero() && !prev.Ended.Latest().Before(s):
			v.add("plans["+itoa(j)+"].ended", "This plan ends on "+prev.Ended.Long()+", but the newer plan starts on "+s.Long()+": end it the day before at the latest")
		default:
			// Each piece of help belongs to the plan in force: none is
			// counted in two plans at once.
			for k, pr := range p.Provisions {
				if !pr.Start.IsZero() && pr.Start.Before(s) {
					v.add(path+".provisions["+itoa(k)+"].start", "This help starts on "+pr.Start.Long()+", before its plan of "+s.Long()+": start it on that date or later, or add it to the older plan")
				}
			}
			for k, pr := range prev.Provisions {
				if pr.End.IsZero() || !pr.End.Before(s) {
					v.add("plans["+itoa(j)+"].provisions["+itoa(k)+"].end", "This help goes on after its plan was replaced on "+s.Long()+": end it the day before, or carry it forward into the newer plan")
				}
			}
		}
	}
}

func validateSpell(v *validator, path string, s Spell) {
	v.date(path+".from", s.From, true)
	v.date(path+".to", s.To, false)
	v.order(path+".to", s.From, s.To, "End date must be after the start date")
	v.text(path+".note", s.Note, maxLongText, false, "")
}

func validateProvision(v *validator, path string, p Provision, ids map[string]bool) {
	v.text(path+".id", p.ID, 64, true, "an id for this provision")
	if p.ID != "" && ids[p.ID] {
		v.add(path+".id", "Two provisions have the same id")
	}
	ids[p.ID] = true
	if !sections[p.Section] {
		v.add(path+".section", "Choose the section of the plan: F, G or H")
	}
	if !provTypes[p.Type] {
		v.add(path+".type", "Choose the type of help")
	}
	v.text(path+".wording", p.Wording, maxLongText, false, "")
	v.text(path+".provider", p.Provider, maxShortText, false, "")
	v.text(path+".name", p.Name, maxShortText, false, "")
	v.text(path+".notes", p.Notes, maxLongText, false, "")
	f := p.Frequency
	if !units[f.Unit] {
		v.add(path+".frequency.unit", "Choose sessions, hours or minutes")
	}
	if !pers[f.Per] {
		v.add(path+".frequency.per", "Choose how often: per week, fortnight, month, half term, term, year, or in total")
	}
	if f.Count < 1 {
		v.add(path+".frequency.count", "must be at least 1")
	} else if lim, ok := maxPerPeriod[f.Per]; ok {
		max := lim[0]
		switch f.Unit {
		case UnitHours:
			max = lim[1]
		case UnitMinutes:
			max = lim[1] * 60
		}
		if f.Count > max {
			v.add(path+".frequency.count", "This looks too many for one "+strings.ReplaceAll(string(f.Per), "_", " ")+": the most allowed is "+itoa(max))
		}
	}
	if p.SessionMinutes < 0 || p.SessionMinutes > 600 {
		v.add(path+".session_minutes", "A session must be between 1 minute and 10 hours long")
	}
	if !weeksSet[p.Weeks] {
		v.add(path+".weeks", "Choose term time only or all year")
	}
	seenDay := map[string]bool{}
	for i, w := range p.Weekdays {
		wp := path + ".weekdays[" + itoa(i) + "]"
		if _, ok := weekdayByName(w); !ok {
			v.add(wp, "Choose a day of the week, monday to sunday")
		}
		if seenDay[w] {
			v.add(wp, "This day is already in the list")
		}
		seenDay[w] = true
	}
	v.date(path+".start", p.Start, false)
	v.date(path+".end", p.End, false)
	v.order(path+".end", p.Start, p.End, "End date must be after the start date")
	v.money(path+".price_per_session", p.PricePerSession)
	if p.IndirectMissed && !p.IncludesIndirect {
		v.add(path+".indirect_missed", "Tick that the plan includes indirect work first")
	}
	for i, s := range p.NotInPlace {
		validateSpell(v, path+".not_in_place["+itoa(i)+"]", s)
	}
	for i, s := range p.PartlyInPlace {
		sp := path + ".partly_in_place[" + itoa(i) + "]"
		validateSpell(v, sp, Spell{From: s.From, To: s.To, Note: s.Note})
		if s.Given < 0 || (p.Frequency.Count > 0 && s.Given >= p.Frequency.Count) {
			v.add(sp+".given", "Enter how much was given: less than the "+itoa(p.Frequency.Count)+" in the plan")
		}
	}
	if p.MakeUpAgreed < 0 || p.MakeUpAgreed > maxOutcomes {
		v.add(path+".make_up_agreed", "Enter how many sessions the council agreed to make up")
	}
	if len(p.Outcomes) > maxOutcomes {
		v.add(path+".outcomes", "Too many sessions recorded: the most is "+itoa(maxOutcomes))
	}
	type key struct {
		d   Date
		seq int
	}
	byKey := map[key]Status{}
	for i, o := range p.Outcomes {
		op := path + ".outcomes[" + itoa(i) + "]"
		v.date(op+".date", o.Date, true)
		if o.Seq < 0 || o.Seq > 9 {
			v.add(op+".seq", "The session number on one day must be between 0 and 9")
		}
		k := key{o.Date, o.Seq}
		if _, dup := byKey[k]; dup {
			v.add(op+".date", "There is already a session on this day: give the second one a different session number")
		}
		byKey[k] = o.Status
		if !statuses[o.Status] {
			v.add(op+".status", "Choose what happened: delivered, missed, child absent, made up or paid privately")
		}
		if o.Reason != "" && !reasons[o.Reason] {
			v.add(op+".reason", "Choose a reason from the list")
		}
		if o.Reason != "" && o.Status != StatusMissed && o.Status != StatusPrivate {
			v.add(op+".reason", "A reason is only for a missed session")
		}
		v.money(op+".cost", o.Cost)
		if !o.Cost.IsZero() && o.Status != StatusPrivate {
			v.add(op+".cost", "A cost is only for a session you paid for yourself")
		}
		v.text(op+".note", o.Note, maxLongText, false, "")
	}
	replaced := map[key]bool{}
	for i, o := range p.Outcomes {
		op := path + ".outcomes[" + itoa(i) + "]"
		if o.Status != StatusMadeUp {
			if !o.Replaces.IsZero() {
				v.add(op+".replaces", "Only a made-up session replaces another one")
			}
			continue
		}
		if o.Replaces.IsZero() {
			v.add(op+".replaces", "Say which missed session this one makes up for")
			continue
		}
		v.date(op+".replaces", o.Replaces, true)
		k := key{o.Replaces, o.ReplacesSeq}
		if st, ok := byKey[k]; ok && st != StatusMissed {
			v.add(op+".replaces", "The session it makes up for must be one marked missed")
		}
		if replaced[k] {
			v.add(op+".replaces", "Another session already makes up for this one")
		}
		replaced[k] = true
	}
	for i, cp := range p.CountPeriods {
		cpp := path + ".count_periods[" + itoa(i) + "]"
		v.date(cpp+".from", cp.From, true)
		v.date(cpp+".to", cp.To, true)
		v.order(cpp+".to", cp.From, cp.To, "End date must be after the start date")
		for _, n := range []struct {
			name string
			n    int
		}{{"due", cp.Due}, {"delivered", cp.Delivered}, {"missed", cp.Missed}, {"made_up", cp.MadeUp},
			{"child_absent", cp.ChildAbsent}, {"paid_privately", cp.PaidPrivately}} {
			v.count(cpp+"."+n.name, n.n, maxCountPerItem, "The number")
		}
		if cp.Due > 0 && cp.Delivered+cp.Missed+cp.ChildAbsent+cp.PaidPrivately > cp.Due {
			v.add(cpp, "Delivered, missed, absent and paid-for sessions add up to more than were due")
		}
		if cp.MadeUp > cp.Missed {
			v.add(cpp+".made_up", "More sessions made up than were missed")
		}
		if cp.Reason != "" && !reasons[cp.Reason] {
			v.add(cpp+".reason", "Choose a reason from the list")
		}
		v.money(cpp+".private_cost", cp.PrivateCost)
		if !cp.PrivateCost.IsZero() && cp.PaidPrivately == 0 {
			v.add(cpp+".private_cost", "A cost is only for sessions you paid for yourself")
		}
		v.text(cpp+".note", cp.Note, maxLongText, false, "")
		for j := 0; j < i; j++ {
			o := p.CountPeriods[j]
			if !cp.From.IsZero() && !o.From.IsZero() && !cp.From.After(o.To) && !o.From.After(cp.To) {
				v.add(cpp, "This period overlaps another count for the same provision")
			}
		}
	}
}

func validateComplaint(v *validator, c Complaint) {
	for _, f := range []struct {
		name string
		d    Date
	}{{"problem_noticed", c.ProblemNoticed}, {"stage1_sent", c.Stage1Sent}, {"stage1_acknowledged", c.Stage1Acknowledged},
		{"stage1_answered", c.Stage1Answered}, {"stage2_sent", c.Stage2Sent}, {"stage2_acknowledged", c.Stage2Acknowledged},
		{"stage2_answered", c.Stage2Answered}, {"stage3_requested", c.Stage3Requested}, {"stage3_panel_held", c.Stage3PanelHeld},
		{"ombudsman_sent", c.OmbudsmanSent}} {
		v.date("complaint."+f.name, f.d, false)
	}
	v.order("complaint.stage1_acknowledged", c.Stage1Sent, c.Stage1Acknowledged, "The acknowledgement cannot come before the complaint")
	v.order("complaint.stage1_answered", c.Stage1Sent, c.Stage1Answered, "The answer cannot come before the complaint")
	v.order("complaint.stage2_sent", c.Stage1Sent, c.Stage2Sent, "Stage 2 must come after stage 1")
	v.order("complaint.stage2_acknowledged", c.Stage2Sent, c.Stage2Acknowledged, "The acknowledgement cannot come before the complaint")
	v.order("complaint.stage2_answered", c.Stage2Sent, c.Stage2Answered, "The answer cannot come before the complaint")
	v.order("complaint.stage3_requested", c.Stage2Sent, c.Stage3Requested, "Stage 3 must come after stage 2")
	v.order("complaint.stage3_panel_held", c.Stage3Requested, c.Stage3PanelHeld, "The panel cannot meet before you asked for it")
	pol := c.Policy
	if pol.Procedure != "" && !procedures[pol.Procedure] {
		v.add("complaint.policy.procedure", "Choose corporate or social_care")
	}
	for _, f := range []struct {
		name string
		n    int
	}{{"stage1_ack_days", pol.Stage1AckDays}, {"stage1_answer_days", pol.Stage1AnswerDays},
		{"stage2_ack_days", pol.Stage2AckDays}, {"stage2_answer_days", pol.Stage2AnswerDays}} {
		v.count("complaint.policy."+f.name, f.n, 130, "The number of working days")
	}
	v.text("complaint.policy.source", pol.Source, maxShortText*5, false, "")
}

func validateSchoolYear(v *validator, path string, sy SchoolYear) {
	if sy.StartYear() == 0 || sy.Year != schoolYearLabel(sy.StartYear()) {
		v.add(path+".year", "Write the school year like 2025-26")
	}
	if len(sy.Terms) == 0 || len(sy.Terms) > 6 {
		v.add(path+".terms", "A school year has between 1 and 6 terms")
	}
	for i, t := range sy.Terms {
		tp := path + ".terms[" + itoa(i) + "]"
		v.text(tp+".name", t.Name, 50, false, "")
		v.date(tp+".start", t.Start, true)
		v.date(tp+".end", t.End, true)
		v.order(tp+".end", t.Start, t.End, "End date must be after the start date")
		if t.HalfTermStart.IsZero() != t.HalfTermEnd.IsZero() {
			v.add(tp+".half_term_end", "Give both the first and the last day of half term")
		}
		v.order(tp+".half_term_end", t.HalfTermStart, t.HalfTermEnd, "Half term must end after it starts")
		if !t.HalfTermStart.IsZero() && (t.HalfTermStart.Before(t.Start) || t.HalfTermEnd.After(t.End)) {
			v.add(tp+".half_term_start", "Half term must be inside the term")
		}
		if i > 0 && !t.Start.IsZero() && !sy.Terms[i-1].End.IsZero() && !t.Start.After(sy.Terms[i-1].End) {
			v.add(tp+".start", "A term must start after the one before it ends")
		}
	}
	for i, d := range sy.InsetDays {
		v.date(path+".inset_days["+itoa(i)+"]", d, true)
	}
	v.text(path+".source", sy.Source, maxLongText, false, "")
}

// Limits of the letter details.
const (
	maxLetterLines = 10 // address lines
	maxLetterCC    = 10 // people copied in
)

// lines checks a list of one-line texts, like an address.
func (v *validator) lines(path string, ls []string, max int, what string) {
	if len(ls) > max {
		v.add(path, "Too many "+what+": the most is "+itoa(max))
	}
	for i, l := range ls {
		v.text(path+"["+itoa(i)+"]", l, maxShortText, false, "")
	}
}

func validateLetter(v *validator, l LetterDetails) {
	const p = "letter."
	v.text(p+"sender_name", l.SenderName, maxShortText, false, "")
	v.lines(p+"sender_address", l.SenderAddress, maxLetterLines, "address lines")
	v.text(p+"sender_email", l.SenderEmail, maxShortText, false, "")
	if e := strings.TrimSpace(l.SenderEmail); e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " <>")) {
		v.add(p+"sender_email", "Enter an email address like name@example.com")
	}
	v.text(p+"sender_phone", l.SenderPhone, maxShortText, false, "")
	v.text(p+"recipient_name", l.RecipientName, maxShortText, false, "")
	v.text(p+"recipient_role", l.RecipientRole, maxShortText, false, "")
	v.lines(p+"recipient_address", l.RecipientAddress, maxLetterLines, "address lines")
	v.text(p+"school", l.School, maxShortText, false, "")
	v.text(p+"impact", l.Impact, maxLongText, false, "")
	v.text(p+"extra", l.Extra, maxLongText, false, "")
	v.text(p+"not_resolved", l.NotResolved, maxLongText, false, "")
	v.lines(p+"cc", l.CC, maxLetterCC, "people to copy in")
	v.text(p+"stage1_reference", l.Stage1Reference, maxShortText, false, "")
	v.money(p+"ask_for", l.AskFor)
}
