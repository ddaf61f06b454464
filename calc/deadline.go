package calc

// DeadlineStatus says where a deadline stands.
type DeadlineStatus string

// Deadline statuses.
const (
	Met     DeadlineStatus = "met"     // done on or before the due date
	Late    DeadlineStatus = "late"    // done after the due date
	Pending DeadlineStatus = "pending" // not done, not yet due
	Overdue DeadlineStatus = "overdue" // not done, due date passed
	// TooEarly is for the few limits that set an earliest date (Earliest):
	// done before it.
	TooEarly DeadlineStatus = "too_early"
)

// Deadline is one statutory or policy time limit (RULES.md §2) worked out
// from the dates the parent knows.
type Deadline struct {
	Key    string         `json:"key"`               // stable name of the rule, e.g. "final_plan_20_weeks"
	PlanID string         `json:"plan_id,omitempty"` // empty for complaint and contact deadlines
	Rule   string         `json:"rule"`              // plain words
	Source string         `json:"source"`            // the law or policy
	From   Date           `json:"from"`              // the date the limit counts from
	Due    Date           `json:"due"`
	Done   Date           `json:"done,omitzero"`
	Status DeadlineStatus `json:"status"`
	// Lateness, on the done date or (when overdue) today; zero otherwise.
	DaysLate        int `json:"days_late"`
	WeeksLate       int `json:"weeks_late"` // whole weeks
	WorkingDaysLate int `json:"working_days_late"`
	// PlanDelay marks the steps of making or amending a plan, which the
	// estimate's delay line uses.
	PlanDelay bool `json:"plan_delay,omitempty"`
	// ParentDeadline marks a limit on the parent (appeal, Ombudsman), not
	// the council.
	ParentDeadline bool `json:"parent_deadline,omitempty"`
	// Earliest marks a limit that says "not before" (the parent's 15 days
	// to comment on a draft): Due is the earliest day, and the days late
	// count how early it was done.
	Earliest bool `json:"earliest,omitempty"`
	// Note says more about how the date was worked out, for example that
	// it counts from the first problem in the records because the parent
	// has not said when they knew.
	Note string `json:"note,omitempty"`
	// FromRecords is true when From is the first problem in the records,
	// not a date the parent gave.
	FromRecords bool `json:"from_records,omitempty"`
	// dueFromLast marks a Due already counted from the last day of a
	// month-only From (working days cannot be shifted by calendar days:
	// a bank holiday or weekend at the month's end moves them).
	dueFromLast bool
}

// Complaint timescales and their sources (RULES.md §2 and §8).
const (
	codeSource       = "Local Government and Social Care Ombudsman, Complaint Handling Code (applied by the Ombudsman to complaints made from 1 April 2026)"
	ownPolicySource  = "the council's own complaints policy, which set the time limits before the Ombudsman's Complaint Handling Code applied from 1 April 2026 (these are the usual numbers: check the council's policy)"
	socialCareSource = "Children Act 1989 Representations Procedure (England) Regulations 2006"
)

// CodeFrom is the first day the Ombudsman applies its Complaint Handling
// Code to a council's complaint handling (RULES.md §8). Before it, the
// council's own published policy is the measure.
var CodeFrom = MustDate(2026, 4, 1)

// CodeExtensionDays is the most the Complaint Handling Code lets a council
// extend a stage 1 answer by, in working days, saying why (RULES.md §8).
const CodeExtensionDays = 10

// EffectivePolicy returns the complaint timescales in use today: the
// case's own numbers, with the procedure's defaults for any left at zero.
// For a complaint made on a known date use PolicyOn.
func EffectivePolicy(p ComplaintPolicy) ComplaintPolicy { return PolicyOn(p, Date{}).ComplaintPolicy }

// Timescales are the complaint time limits that applied to a complaint
// made on one date.
type Timescales struct {
	ComplaintPolicy
	// Code is true when the Complaint Handling Code applied: each answer
	// is due a number of working days after the acknowledgement, which is
	// due 5 working days after the complaint was sent.
	Code bool
	// ExtensionDays is how far the stage 1 answer may be extended (the
	// Code: at most 10 working days); 0 when the rules give no extension.
	ExtensionDays int
	// Usual is true when the complaint came before the Code applied and
	// the parent has not given the council's own numbers: the usual
	// numbers stand in for the council's policy.
	Usual bool
}

