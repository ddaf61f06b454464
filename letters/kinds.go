package letters

import (
	"strings"

	"provisiontracker/calc"
)

const ombudsmanName = "the Local Government and Social Care Ombudsman"

// intro says what plan the letter is about and what went wrong.
func (b *builder) intro() {
	missed, paid, _, still := b.counts()
	failed := missed+paid > 0 || still
	if b.social {
		d, title := b.planDate(calc.PlanCarePlan)
		s := b.Child() + " has a care plan"
		if t := oneLine(title); t != "" {
			s += " (" + strings.ToLower(t[:1]) + t[1:] + ")"
		}
		if !d.IsZero() {
			s += " dated " + d.Long()
		}
		for _, pl := range b.c.Plans {
			if pl.Kind != calc.PlanCarePlan {
				continue
			}
			if !pl.OrderMade.IsZero() {
				s += ", made under a court order of " + pl.OrderMade.Long()
			}
			if e := pl.OrderEnds; !e.IsZero() {
				if e.Before(b.today) {
					s += ". The order ended " + e.On()
				} else {
					s += ". The order ends " + e.On()
				}
			}
			break
		}
		if len(b.facts) > 0 && !hasCarePlan(b.c) {
			s = b.Child() + " has an EHC plan. Section H of the plan sets out social care provision"
		}
		s += "."
		if failed {
			s += " The council has not given " + b.child + " and our family all of the help the plan sets out."
		} else if len(b.brokenPromises()) > 0 {
			s += " The council has not done what the plan promised."
		}
		b.p(s)
		return
	}
	d, _ := b.planDate(calc.PlanEHC)
	s := b.Child() + " has an education, health and care (EHC) plan"
	if !d.IsZero() {
		s += " dated " + d.Long()
	} else {
		b.missing("the date of the EHC plan")
	}
	s += "."
	if len(b.facts) > 0 {
		s += " Section F of the plan sets out the special educational provision " + b.child + " must have."
		if failed {
			s += " " + b.Child() + " is not getting all of it."
		}
	}
	if len(b.delays()) > 0 {
		if len(b.facts) > 0 && failed {
			s += " The council has also not kept to the legal time limits for the plan."
		} else {
			s += " The council has not kept to the legal time limits for the plan."
		}
	}
	b.p(s)
}

func hasCarePlan(c calc.Case) bool {
	for _, pl := range c.Plans {
		if pl.Kind == calc.PlanCarePlan {
			return true
		}
	}
	return false
}

// facts adds the facts section shared by the letters.
func (b *builder) factsSection() {
	b.planSays()
	b.tally()
	b.missedList()
	if b.social {
		if ps := b.brokenPromises(); len(ps) > 0 {
			b.h("What the plan promised that was not done")
			b.list(ps, false)
		}
	} else if ds := b.delays(); len(ds) > 0 {
		b.h("Delays with the plan")
		b.list(ds, false)
	}
	b.contacts()
}

func (b *builder) councilStage1() {
	b.l.Subject = b.subject(b.councilWhat("1"))
	b.p("I am making a formal complaint under the council's complaints procedure. Please deal with this letter as a stage 1 complaint.")
	b.intro()
	b.factsSection()
	b.law()
	b.impact("How this has affected " + b.child)
	restart := b.cal.AddWorkingDays(b.today, RestartWorkingDays)
	b.asks("What I am asking the council to do", restart)
	b.extra()
	b.reply(calc.PolicyOn(b.c.Complaint.Policy, b.today), 1, []string{
		"If I do not have a full answer by then, or the answer does not put things right, I will ask for my complaint to go to stage 2. After that I can complain to " + ombudsmanName + ".",
		"If " + b.child + " urgently needs the provision, I may also ask a solicitor to send a letter before claim for judicial review.",
	})
}

