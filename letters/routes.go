package letters

import (
	"provisiontracker/calc"
)

// Route keys.
const (
	RouteCouncil    = "council_complaint"     // the council's complaints procedure (Section F, plan delays)
	RouteSocialCare = "social_care_complaint" // Children Act 1989 statutory procedure (care plan, Section H)
	RouteOmbudsman  = "ombudsman"             // Local Government and Social Care Ombudsman
	RouteNHS        = "nhs_complaint"         // NHS complaints procedure (Section G), then the PHSO
	RouteTribunal   = "send_tribunal"         // what the plan says: signposted only
	RouteFreeHelp   = "free_help"             // IPSEA, SENDIASS, Contact, SOS!SEN
)

// Limit is one time limit of a route, as a date with its source.
type Limit struct {
	What   string    `json:"what"` // "Complain to the Ombudsman by"
	Date   calc.Date `json:"date"`
	Source string    `json:"source"`
	Note   string    `json:"note,omitempty"`
	Passed bool      `json:"passed,omitempty"` // the date is before today
	// Parent marks a limit on the parent; otherwise it is a date the
	// council (or NHS) should answer by.
	Parent bool `json:"parent,omitempty"`
}

// Route is advice on one way to complain: which route, why it applies to
// this case, the steps and the time limits.
type Route struct {
	Key      string   `json:"key"`
	Title    string   `json:"title"`
	Why      string   `json:"why"`
	Steps    []string `json:"steps"`
	Limits   []Limit  `json:"limits,omitempty"`
	Letters  []Kind   `json:"letters,omitempty"`  // letters the app writes for this route
	Signpost bool     `json:"signpost,omitempty"` // only pointed to: the app writes nothing for it
}