// PolicyOn returns the timescales that applied to a complaint made on
// date on (zero: today's rules). The parent's own numbers (the council's
// policy) always win. Otherwise: the 2006 regulations for the social-care
// procedure; for the council's own procedure, the Complaint Handling Code
// from 1 April 2026, and before that the council's own policy, for which
// the usual numbers stand in and the source says so.
func PolicyOn(p ComplaintPolicy, on Date) Timescales {
	def := ComplaintPolicy{Procedure: ProcedureCorporate, Stage1AckDays: 5, Stage1AnswerDays: 10,
		Stage2AckDays: 5, Stage2AnswerDays: 20, Source: codeSource}
	code := on.IsZero() || !on.Before(CodeFrom)
	if !code {
		def.Source = ownPolicySource
	}
	if p.Procedure == ProcedureSocialCare {
		def = ComplaintPolicy{Procedure: ProcedureSocialCare, Stage1AnswerDays: 10, Stage2AnswerDays: 25, Source: socialCareSource}
		code = false
	}
	out := def
	if p.Stage1AckDays > 0 {
		out.Stage1AckDays = p.Stage1AckDays
	}
	if p.Stage1AnswerDays > 0 {
		out.Stage1AnswerDays = p.Stage1AnswerDays
	}
	if p.Stage2AckDays > 0 {
		out.Stage2AckDays = p.Stage2AckDays
	}
	if p.Stage2AnswerDays > 0 {
		out.Stage2AnswerDays = p.Stage2AnswerDays
	}
	if p.Source != "" || p != (ComplaintPolicy{Procedure: p.Procedure}) {
		out.Source = "Council's complaint policy"
		if p.Source != "" {
			out.Source += ": " + p.Source
		}
		code = false
	}
	t := Timescales{ComplaintPolicy: out, Code: code, Usual: !code && out.Source == ownPolicySource}
	if code {
		t.ExtensionDays = CodeExtensionDays
	}
	return t
}

// StageDue returns when the acknowledgement and the answer of complaint
// stage 1 or 2 are due, for a complaint sent on sent and acknowledged on
// ack (zero: not yet). Under the Code the answer counts from the
// acknowledgement, and from the day it was due if it came late or not at
// all, so a late acknowledgement never gives the council more time; under
// other rules it counts from the day the complaint was sent. extended is
// the latest day with the longest extension allowed (zero when none is).
func (t Timescales) StageDue(cal Calendar, stage int, sent, ack Date) (ackDue, answerDue, extended Date) {
	ackDays, ansDays := t.Stage1AckDays, t.Stage1AnswerDays
	if stage == 2 {
		ackDays, ansDays = t.Stage2AckDays, t.Stage2AnswerDays
	}
	if sent.IsZero() {
		return
	}
	if ackDays > 0 {
		ackDue = cal.AddWorkingDays(sent, ackDays)
	}
	base := sent
	if t.Code && !ackDue.IsZero() {
		base = ackDue
		// An acknowledgement known only to its month counts from its last day.
		if a := ack.Latest(); !a.IsZero() && a.Before(ackDue) && !a.Before(sent) {
			base = a
		}
	}
	answerDue = cal.AddWorkingDays(base, ansDays)
	if stage == 1 && t.ExtensionDays > 0 {
		extended = cal.AddWorkingDays(answerDue, t.ExtensionDays)
	}
	return
}