func (b *builder) councilStage2() {
	b.l.Subject = b.subject(b.councilWhat("2"))
	cp := b.c.Complaint
	s := "I am asking for my complaint to go to stage 2 of the council's complaints procedure."
	if cp.Stage1Sent.IsZero() {
		s += " I made a stage 1 complaint on [date]"
		b.missing("the date you sent your stage 1 complaint")
	} else {
		s += " I made a stage 1 complaint " + cp.Stage1Sent.On()
	}
	if ref := oneLine(b.in.Stage1Reference); ref != "" {
		s += " (your reference " + ref + ")"
	}
	s += "."
	if d, ok := deadline(b.dls, "complaint_stage1_answer"); ok {
		switch d.Status {
		case calc.Met:
			s += " You answered " + d.Done.On() + "."
		case calc.Late:
			s += " Your answer was due by " + d.Due.Long() + ". You answered " + d.Done.On() + ", " + plural(d.WorkingDaysLate, "working day") + " late."
		case calc.Overdue:
			s += " Your answer was due by " + d.Due.Long() + ". I have still not had one."
		case calc.Pending:
			s += " Your answer is due by " + d.Due.Long() + "."
		}
	}
	b.p(s)
	b.h("Why I am not satisfied")
	b.own(b.in.NotResolved, "Write here, in your own words, why the council's answer at stage 1 did not put things right.",
		"why the stage 1 answer did not put things right, in your own words")
	b.intro()
	b.factsSection()
	b.law()
	b.impact("How this has affected " + b.child)
	restart := b.cal.AddWorkingDays(b.today, RestartWorkingDays)
	b.asks("What I am asking the council to do", restart)
	b.citeDecisions(false)
	b.extra()
	next := "If I do not have a full answer by then, or the answer does not put things right, I will complain to " + ombudsmanName + "."
	if lim, _, _ := ombudsmanLimit(b.c, b.today); !lim.IsZero() && b.today.Before(lim) {
		next += " I must usually do that by " + lim.Long() + "."
	}
	b.reply(calc.PolicyOn(b.c.Complaint.Policy, b.today), 2, []string{next})
}

func deadline(ds []calc.Deadline, key string) (calc.Deadline, bool) {
	for _, d := range ds {
		if d.Key == key {
			return d, true
		}
	}
	return calc.Deadline{}, false
}

func (b *builder) socialStage1() {
	b.l.Subject = b.subject("Complaint under the Children Act 1989 procedure (stage 1): help in the plan not given")
	b.p("I am making a complaint under the council's children's social care complaints procedure (section 26(3) of the Children Act 1989). Please deal with this letter as a stage 1 complaint.")
	b.intro()
	b.factsSection()
	b.law()
	b.impact("How this has affected " + b.child + " and our family")
	restart := b.cal.AddWorkingDays(b.today, RestartWorkingDays)
	b.asks("What I am asking the council to do", restart)
	b.extra()
	b.reply(socialTimescales(b.c.Complaint.Policy), 1, []string{"If I am not satisfied with your answer, I will ask for stage 2 (an independent investigation) and, if needed, stage 3 (a review panel). After that I can complain to " + ombudsmanName + "."})
}

// socialTimescales are the time limits of the social-care stage 1 letter:
// the parent's own number of days for the council's answer when they gave
// one (its policy), else the 2006 regulations' 10 working days (up to 20
// for a complex complaint).
func socialTimescales(p calc.ComplaintPolicy) calc.Timescales {
	if p.Stage1AnswerDays > 0 {
		own := calc.PolicyOn(p, calc.Date{})
		own.Stage2AckDays, own.Stage2AnswerDays = 0, 0
		return own
	}
	t := calc.PolicyOn(calc.ComplaintPolicy{Procedure: calc.ProcedureSocialCare}, calc.Date{})
	t.Stage1AckDays = 0
	t.Source = "the Children Act 1989 Representations Procedure (England) Regulations 2006. They allow up to 20 working days for a complex complaint: if you need longer, please tell me why and when I will have your answer."
	return t
}

