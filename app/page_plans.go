package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// Plans over time: the list of a child's plans (a final plan, an amended
// plan after a review or a phase transfer, a new care plan), each with
// its dates, and the page that adds a newer plan and carries help into
// it. calc says when each plan is in force and does the carrying.

// planRef is the plan a plan page is about, named in its address by its
// stable id ("/plan/dates?plan=plan-2"). With no id the page is about the
// newest plan, so a record with one plan keeps its short addresses.
type planRef struct {
	planID string
}

// pick reads the plan's id from the address.
func (r *planRef) pick(ctx app.Context) { r.planID = ctx.Page().URL().Query().Get("plan") }

// index returns where the plan is in c.Plans, or -1 when the plan named
// in the address is not in the record (removed in another tab).
func (r planRef) index(c calc.Case) int {
	if r.planID == "" {
		return len(c.Plans) - 1
	}
	return calc.PlanByID(c, r.planID)
}

// plan returns the plan the page is about, if it is in the record.
func (r planRef) plan(b *caseBook) (calc.Plan, bool) {
	c := b.current()
	if i := r.index(c); i >= 0 {
		return c.Plans[i], true
	}
	return calc.Plan{}, false
}

// path adds the plan's id to another plan page's address.
func (r planRef) path(p string) string {
	if r.planID == "" {
		return p
	}
	sep := "?"
	if strings.Contains(p, "?") {
		sep = "&"
	}
	return p + sep + "plan=" + r.planID
}

// listPath is where the plan questions end: the list of plans when the
// record has more than one (or the page was opened from it), else the
// task list.
func (r planRef) listPath(b *caseBook) string {
	if r.planID != "" || len(b.current().Plans) > 1 {
		return "/plans"
	}
	return "/tasks"
}

// change applies edit to the plan in the latest saved record, found by its
// id, and returns calc's problems with paths made relative to the plan
// ("process.final_issued"), so every plan page maps them the same way.
func (r planRef) change(b *caseBook, edit func(pl *calc.Plan)) []calc.FieldError {
	return r.changeCase(b, func(c *calc.Case, at int) { edit(&c.Plans[at]) })
}

// changeCase is change for an edit that also reaches the plan's
// neighbours (a plan's date moves the end of the plan before it).
func (r planRef) changeCase(b *caseBook, edit func(c *calc.Case, at int)) []calc.FieldError {
	b.refresh()
	at := -1
	problems := b.change(func(c *calc.Case) {
		if at = r.index(*c); at >= 0 {
			edit(c, at)
		}
	})
	if at < 0 {
		return []calc.FieldError{{Message: "This plan is no longer in the record. Go back to the list of plans."}}
	}
	prefix := "plans[" + itoa(at) + "]."
	for i := range problems {
		problems[i].Path = strings.TrimPrefix(problems[i].Path, prefix)
	}
	return problems
}

// noPlanPage is shown when the plan in the address is not in the record.
func noPlanPage(b *caseBook) app.UI {
	return newPage(b, "We could not find this plan",
		elP().Text("It may have been removed in another tab or window. Nothing you saved has been lost."),
		elA().Class("button").Href(pagePath("/plans")).Text("Go to your plans"))
}

// planName names a plan for the parent: its own title, or its kind.
func planName(pl calc.Plan) string {
	if pl.Title != "" {
		r, n := utf8.DecodeRuneInString(pl.Title) // a whole letter, even an accented one
		return string(unicode.ToUpper(r)) + pl.Title[n:]
	}
	switch pl.Kind {
	case calc.PlanCarePlan:
		return "Care plan"
	case calc.PlanEHC:
		return "EHC plan"
	}
	return "Plan"
}

// planDatesWords says when a plan was in force, from calc's periods.
func planDatesWords(pp calc.PlanPeriod) string {
	switch {
	case pp.From.IsZero():
		return "Date not given yet"
	case pp.To.IsZero():
		return "From " + pp.From.Long()
	}
	return "From " + pp.From.Long() + " to " + pp.To.Long()
}

// plansPage lists the plans, oldest first, with Change for each and a way
// to add a newer one.
type plansPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *plansPage) OnNav(ctx app.Context) { p.book.open() }

func (p *plansPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	periods := calc.PlanPeriods(c)
	rows := make([]summaryRow, len(c.Plans))
	for i, pl := range c.Plans {
		key := planName(pl)
		if !pl.Issued.IsZero() {
			key += " of " + pl.Issued.Long()
		}
		help := "1 kind of help in it"
		if n := len(pl.Provisions); n != 1 {
			help = itoa(n) + " kinds of help in it"
		}
		rows[i] = summaryRow{key, planDatesWords(periods[i]) + "\n" + help, "/plan/kind?plan=" + pl.ID}
	}
	return newPage(p.book, "Your plans",
		elP().Text("A plan can change: after a review, when your child moves school, or when a new plan is written. Add each plan, so the help in it counts for the time it was in force."),
		summaryList(rows),
		elDiv().Class("actions").Body(
			elA().Class("button button-secondary").Href(pagePath("/plans/new")).Text("Add a newer plan"),
			elA().Class("button").Href(pagePath("/tasks")).Text("Continue"),
		),
	).backTo("/tasks")
}