// Deadlines returns every deadline that can be worked out from the case,
// plan by plan and then for the complaint and the contact log, with its
// status on today.
func Deadlines(c Case, cal Calendar, today Date) []Deadline {
	var out []Deadline
	// A closed case, or an ended plan, stops its deadlines on that day:
	// nothing is overdue for years after the provision restarted.
	open := today
	today = stopDate(today, c.Closed)
	addAt := func(stop Date) func(Deadline) {
		return func(d Deadline) {
			if d.From.IsZero() || d.Due.IsZero() {
				return
			}
			d = monthOnly(d) // a date known only to its month, counted safely
			if stop != open && d.Due.After(stop) && d.Done.IsZero() {
				return // not yet due when the case or plan stopped
			}
			out = append(out, finish(d, cal, stop))
		}
	}
	add := addAt(today)
	for _, p := range c.Plans {
		stop := stopDate(today, p.Ended)
		planDeadlines(p, stop, addAt(stop))
	}
	cp := c.Complaint
	policy := cp.Policy
	policy.Procedure = ComplaintProcedure(c)
	wd := func(n int) string { return itoa(n) + " working days" }
	stage := func(n int, sent, ack, answered Date) {
		if sent.IsZero() {
			return
		}
		t := PolicyOn(policy, sent)
		ackDays, ansDays := t.Stage1AckDays, t.Stage1AnswerDays
		if n == 2 {
			ackDays, ansDays = t.Stage2AckDays, t.Stage2AnswerDays
		}
		// Sent some day in a month: the council's days count from its last.
		ackDue, ansDue, ext := t.StageDue(cal, n, sent.Latest(), ack)
		s := "Stage " + itoa(n)
		if ackDays > 0 && (!ack.IsZero() || answered.IsZero()) {
			add(Deadline{Key: "complaint_stage" + itoa(n) + "_ack", Rule: s + " complaint acknowledged within " + wd(ackDays),
				Source: t.Source, From: sent, Due: ackDue, Done: ack, dueFromLast: true})
		}
		rule := s + " complaint answered within " + wd(ansDays)
		if t.Code && ackDays > 0 {
			rule += " of the acknowledgement (counted from the day it was due, if it came late or not at all)"
		}
		if !ext.IsZero() {
			rule += "; the council may extend this by at most " + wd(t.ExtensionDays) + ", to " + ext.Long() + ", if it says why"
		}
		add(Deadline{Key: "complaint_stage" + itoa(n) + "_answer", Rule: rule,
			Source: t.Source, From: sent, Due: ansDue, Done: answered, dueFromLast: true})
	}
	stage(1, cp.Stage1Sent, cp.Stage1Acknowledged, cp.Stage1Answered)
	stage(2, cp.Stage2Sent, cp.Stage2Acknowledged, cp.Stage2Answered)
	pol := EffectivePolicy(policy)
	if !cp.Stage3Requested.IsZero() && pol.Procedure == ProcedureSocialCare {
		add(Deadline{Key: "complaint_stage3_panel", Rule: "Stage 3 review panel held within 30 working days of the request",
			Source: socialCareSource, From: cp.Stage3Requested, Due: cal.AddWorkingDays(cp.Stage3Requested.Latest(), 30), Done: cp.Stage3PanelHeld,
			dueFromLast: true})
	}
	parentLimits(c, add)
	for i, ct := range c.Contacts {
		if ct.ReplyDueBy.IsZero() {
			continue
		}
		with := ct.With
		if with == "" {
			with = "the council"
		}
		add(Deadline{Key: "contact_" + itoa(i) + "_reply", Rule: "Reply or action promised by " + with,
			Source: "Your contact log (" + ct.Date.Long() + ")", From: ct.Date, Due: ct.ReplyDueBy, Done: ct.Replied})
	}
	return out
}