// ombudsman writes the answers for the Ombudsman's online complaint form:
// not a letter, so no addresses, salutation or reply date.
func (b *builder) ombudsman() {
	cp := b.c.Complaint
	b.h("Which council is your complaint about?")
	b.p(capital(b.coun) + ".")
	if b.coun == "the council" {
		b.l.Blocks[len(b.l.Blocks)-1].Text = "[The council's name.]"
		b.l.Blocks[len(b.l.Blocks)-1].Own = true
	}
	b.h("What happened")
	b.intro()
	b.factsSection()

	b.h("What the council did wrong")
	missed, paid, _, still := b.counts()
	var wrong []string
	if missed+paid > 0 || still {
		if b.social {
			wrong = append(wrong, "It did not give "+b.child+" the help in the plan.")
		} else {
			wrong = append(wrong, "It did not secure the special educational provision in Section F of "+b.poss()+" EHC plan, which section 42(2) of the Children and Families Act 2014 says it must.")
		}
	}
	if missed > 0 {
		wrong = append(wrong, "It has not made up "+plural(missed, "missed session")+".")
	}
	if still {
		wrong = append(wrong, "Some of the provision is still not in place.")
	}
	if b.social {
		for _, s := range b.brokenPromises() {
			wrong = append(wrong, "It did not keep to the plan: "+s)
		}
	} else if n := len(b.delays()); n > 0 {
		wrong = append(wrong, "It did not keep to "+plural(n, "legal time limit")+" for the plan (listed above).")
	}
	for _, key := range []string{"complaint_stage1_answer", "complaint_stage2_answer"} {
		d, ok := deadline(b.dls, key)
		stage := "stage 1"
		if key == "complaint_stage2_answer" {
			stage = "stage 2"
		}
		if ok && d.Status == calc.Late {
			wrong = append(wrong, "It answered my "+stage+" complaint "+plural(d.WorkingDaysLate, "working day")+" late (due "+d.Due.Long()+", answered "+d.Done.Long()+").")
		} else if ok && d.Status == calc.Overdue {
			wrong = append(wrong, "It has not answered my "+stage+" complaint, which was due by "+d.Due.Long()+".")
		}
	}
	if len(wrong) == 0 {
		b.own("", "Write here what the council did wrong.", "what the council did wrong")
	} else {
		b.list(wrong, false)
	}
	if strings.TrimSpace(b.in.NotResolved) != "" {
		b.p("Why the council's answer did not put things right:")
		b.own(b.in.NotResolved, "", "")
	}

	b.impact("How this has affected " + b.child + " and our family")
	restart := b.cal.AddWorkingDays(b.today, RestartWorkingDays)
	b.asks("What I want the Ombudsman to ask the council to do", restart)
	b.citeDecisions(true)
	b.extra()

	b.h("My complaint to the council")
	var steps []string
	date := func(what string, d calc.Date, miss string) {
		if d.IsZero() {
			steps = append(steps, what+": [date]")
			if miss != "" {
				b.missing(miss)
			}
			return
		}
		steps = append(steps, what+": "+d.Long())
	}
	date("Stage 1 complaint sent", cp.Stage1Sent, "the date you sent your stage 1 complaint")
	if !cp.Stage1Sent.IsZero() {
		if cp.Stage1Answered.IsZero() {
			steps = append(steps, "Council's stage 1 answer: none yet")
		} else {
			date("Council's stage 1 answer", cp.Stage1Answered, "")
		}
	}
	if !cp.Stage2Sent.IsZero() {
		date("Stage 2 complaint sent", cp.Stage2Sent, "")
		if cp.Stage2Answered.IsZero() {
			steps = append(steps, "Council's stage 2 answer: none yet")
		} else {
			date("Council's stage 2 answer", cp.Stage2Answered, "")
		}
	}
	final := cp.Stage2Answered
	if final.IsZero() && cp.Stage2Sent.IsZero() {
		final = cp.Stage1Answered
	}
	if !final.IsZero() {
		steps = append(steps, "The council's final answer: "+final.Long())
	} else if last := lastSent(cp); !last.IsZero() && !b.today.Before(last.AddDays(7*12)) {
		steps = append(steps, "I have had no final answer, and it is more than 12 weeks since I complained "+last.On())
	} else {
		steps = append(steps, "The council's final answer: [date]")
		b.missing("the date of the council's final answer (the Ombudsman usually looks at a complaint only after it, or after about 12 weeks with no answer)")
	}
	b.list(steps, false)

	if lim, from, noticed := ombudsmanLimit(b.c, b.today); !lim.IsZero() && b.today.After(lim) {
		b.h("Why I am complaining now")
		s := "I first knew about the problem " + from.On() + "."
		if !noticed {
			s = "My records show the problem from " + from.Long() + "."
		}
		b.p(s + " I am complaining more than 12 months later because:")
		b.own("", "Write here why you could not complain sooner, for example because you were waiting for the council to act.",
			"why you are complaining more than 12 months after you knew of the problem")
	}
}

func lastSent(cp calc.Complaint) calc.Date {
	if !cp.Stage2Sent.IsZero() {
		return cp.Stage2Sent
	}
	return cp.Stage1Sent
}

// councilWhat is the start of a council letter's subject line.
func (b *builder) councilWhat(stage string) string {
	what := "Section F provision not delivered"
	if len(b.facts) == 0 {
		what = "delay with the EHC plan"
	}
	return "Formal complaint (stage " + stage + "): " + what
}
