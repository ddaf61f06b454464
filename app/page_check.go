package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// checkPage shows everything in the record on one page, section by
// section, each answer with a Change link that comes back here, before the
// parent goes on to the summary and letters.
type checkPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *checkPage) OnNav(ctx app.Context) { p.book.open() }

// checkReturn is where a Change link on this page comes back to.
const checkReturn = "/check"

// checkPlanKinds are short names for the kinds of plan.
var checkPlanKinds = map[calc.PlanKind]string{
	calc.PlanEHC:      "An EHC plan",
	calc.PlanCarePlan: "A care plan under a court order",
	calc.PlanOther:    "Something else",
}

// Kept out of line (go:noinline): it has many calls, and inlined it
// cost the wasm code and inlining records.
//
//go:noinline
func checkDate(d calc.Date) string {
	if d.IsZero() {
		return "Not given"
	}
	return d.Long()
}

func (p *checkPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	content := []app.UI{
		elP().Text("Check what you have put in. Use a Change link to put anything right."),
		elH2().Text("Your child"),
		summaryList(checkChildRows(c)),
		elH2().Text("The plan"),
		summaryList(checkPlanRows(c)),
		elH2().Text("Help in the plan"),
		checkProvisions(p.book, c),
		elH2().Text("Contacts and your complaint"),
		summaryList(checkContactRows(c)),
		elH2().Text("School term dates"),
		summaryList(checkCalendarRows(c)),
		elH2().Text("Now see the summary"),
		elP().Text("The summary shows what was missed, the deadlines and what the Ombudsman has given in cases like yours."),
		elDiv().Class("actions").Body(
			elA().Class("button").Href(pagePath("/summary")).Text("Continue to the summary"),
		),
	}
	return newPage(p.book, "Check your answers", content...).backTo("/tasks")
}

func checkChildRows(c calc.Case) []summaryRow {
	council := "Not given"
	if co, ok := calc.CouncilByCode(c.Council); ok {
		council = co.ShortName
	}
	return []summaryRow{
		{"First name", c.Child.FirstName, withReturn("/child/name", checkReturn)},
		{"Date of birth", checkDate(c.Child.DateOfBirth), withReturn("/child/birth", checkReturn)},
		{"Council", council, withReturn("/child/council", checkReturn)},
	}
}

func checkPlanRows(c calc.Case) []summaryRow {
	if len(c.Plans) == 0 {
		return []summaryRow{{"Kind of plan", "Not given", withReturn("/plan/kind", checkReturn)}}
	}
	var rows []summaryRow
	periods := calc.PlanPeriods(c)
	for i, pl := range c.Plans {
		ref := planRef{}
		if len(c.Plans) > 1 {
			// Each plan by its id, named with its dates.
			ref.planID = pl.ID
			rows = append(rows, summaryRow{"Plan", planName(pl) + "\n" + planDatesWords(periods[i]), "/plans"})
		}
		rows = append(rows, checkOnePlan(pl, ref)...)
	}
	return rows
}

// checkOnePlan is the rows of one plan, each Change link naming the plan.
func checkOnePlan(pl calc.Plan, ref planRef) []summaryRow {
	kind, ok := checkPlanKinds[pl.Kind]
	if !ok {
		kind = "Not given"
	}
	var dates []string
	for _, q := range processDateQuestions {
		if d := *q.field(&pl.Process); !d.IsZero() {
			dates = append(dates, q.label+": "+d.Long())
		}
	}
	if pl.Process.PhaseTransferYear != 0 {
		dates = append(dates, "Moves to a new school in "+itoa(pl.Process.PhaseTransferYear))
	}
	if len(dates) == 0 {
		dates = []string{"None given"}
	}
	return []summaryRow{
		{"Kind of plan", kind, withReturn(ref.path("/plan/kind"), checkReturn)},
		{"Date of the plan", checkDate(pl.Issued), withReturn(ref.path("/plan/issued"), checkReturn)},
		{"Last annual review", checkDate(pl.LastReview), withReturn(ref.path("/plan/review"), checkReturn)},
		{"Dates in making or changing the plan", strings.Join(dates, "\n"), withReturn(ref.path("/plan/dates"), checkReturn)},
	}
}

// checkProvisions lists each piece of help with calc's session counts.
func checkProvisions(b *caseBook, c calc.Case) app.UI {
	list := provisionsOf(c)
	if len(list) == 0 {
		return elDiv().Body(
			elP().Class("empty").Text("You have not added any help from the plan."),
			elP().Body(elA().Href(pagePath("/provisions")).Text("Add the help in the plan")),
		)
	}
	cal := calc.CalendarFor(c)
	now := today()
	var rows []summaryRow
	for _, pr := range list {
		n := calc.Tally(pr, calc.Schedule(pr, cal, now), calc.Date{}, now)
		rows = append(rows,
			summaryRow{provisionName(b, pr), orNone(describeAmount(pr)), withReturn("/provision/check?id="+pr.ID, checkReturn)},
			summaryRow{"Sessions of " + provisionName(b, pr), checkCountsWords(n), "/sessions"},
		)
	}
	return summaryList(rows)
}

// checkCountsWords puts calc's counts for one piece of help into words.
func checkCountsWords(n calc.Counts) string {
	lines := []string{
		itoa(n.Due) + " due so far",
		itoa(n.Delivered) + " given",
		itoa(n.Missed) + " missed",
	}
	for _, extra := range []struct {
		n    int
		text string
	}{
		{n.MadeUp, " made up later"},
		{n.ChildAbsent, " when your child was away"},
		{n.PaidPrivately, " you paid for yourself"},
		{n.Unrecorded, " not recorded yet"},
	} {
		if extra.n > 0 {
			lines = append(lines, itoa(extra.n)+extra.text)
		}
	}
	return strings.Join(lines, "\n")
}

func checkContactRows(c calc.Case) []summaryRow {
	contacts := "None yet"
	switch n := len(c.Contacts); n {
	case 0:
	case 1:
		contacts = "1 contact"
	default:
		contacts = itoa(n) + " contacts"
	}
	rows := []summaryRow{{"Contacts with the council", contacts, "/contacts"}}
	for _, q := range complaintStepsFor(c) {
		for _, d := range q.dates {
			rows = append(rows, summaryRow{complaintDateName(d), checkDate(*d.field(&c.Complaint)), withReturn(q.path, checkReturn)})
		}
	}
	pol := calc.EffectivePolicy(c.Complaint.Policy)
	return append(rows,
		summaryRow{"Complaints procedure", labelOf(complaintProcedures, string(pol.Procedure)), withReturn("/complaint/procedure", checkReturn)},
		summaryRow{"Time limits for answering", complaintPolicyWords(pol), withReturn("/complaint/timescales", checkReturn)},
	)
}

func checkCalendarRows(c calc.Case) []summaryRow {
	terms := "The usual dates"
	if len(c.Calendar.SchoolYears) > 0 {
		var years []string
		for _, sy := range c.Calendar.SchoolYears {
			years = append(years, sy.Year)
		}
		terms = "You changed the dates for " + strings.Join(years, ", ")
	}
	inset := "None"
	if n := len(c.Calendar.InsetDays); n == 1 {
		inset = "1 day"
	} else if n > 1 {
		inset = itoa(n) + " days"
	}
	return []summaryRow{
		{"Term dates", terms, "/calendar"},
		{"INSET days", inset, "/calendar"},
	}
}