func planDeadlines(p Plan, today Date, add func(Deadline)) {
	for i, s := range p.Steps {
		add(Deadline{Key: "promised_step_" + itoa(i), PlanID: p.ID, Rule: s.Name,
			Source: "The plan itself", From: s.Due, Due: s.Due, Done: s.Done})
	}
	pd := p.Process
	if r := pd.SocialCareAssessmentRequested; !r.IsZero() {
		// No regulation sets it; the decision set's guidance figure.
		add(Deadline{Key: "social_care_assessment", PlanID: p.ID, Rule: "Social-care (or parent carer's) assessment within 6 weeks of asking",
			Source: "Guidance of 4 to 6 weeks cited in Ombudsman decision Somerset 22 003 345", From: r, Due: r.AddDays(42),
			Done: pd.SocialCareAssessmentDone, PlanDelay: true})
	}
	if p.Kind != PlanEHC {
		return
	}
	weeks := func(d Date, n int) Date { return d.AddDays(7 * n) }
	if r := pd.AssessmentRequested; !r.IsZero() {
		// A later step proves the decision was made; its date is then unknown.
		laterStep := !pd.DraftIssued.IsZero() || !pd.FinalIssued.IsZero() || !pd.NoPlanDecision.IsZero()
		if !pd.AssessmentDecision.IsZero() || !laterStep {
			add(Deadline{Key: "assessment_decision_6_weeks", PlanID: p.ID, Rule: "Decide whether to assess within 6 weeks of the request",
				Source: "SEND Regulations 2014 regs 4-5", From: r, Due: weeks(r, 6), Done: pd.AssessmentDecision, PlanDelay: true})
		}
		if !pd.NoPlanDecision.IsZero() && pd.FinalIssued.IsZero() {
			add(Deadline{Key: "no_plan_16_weeks", PlanID: p.ID, Rule: "Say within 16 weeks of the request if no plan will be made",
				Source: "SEND Regulations 2014 reg 10", From: r, Due: weeks(r, 16), Done: pd.NoPlanDecision, PlanDelay: true})
		} else {
			add(Deadline{Key: "final_plan_20_weeks", PlanID: p.ID, Rule: "Final plan within 20 weeks of the request for assessment",
				Source: "SEND Regulations 2014 reg 13(2)", From: r, Due: weeks(r, 20), Done: pd.FinalIssued, PlanDelay: true})
		}
	}
	if dr := pd.DraftIssued; !dr.IsZero() && !pd.FinalIssued.IsZero() {
		add(Deadline{Key: "draft_comments_15_days", PlanID: p.ID, Earliest: true,
			Rule:   "You must have at least 15 days to comment on the draft before the plan is made final",
			Source: "SEND Regulations 2014 reg 13", From: dr, Due: dr.AddDays(15), Done: pd.FinalIssued})
	}
	base := pd.FinalIssued
	if base.IsZero() {
		base = p.Issued
	}
	reviewSrc := "Children and Families Act 2014 s44; SEND Code of Practice 9.168-9.169"
	if rv := p.LastReview; !rv.IsZero() {
		if !base.IsZero() && base.Before(rv) {
			add(Deadline{Key: "annual_review_12_months", PlanID: p.ID, Rule: "Annual review within 12 months of the plan",
				Source: reviewSrc, From: base, Due: base.AddMonths(12), Done: rv, PlanDelay: true})
		}
		add(Deadline{Key: "next_annual_review", PlanID: p.ID, Rule: "Next annual review within 12 months of the last one",
			Source: reviewSrc, From: rv, Due: rv.AddMonths(12)})
		if !pd.ReviewNoticeSent.IsZero() {
			add(Deadline{Key: "review_notice_2_weeks", PlanID: p.ID, Rule: "Notice of the review meeting at least 2 weeks before it",
				Source: "SEND Regulations 2014 reg 20(3)", From: rv, Due: rv.AddDays(-14), Done: pd.ReviewNoticeSent})
		}
		if !pd.ReviewReportSent.IsZero() {
			add(Deadline{Key: "review_report_2_weeks", PlanID: p.ID, Rule: "Report of the review meeting within 2 weeks",
				Source: "SEND Regulations 2014 reg 20(7)-(8)", From: rv, Due: weeks(rv, 2), Done: pd.ReviewReportSent})
		}
		decided := pd.ReviewDecision
		if decided.IsZero() {
			decided = pd.AmendmentsProposed // proposed amendments are the decision to amend
		}
		// A decision date nobody recorded is unknown, not missing: count the
		// step only when its outcome is recorded or the review is recent
		// enough that the parent is still waiting for it.
		if !decided.IsZero() || pd.ReviewOutcomeAwaited || (!today.IsZero() && today.Before(rv.AddMonths(12))) {
			add(Deadline{Key: "review_decision_4_weeks", PlanID: p.ID, Rule: "Decision to keep, amend or end the plan (with any draft amendments) within 4 weeks of the review meeting",
				Source: "SEND Regulations 2014 reg 20(10)", From: rv, Due: weeks(rv, 4), Done: decided, PlanDelay: true})
		}
		if !pd.AmendmentsProposed.IsZero() || !pd.AmendedFinalIssued.IsZero() || pd.ReviewOutcomeAwaited {
			add(Deadline{Key: "amended_plan_12_weeks", PlanID: p.ID, Rule: "Final amended plan within 12 weeks of the review meeting",
				Source: "SEND Regulations 2014 regs 20(10), 22(3); R (L) v Devon CC [2022] EWHC 493 (Admin)",
				From:   rv, Due: weeks(rv, 12), Done: pd.AmendedFinalIssued, PlanDelay: true})
		}
	}
	if a := pd.AmendmentsProposed; !a.IsZero() {
		add(Deadline{Key: "amended_plan_8_weeks", PlanID: p.ID, Rule: "Final amended plan within 8 weeks of the draft amendments",
			Source: "SEND Regulations 2014 reg 22(3)", From: a, Due: weeks(a, 8), Done: pd.AmendedFinalIssued, PlanDelay: true})
	}
	if y := pd.PhaseTransferYear; y != 0 {
		due, rule := MustDate(y, 2, 15), "Plan amended to name the new school by 15 February of the year of the move"
		if pd.PhaseTransferPost16 {
			due, rule = MustDate(y, 3, 31), "Plan amended to name the post-16 place by 31 March of the year of the move"
		}
		add(Deadline{Key: "phase_transfer", PlanID: p.ID, Rule: rule, Source: "SEND Regulations 2014 reg 18",
			From: due, Due: due, Done: pd.AmendedFinalIssued, PlanDelay: true})
	}
	if d, ok := placementDeadline(p); ok {
		add(d)
	}
	if t := pd.TribunalOrder; !t.IsZero() {
		add(Deadline{Key: "tribunal_order_5_weeks", PlanID: p.ID, Rule: "Plan amended as the Tribunal ordered within 5 weeks",
			Source: "SEND Regulations 2014 reg 44(2)(e)", From: t, Due: weeks(t, 5), Done: pd.TribunalOrderDone, PlanDelay: true})
	}
	if d := pd.AppealableDecision; !d.IsZero() {
		due := d.AddMonths(2)
		if m := pd.MediationCertificate; !m.IsZero() && m.AddMonths(1).After(due) {
			due = m.AddMonths(1)
		}
		add(Deadline{Key: "tribunal_appeal", PlanID: p.ID, Rule: "Appeal to the SEND Tribunal within 2 months of the decision (or 1 month from the mediation certificate, if later)",
			Source: "SEND Regulations 2014", From: d, Due: due, Done: pd.TribunalAppealSent, ParentDeadline: true})
	}
}

