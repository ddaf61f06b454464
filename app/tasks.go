package main

import "provisiontracker/calc"

// taskStatus is how far the parent has got with one part of the record.
type taskStatus int

const (
	notStarted taskStatus = iota
	inProgress
	completed
	cannotStartYet
)

func (s taskStatus) String() string {
	return [...]string{"Not started", "In progress", "Completed", "Cannot start yet"}[s]
}

// task is one line of the task list on the home page.
type task struct {
	Name   string
	Path   string
	Status taskStatus
}

// tasksFor lists the parts of a record and how complete each is. It only
// looks at what was entered; every count comes from calc.
func tasksFor(c calc.Case, today calc.Date) []task {
	child := notStarted
	switch {
	case c.Child.FirstName != "" && c.Council != "":
		child = completed
	case c.Child.FirstName != "":
		child = inProgress
	}
	// The plan task is about the newest plan; once it is dated, it opens
	// the list of plans, where a newer one can be added.
	plan, planPath := notStarted, "/plan/kind"
	if len(c.Plans) > 0 {
		p := c.Plans[len(c.Plans)-1]
		switch {
		case !p.Issued.IsZero():
			plan, planPath = completed, "/plans"
		case p.Kind != "":
			plan = inProgress
		}
		if len(c.Plans) > 1 {
			planPath = "/plans"
		}
	}
	provisions := provisionsOf(c)
	prov := notStarted
	if len(provisions) > 0 {
		prov = completed
	}
	sessions := cannotStartYet
	if len(provisions) > 0 {
		sessions = notStarted
		cal := calc.CalendarFor(c)
		recorded, open := 0, 0
		for _, p := range provisions {
			n := calc.Tally(p, calc.Schedule(p, cal, today), calc.Date{}, today)
			recorded += len(p.Outcomes) + len(p.CountPeriods)
			open += n.Unrecorded
		}
		switch {
		case recorded > 0 && open == 0:
			sessions = completed
		case recorded > 0:
			sessions = inProgress
		}
	}
	contacts := notStarted
	switch {
	case len(c.Contacts) > 0 && !c.Complaint.Stage1Sent.IsZero():
		contacts = completed
	case len(c.Contacts) > 0 || !c.Complaint.ProblemNoticed.IsZero() || !c.Complaint.Stage1Sent.IsZero():
		contacts = inProgress
	}
	check, summary := cannotStartYet, cannotStartYet
	if len(provisions) > 0 {
		check, summary = notStarted, notStarted
		if c.Letter.SenderName != "" {
			summary = inProgress // the parent has started on a letter
		}
	}
	return []task{
		{"Your child", "/child/name", child},
		{"The plan", planPath, plan},
		{"Help in the plan (provision)", "/provisions", prov},
		{"Sessions: what happened", "/sessions", sessions},
		{"Contacts and delays", "/contacts", contacts},
		{"Check your answers", "/check", check},
		{"Summary and letters", "/summary", summary},
	}
}

// provisionsOf lists every provision of every plan of a case.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func provisionsOf(c calc.Case) []calc.Provision {
	var all []calc.Provision
	for _, p := range c.Plans {
		all = append(all, p.Provisions...)
	}
	return all
}