// Routes returns the complaint routes that fit the case, with their time
// limits worked out on today, in the order a parent would use them; free
// help is always last.
func Routes(c calc.Case, today calc.Date) []Route {
	cal := calc.CalendarFor(c)
	child := oneLine(c.Child.FirstName)
	if child == "" {
		child = "your child"
	}
	poss := child + "'s"
	cp := c.Complaint
	// The rules that apply on the day the complaint was sent, or today for
	// one not sent yet.
	on := cp.Stage1Sent
	if on.IsZero() {
		on = today
	}
	pol := calc.PolicyOn(cp.Policy, on)
	dls := calc.Deadlines(c, cal, today)
	council, social := hasCouncil(c), hasSocial(c)
	hasF, hasG, hasEHC := false, false, false
	for i := range c.Plans {
		pl := &c.Plans[i]
		hasEHC = hasEHC || pl.Kind == calc.PlanEHC
		for j := range pl.Provisions {
			hasF = hasF || councilScope(pl, &pl.Provisions[j])
			hasG = hasG || pl.Provisions[j].Section == calc.SectionG
		}
	}
	mark := func(l Limit) Limit {
		l.Passed = !today.IsZero() && !l.Date.IsZero() && l.Date.Before(today)
		return l
	}
	// answerDue is when the council's answer to a stage is due, as calc
	// works it out: from the day it was sent, or from today if not sent.
	answerDue := func(what string, t calc.Timescales, stage int, sent, ack calc.Date) Limit {
		days := t.Stage1AnswerDays
		if stage == 2 {
			days = t.Stage2AnswerDays
		}
		how := plural(days, "working day") + " from "
		if t.Code {
			how = plural(days, "working day") + " from the acknowledgement, which is due 5 working days from "
		}
		if sent.IsZero() {
			_, due, _ := t.StageDue(cal, stage, today, calc.Date{})
			return mark(Limit{What: what + ", if you send it on " + today.Long(), Date: due,
				Source: t.Source, Note: how + "the day you send it."})
		}
		_, due, _ := t.StageDue(cal, stage, sent, ack)
		return mark(Limit{What: what, Date: due, Source: t.Source, Note: how + sent.Long() + "."})
	}
	var out []Route

	socialProc := calc.ComplaintProcedure(c) == calc.ProcedureSocialCare
	if council {
		r := Route{Key: RouteCouncil, Title: "Complain to the council", Letters: []Kind{CouncilStage1, CouncilStage2}}
		if hasF {
			r.Why = "Section F of " + poss + " EHC plan is special educational provision. The council must make sure " + child +
				" gets all of it (Children and Families Act 2014 section 42(2)). When it is not given, you complain to the council. The SEND Tribunal cannot make the council deliver what the plan already says."
		} else {
			r.Why = "The council must keep to the legal time limits for " + poss + " EHC plan. When it does not, you complain to the council."
		}
		r.Steps = []string{
			"Send the stage 1 complaint letter. Keep a copy and write down the date you sent it.",
			ackAndAnswer(pol),
			"If the answer does not put things right, ask for stage 2. The council should answer within " + plural(pol.Stage2AnswerDays, "working day") + ".",
			"After that, or if the council does not answer, complain to the Ombudsman.",
			"If " + child + " urgently needs the provision, a solicitor can send the council a letter before claim for judicial review. IPSEA can tell you more.",
		}
		if !socialProc {
			r.Limits = append(r.Limits, answerDue("Council's stage 1 answer due", pol, 1, cp.Stage1Sent, cp.Stage1Acknowledged))
			if !cp.Stage2Sent.IsZero() || !cp.Stage1Answered.IsZero() {
				on2 := cp.Stage2Sent
				if on2.IsZero() {
					on2 = today
				}
				r.Limits = append(r.Limits, answerDue("Council's stage 2 answer due", calc.PolicyOn(cp.Policy, on2), 2, cp.Stage2Sent, cp.Stage2Acknowledged))
			}
		} else {
			r.Limits = append(r.Limits, answerDue("Council's stage 1 answer due", calc.PolicyOn(calc.ComplaintPolicy{}, today), 1, calc.Date{}, calc.Date{}))
		}
		out = append(out, r)
	}

	if social {
		r := Route{Key: RouteSocialCare, Title: "Complain under the children's social care procedure", Letters: []Kind{SocialCareStage1}}
		if hasCarePlan(c) {
			r.Why = poss + " care plan is a children's social care plan made under the Children Act 1989. Complaints about it go through the council's statutory children's social care procedure. It has three stages, each with a time limit."
		} else {
			r.Why = "Section H of " + poss + " EHC plan is social care provision (Children and Families Act 2014 section 21(4)). Complaints about it go through the council's statutory children's social care procedure under the Children Act 1989. It has three stages, each with a time limit."
		}
		st := socialTimescales(cp.Policy)
		stage1 := "Stage 1: send the stage 1 complaint letter. The council should answer within 10 working days (up to 20 if the complaint is complex)."
		if cp.Policy.Stage1AnswerDays > 0 {
			stage1 = "Stage 1: send the stage 1 complaint letter. Your council's policy says it should answer within " + plural(st.Stage1AnswerDays, "working day") + "."
		}
		r.Steps = []string{
			stage1,
			"Stage 2: if that does not put things right, ask for an independent investigation. It should finish within 25 working days (up to 65).",
			"Stage 3: if you are still not satisfied, ask for a review panel. It should meet within 30 working days.",
			"After that, complain to the Ombudsman.",
		}
		sent := calc.Date{}
		if socialProc {
			sent = cp.Stage1Sent
		}
		st.Source = "Children Act 1989 Representations Procedure (England) Regulations 2006"
		if cp.Policy.Stage1AnswerDays > 0 {
			st.Source = calc.PolicyOn(cp.Policy, calc.Date{}).Source
		}
		r.Limits = append(r.Limits, answerDue("Council's stage 1 answer due", st, 1, sent, calc.Date{}))
		if d, ok := deadline(dls, "social_care_complaint_12_months"); ok {
			note := "One year from " + d.From.Long() + "."
			if d.FromRecords {
				note = "One year from " + d.From.Long() + ", the first problem in your records."
			}
			r.Limits = append(r.Limits, mark(Limit{What: "Make your complaint by", Date: d.Due, Parent: true, Source: d.Source,
				Note: note + " The council can still look at a later complaint if it was not reasonable to complain sooner."}))
		}
		out = append(out, r)
	}

	if council || social {
		r := Route{Key: RouteOmbudsman, Title: "Complain to the Local Government and Social Care Ombudsman", Letters: []Kind{OmbudsmanForm}}
		r.Why = "The Ombudsman looks at complaints about councils, including provision that was not delivered and children's social care, once the council's own complaints procedure has finished. It is free."
		r.Steps = []string{
			"Wait for the council's final answer. If it has not answered about 12 weeks after you complained, you can go to the Ombudsman anyway.",
			"Fill in the Ombudsman's online complaint form. The app writes the text for it from your case.",
			"The Ombudsman can ask the council to apologise, put the provision in place, make up what was missed and make a payment. The amounts in this app are only a guide.",
		}
		if d, ok := deadline(dls, "ombudsman_12_months"); ok {
			note := "This is the usual time limit: 12 months from when you knew about the problem. The Ombudsman can use its discretion to look at a later complaint if there is a good reason."
			if d.FromRecords {
				note += " " + d.Note + " Add the date you first knew to your complaint details."
			}
			r.Limits = append(r.Limits, mark(Limit{What: "Complain to the Ombudsman by", Date: d.Due, Source: d.Source, Note: note, Parent: true}))
		}
		if d, ok := deadline(dls, "ombudsman_from"); ok {
			r.Limits = append(r.Limits, mark(Limit{What: "You can go to the Ombudsman from", Date: d.Due, Source: d.Source, Note: d.Note, Parent: true}))
		}
		out = append(out, r)
	}

	if hasG {
		r := Route{Key: RouteNHS, Title: "Complain to the NHS about health provision (Section G)"}
		r.Why = "Section G of " + poss + " EHC plan is health provision. The NHS integrated care board (ICB) must arrange it (Children and Families Act 2014 section 42(3)), so complaints about it go to the NHS, not the council."
		r.Steps = []string{
			"Complain to the NHS service that should give the help, or to the integrated care board (ICB) for your area.",
			"If you are not happy with the answer, complain to the Parliamentary and Health Service Ombudsman.",
			"If the same help is also written in Section F, complain to the council about that too: it must secure Section F whoever gives it.",
		}
		if d, ok := deadline(dls, "nhs_complaint_12_months"); ok {
			note := "12 months from the problem, or from when you knew about it. The NHS can still look at a later complaint if there is a good reason and it can still be investigated fairly."
			if d.FromRecords {
				note += " This date counts from " + d.From.Long() + ", the first problem in your records."
			}
			r.Limits = append(r.Limits, mark(Limit{What: "Complain to the NHS by", Date: d.Due, Parent: true, Source: d.Source, Note: note}))
		}
		out = append(out, r)
	}

	if hasEHC {
		r := Route{Key: RouteTribunal, Title: "Appeal to the SEND Tribunal about what the plan says", Signpost: true}
		r.Why = "If you disagree with what the plan says, for example how much therapy it names or which school, you can appeal to the SEND Tribunal. The Tribunal cannot make the council deliver what the plan already says: that is a complaint."
		r.Steps = []string{
			"Before you appeal you usually need a mediation certificate: contact the mediation service the council names in its decision letter.",
			"Appeal within 2 months of the council's decision, or 1 month from the mediation certificate if that is later.",
			"IPSEA or your local SENDIASS can help you decide whether to appeal.",
		}
		if d, ok := deadline(dls, "tribunal_appeal"); ok {
			r.Limits = append(r.Limits, mark(Limit{What: "Appeal to the SEND Tribunal by", Date: d.Due, Source: d.Source, Parent: true,
				Note: "2 months from the decision of " + d.From.Long() + ", or 1 month from the mediation certificate if later."}))
		}
		out = append(out, r)
	}

	// Free help that fits the case: special needs services for an EHC
	// plan, family and social-care advice for a care plan.
	var help []string
	if council || hasEHC {
		help = append(help,
			"IPSEA (Independent Provider of Special Education Advice): free legal advice about EHC plans.",
			"Your local SENDIASS: every council area has a free, impartial information and advice service for special educational needs.")
	}
	if social {
		help = append(help, "Family Rights Group: free advice for parents and family members whose children are involved with children's social care, including care plans and court orders.")
	}
	help = append(help, "Contact: a helpline for families with disabled children.")
	if council || hasEHC {
		help = append(help, "SOS!SEN: a helpline about special educational needs.")
	}
	out = append(out, Route{Key: RouteFreeHelp, Title: "Free, independent help", Signpost: true,
		Why:   "These services are free and independent of the council. This app is not legal advice.",
		Steps: help})
	return out
}

// ackAndAnswer says when the council should acknowledge and answer a
// stage 1 complaint under timescales t.
func ackAndAnswer(t calc.Timescales) string {
	if t.Code {
		return "The council should confirm it has your complaint within " + plural(t.Stage1AckDays, "working day") +
			" and answer within " + plural(t.Stage1AnswerDays, "working day") + " of that (it can take at most " +
			plural(t.ExtensionDays, "more working day") + " if it tells you why)."
	}
	if t.Stage1AckDays == 0 {
		return "The council should answer within " + plural(t.Stage1AnswerDays, "working day") + "."
	}
	return "The council should confirm it has your complaint within " + plural(t.Stage1AckDays, "working day") +
		" and answer within " + plural(t.Stage1AnswerDays, "working day") + "."
}