// placementDeadline is the school or other place an EHC plan must name
// once it is final. It applies when the plan was made final without one:
// the last final (or final amended) plan issued before the school was
// named or, while none is named, since the parent asked for one. The
// school was due when that plan was due (20 weeks from the request for
// assessment, 12 weeks from the review meeting), or, with that date
// unknown, on the day the plan was made final. Without such a plan the
// rulebook sets no time limit, and there is no deadline.
func placementDeadline(p Plan) (Deadline, bool) {
	pd := p.Process
	named, asked := pd.PlacementNamed, pd.PlacementRequested
	if named.IsZero() && asked.IsZero() {
		return Deadline{}, false
	}
	var final, due Date
	var source string
	consider := func(issued, from Date, weeks int, src string) {
		if issued.IsZero() || (!named.IsZero() && !issued.Before(named)) || (!asked.IsZero() && issued.Before(asked)) ||
			!issued.After(final) {
			return
		}
		final, due, source = issued, issued, "the plan was made final without naming one"
		if !from.IsZero() && from.Before(issued) {
			due, source = from.AddDays(7*weeks), src
		}
	}
	consider(pd.FinalIssued, pd.AssessmentRequested, 20, "SEND Regulations 2014 reg 13(2): the final plan within 20 weeks of the request")
	consider(pd.AmendedFinalIssued, p.LastReview, 12, "SEND Regulations 2014 regs 20(10), 22(3): the final amended plan within 12 weeks of the review meeting")
	if final.IsZero() {
		return Deadline{}, false
	}
	from := asked
	if from.IsZero() || from.After(due) {
		from = due
	}
	return Deadline{Key: "placement_named", PlanID: p.ID, Rule: "A school or other place named in the plan when it is made final",
		Source: source, From: from, Due: due, Done: named, PlanDelay: true}, true
}