// planNewPage adds a newer plan after the newest one: its date, and the
// help of the older plan to carry into it from a date. The older plan
// ends the day before; its sessions stay with it.
type planNewPage struct {
	app.Compo
	book       *caseBook // the parent's records, given by main
	title      string
	date, from dateText
	carry      map[string]*bool
	errs       formErrors
}

const carryHint = "Tick the help the newer plan still gives. What was recorded for the older plan stays with it."

func (p *planNewPage) OnNav(ctx app.Context) {
	p.book.open()
	p.errs, p.title, p.date, p.from = nil, "", dateText{}, dateText{}
	p.carry = map[string]*bool{}
}

// older is the plan the newer one follows: the newest in the record.
func (p *planNewPage) older() (calc.Plan, bool) { return planRef{}.plan(p.book) }

func (p *planNewPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	old, _ := p.older()
	if p.carry == nil { // go-app draws a page before its OnNav
		p.carry = map[string]*bool{}
	}
	oldWords := planName(old)
	if d := calc.PlanStart(old); !d.IsZero() {
		oldWords += " of " + d.Long()
	}
	fields := []app.UI{
		elH1().Class("question").Text("Add a newer plan"),
		elP().Text("The newer plan follows the " + oldWords + ". That plan ends the day before the newer one. " + monthHint),
		dateField{ID: "date", Legend: "What is the date of the newer plan?", Hint: "For example the final amended plan after a review or a move to a new school, such as 24 5 2023.",
			Value: &p.date, Error: p.errs.of("date")}.render(&p.Compo),
		textField{ID: "title", Label: "What is the newer plan? (optional)", Hint: "For example: amended plan after the phase transfer.",
			Value: &p.title, Error: p.errs.of("title")}.render(&p.Compo),
	}
	if len(old.Provisions) > 0 {
		boxes := append([]app.UI{elLegend().Class("legend").Text("Help to carry forward into the newer plan")},
			hintAndError("carry", carryHint, p.errs.of("carry"))...)
		for _, pr := range old.Provisions {
			v := p.carry[pr.ID]
			if v == nil {
				v = new(bool)
				p.carry[pr.ID] = v
			}
			boxes = append(boxes, checkboxField{ID: "carry-" + pr.ID, Label: provisionName(p.book, pr), Hint: describeAmount(pr), Value: v}.render(&p.Compo))
		}
		fields = append(fields,
			elFieldSet().ID("carry").Class(groupClass(p.errs.of("carry"))).Aria("describedby", describedBy("carry", carryHint, p.errs.of("carry"))).Body(boxes...),
			dateField{ID: "from", Legend: "Carry forward from (optional)", Hint: "Leave it empty to carry the help forward from the date of the newer plan.",
				Value: &p.from, Error: p.errs.of("from")}.render(&p.Compo))
	}
	return newQuestionPage(p.book, "Add a newer plan", "/plans", p.errs, questionForm(p.submit, "Add the newer plan", fields...))
}

func (p *planNewPage) submit(ctx app.Context) {
	if _, ok := p.save(); !ok {
		focusErrorSummary(ctx)
		return
	}
	ctx.Navigate(pagePath("/plans"))
}

// save adds the newer plan with calc's CarryForward, applied to the latest
// saved record; it returns the new plan's id, or false with each problem
// by its field and nothing stored.
func (p *planNewPage) save() (string, bool) {
	p.errs = nil
	if !p.book.hasCase() {
		return "", false
	}
	d, msg := p.date.parseMonthOK("The date of the newer plan")
	switch {
	case msg != "":
	case d.IsZero():
		msg = "Enter the date of the newer plan"
	case d.After(today()):
		msg = "The date must be today or in the past"
	}
	if msg != "" {
		p.errs.add("date-day", msg)
	}
	from, msg := p.from.parse("The date to carry forward from")
	if msg != "" {
		p.errs.add("from-day", msg)
	}
	if len(p.errs) > 0 {
		return "", false
	}
	p.book.refresh()
	old, ok := p.older()
	if !ok {
		p.errs.add("date-day", "Add the first plan before a newer one")
		return "", false
	}
	var ids []string
	for _, pr := range old.Provisions {
		if v := p.carry[pr.ID]; v != nil && *v {
			ids = append(ids, pr.ID)
		}
	}
	newer := calc.Plan{Kind: old.Kind, Title: strings.Join(strings.Fields(p.title), " "), Issued: d}
	fields := map[string]string{"issued": "date-day", "from": "from-day", "carry": "carry", "title": "title"}
	// Asked first without saving, so a refusal saves nothing; then the same
	// stated change is applied to the latest saved record.
	_, problems := calc.CarryForward(p.book.current(), old.ID, newer, ids, from)
	id := ""
	if len(problems) == 0 {
		problems = p.book.change(func(c *calc.Case) {
			next, refused := calc.CarryForward(*c, old.ID, newer, ids, from)
			if len(refused) == 0 {
				*c, id = next, next.Plans[len(next.Plans)-1].ID
			}
		})
		if len(problems) == 0 && id != "" {
			return id, true
		}
	}
	for i := range problems {
		if strings.HasSuffix(problems[i].Path, ".title") {
			problems[i].Path = "title"
		}
	}
	p.errs = errorsFrom(problems, "date-day", fields)
	return "", false
}