// monthOnly makes a deadline that counts from a date known only to the
// month conservative, and says so: a limit on the council counts from the
// month's last day (never claiming it late when it might not be), a limit
// on the parent from its first (never letting a parent miss it).
func monthOnly(d Deadline) Deadline {
	if !d.From.MonthOnly() || d.Earliest {
		return d
	}
	if d.ParentDeadline {
		d.Note = joinNote(d.Note, "You gave only the month, "+d.From.Long()+", so to be safe this counts from its first day.")
		return d
	}
	last := d.From.Latest()
	if !d.dueFromLast {
		d.Due = d.Due.AddDays(last.Sub(d.From.Earliest()))
	}
	d.Note = joinNote(d.Note, "You gave only the month, "+d.From.Long()+", so this counts from its last day, "+last.Long()+": the council is not counted late unless it was late even then.")
	return d
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// finish sets the status and lateness of a deadline.
func finish(d Deadline, cal Calendar, today Date) Deadline {
	if d.Done.MonthOnly() && !d.Earliest {
		// Done some day in a month: late only if late even on its first
		// day; on time if on time even on its last.
		first, last := d.Done.Earliest(), d.Done.Latest()
		switch {
		case !last.After(d.Due):
			d.Done = last
		case first.After(d.Due):
			d.Done = first
		default:
			d.Status = Met
			d.Note = joinNote(d.Note, "Done in "+d.Done.Long()+": it may have been on time, so it counts as on time.")
			return d
		}
	}
	if d.Earliest {
		if d.Done.IsZero() {
			d.Status = Pending
			return d
		}
		if !d.Done.Before(d.Due) {
			d.Status = Met
			return d
		}
		d.Status = TooEarly
		d.DaysLate = d.Due.Sub(d.Done)
		d.WeeksLate = d.DaysLate / 7
		d.WorkingDaysLate = cal.WorkingDaysBetween(d.Done, d.Due)
		return d
	}
	end := d.Done
	switch {
	case !d.Done.IsZero() && !d.Done.After(d.Due):
		d.Status = Met
		return d
	case !d.Done.IsZero():
		d.Status = Late
	case today.IsZero() || !today.After(d.Due):
		d.Status = Pending
		return d
	default:
		d.Status = Overdue
		end = today
	}
	d.DaysLate = end.Sub(d.Due)
	d.WeeksLate = d.DaysLate / 7
	d.WorkingDaysLate = cal.WorkingDaysBetween(d.Due, end)
	return d
}

// hasSection reports whether any provision of the case is in section s.
func hasSection(c Case, s Section) bool {
	for _, p := range c.Plans {
		for _, pr := range p.Provisions {
			if pr.Section == s {
				return true
			}
		}
	}
	return false
}

// The Ombudsman's usual wait for a council's final answer (RULES.md §5).
const ombudsmanWaitDays = 7 * 12

// parentLimits adds the time limits on the parent: the Ombudsman's 12
// months and the earliest day to go to it, the social-care procedure's
// year, and the NHS's 12 months. Each counts from the day the parent knew
// of the problem or, when they have not said, from the first problem in
// the records, and says so.
func parentLimits(c Case, add func(Deadline)) {
	cp := c.Complaint
	notGiven := "You have not said when you first knew about the problem, so this counts from "
	known := func(scope func(Plan, Provision) bool, contacts bool) (Date, bool, string) {
		if !cp.ProblemNoticed.IsZero() {
			return cp.ProblemNoticed, false, ""
		}
		d := FirstProblem(c, scope, contacts)
		if d.IsZero() {
			return d, false, ""
		}
		return d, true, notGiven + d.Long() + ", the first problem in your records."
	}
	notHealth := func(_ Plan, p Provision) bool { return p.Section != SectionG }
	if from, rec, note := known(notHealth, true); !from.IsZero() {
		add(Deadline{Key: "ombudsman_12_months", Rule: "Complain to the Ombudsman within 12 months of knowing of the problem (it can accept later complaints for a good reason)",
			Source: "Local Government Act 1974 s26B", From: from, Due: from.AddMonths(12),
			Done: cp.OmbudsmanSent, ParentDeadline: true, FromRecords: rec, Note: note})
	}
	if last := lastComplaint(cp); !last.IsZero() {
		final := cp.Stage2Answered
		if final.IsZero() && cp.Stage2Sent.IsZero() {
			final = cp.Stage1Answered
		}
		// "Not before" for the parent: a date known only to its month
		// counts from its last day, so they are never sent too early.
		d := Deadline{Key: "ombudsman_from", Rule: "Go to the Ombudsman after the council's final answer, or about 12 weeks after you complained if it has not given one",
			Source: "Local Government Act 1974 s26(5)", From: last, Due: last.Latest().AddDays(ombudsmanWaitDays),
			Done: cp.OmbudsmanSent, ParentDeadline: true, Earliest: true,
			Note: "About 12 weeks after you complained " + last.On() + ", if the council has not given its final answer by then."}
		if last.MonthOnly() {
			d.Note += " You gave only the month, so to be safe this counts from its last day, " + last.Latest().Long() + "."
		}
		if f := final.Latest(); !f.IsZero() && f.Before(d.Due) {
			d.Due, d.Note = f, "The date of the council's final answer."
		}
		add(d)
	}
	if hasSocialCare(c) {
		if from, rec, note := known(socialCare, false); !from.IsZero() {
			add(Deadline{Key: "social_care_complaint_12_months", Rule: "Make a complaint under the children's social care procedure within a year (the council can accept a later one if it was not reasonable to complain sooner)",
				Source: socialCareSource + " reg 9", From: from, Due: from.AddMonths(12),
				Done: cp.Stage1Sent, ParentDeadline: true, FromRecords: rec, Note: note})
		}
	}
	if hasSection(c, SectionG) {
		health := func(_ Plan, p Provision) bool { return p.Section == SectionG }
		if from, rec, note := known(health, false); !from.IsZero() {
			add(Deadline{Key: "nhs_complaint_12_months", Rule: "Complain to the NHS (the provider or the integrated care board) about health provision within 12 months of knowing of the problem",
				Source: "Local Authority Social Services and National Health Service Complaints (England) Regulations 2009 reg 12",
				From:   from, Due: from.AddMonths(12), ParentDeadline: true, FromRecords: rec, Note: note})
		}
	}
}

// lastComplaint is the day the parent last complained to the council.
func lastComplaint(cp Complaint) Date {
	if !cp.Stage2Sent.IsZero() {
		return cp.Stage2Sent
	}
	return cp.Stage1Sent
}

// socialCare reports whether a provision is children's social care: in
// Section H, or in a care plan (not health).
func socialCare(pl Plan, p Provision) bool {
	return p.Section == SectionH || (pl.Kind == PlanCarePlan && p.Section != SectionG)
}

func hasSocialCare(c Case) bool {
	for _, pl := range c.Plans {
		if pl.Kind == PlanCarePlan {
			return true
		}
		for _, p := range pl.Provisions {
			if socialCare(pl, p) {
				return true
			}
		}
	}
	return false
}

// FirstProblem is the earliest day the records show a problem with a
// provision for which keep is true (a missed or paid-for session, a
// stretch not in place, totals with missed sessions) and, with contacts,
// the contact log and the stage 1 complaint. Zero when there is none.
func FirstProblem(c Case, keep func(Plan, Provision) bool, contacts bool) Date {
	var first Date
	see := func(d Date) {
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	for _, pl := range c.Plans {
		for _, p := range pl.Provisions {
			if keep != nil && !keep(pl, p) {
				continue
			}
			for _, o := range p.Outcomes {
				if o.Status == StatusMissed || o.Status == StatusPrivate {
					see(o.Date)
				}
			}
			for _, s := range p.NotInPlace {
				see(s.From)
			}
			for _, cp := range p.CountPeriods {
				if cp.Missed+cp.PaidPrivately > 0 {
					see(cp.From)
				}
			}
		}
	}
	if contacts {
		for _, ct := range c.Contacts {
			see(ct.Date)
		}
		see(c.Complaint.Stage1Sent)
	}
	return first
}

// CarePlanReviews returns the reviews a care plan promises at the given
// months after its date (for example 3, 6 and 9), as steps of the plan
// with their due dates; a month-end date that does not exist moves to the
// month's last day (AddMonths).
func CarePlanReviews(planDate Date, months ...int) []PromisedStep {
	if planDate.IsZero() {
		return nil
	}
	out := make([]PromisedStep, 0, len(months))
	// A plan dated only by its month: the reviews are due counting from
	// its last day, so none is called late too soon.
	from := planDate.Latest()
	for _, m := range months {
		out = append(out, PromisedStep{Name: "Review of the care plan at " + itoa(m) + " months", Due: from.AddMonths(m)})
	}
	return out
}

// ComplaintProcedure is the complaints procedure of the case: the one the
// parent chose, or, when they have not, the children's social-care
// procedure for a case with only social care (a care plan, Section H) and
// the council's own procedure otherwise.
func ComplaintProcedure(c Case) Procedure {
	if p := c.Complaint.Policy.Procedure; p != "" {
		return p
	}
	if !hasSocialCare(c) {
		return ProcedureCorporate
	}
	for _, pl := range c.Plans {
		if pl.Kind == PlanEHC {
			return ProcedureCorporate
		}
		for _, p := range pl.Provisions {
			if p.Section == SectionF && pl.Kind != PlanCarePlan {
				return ProcedureCorporate
			}
		}
	}
	return ProcedureSocialCare
}
