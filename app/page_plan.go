package main

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// planKindPage asks what kind of plan the help is written in.
type planKindPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	planRef
	kind string
	errs formErrors
}

func (p *planKindPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load shows the kind of the plan named in the address.
func (p *planKindPage) load(q url.Values) {
	p.book.open()
	p.errs, p.planID = nil, q.Get("plan")
	if pl, ok := p.plan(p.book); ok {
		p.kind = string(pl.Kind)
	}
}

func (p *planKindPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if _, ok := p.plan(p.book); !ok {
		return noPlanPage(p.book)
	}
	return newQuestionPage(p.book, "Kind of plan", p.listPath(p.book), p.errs,
		questionForm(p.submit, "",
			radioField{
				ID: "kind", Legend: "What kind of plan is the help written in?", AsHeading: true,
				Value: &p.kind, Error: p.errs.of("kind"),
				Options: []option{
					{string(calc.PlanEHC), "An Education, Health and Care plan (EHC plan)", "The council writes it. Section F is the help for learning."},
					{string(calc.PlanCarePlan), "A care plan under a court order", "Children's social care writes it, for example with a supervision order."},
					{string(calc.PlanOther), "Something else", ""},
				},
			}.render(&p.Compo),
		),
	)
}

func (p *planKindPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, p.path("/plan/issued"))
}

// save puts the kind of plan in the record; false, with the problem on the
// page and nothing stored, when none was chosen.
func (p *planKindPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	if p.kind == "" {
		p.errs.add("kind", "Choose the kind of plan")
		return false
	}
	problems := p.change(p.book, func(pl *calc.Plan) { pl.Kind = calc.PlanKind(p.kind) })
	p.errs = errorsFrom(problems, "kind", nil)
	return len(p.errs) == 0
}

// planDatePage asks one date about the plan: a page per question, all
// built from the same parts.
type planDatePage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	planRef
	q    planDateQuestion
	date dateText
	errs formErrors
}

// planIssuedPage and planReviewPage are separate types because go-app
// keeps a page of the same type when it moves between two addresses, and
// would show the first question again.
type planIssuedPage struct{ planDatePage }

type planReviewPage struct{ planDatePage }

// planDateQuestion is one date question about the plan. A care plan
// has its own words and its own next page (care*), since it has no annual
// review or EHC steps.
type planDateQuestion struct {
	title, question, hint, back, next string
	careQuestion, careHint, careNext  string
	required                          bool
	get                               func(p calc.Plan) calc.Date
	set                               func(p *calc.Plan, d calc.Date)
	// moves, for the plan's own date, moves the end of the plan before it
	// along (calc.SetPlanDate), so no time is lost or counted twice.
	moves bool
}

// forKind returns the question in the words of the kind of plan.
func (q planDateQuestion) forKind(kind calc.PlanKind) planDateQuestion {
	if kind == calc.PlanCarePlan && q.careQuestion != "" {
		q.question, q.hint, q.next = q.careQuestion, q.careHint, q.careNext
	}
	return q
}

var planIssued = planDateQuestion{
	title: "Date of the plan", back: "/plan/kind", next: "/plan/review", required: true,
	question:     "What is the date of the plan?",
	hint:         "It is on the first or last page of the final plan, for example 14 7 2023. If the plan was changed later, after a review or a move to a new school, add the changed plan as a newer plan on the list of your plans.",
	careQuestion: "What is the date of the care plan?",
	careHint:     "It is on the care plan, for example 15 9 2022. If the plan was changed at a review, add the changed plan as a newer plan on the list of your plans.",
	careNext:     "/plan/order",
	get:          func(p calc.Plan) calc.Date { return p.Issued },
	set:          func(p *calc.Plan, d calc.Date) { p.Issued = d },
	moves:        true,
}

var planReview = planDateQuestion{
	title: "Last annual review", back: "/plan/issued", next: "/plan/dates",
	question: "When was the last annual review meeting?",
	hint:     "The council must review the plan at least once a year. Leave it empty if there has not been one yet.",
	get:      func(p calc.Plan) calc.Date { return p.LastReview },
	set:      func(p *calc.Plan, d calc.Date) { p.LastReview = d },
}

func (p *planDatePage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load shows the date of the plan named in the address.
func (p *planDatePage) load(q url.Values) {
	p.book.open()
	p.errs, p.planID = nil, q.Get("plan")
	if pl, ok := p.plan(p.book); ok {
		p.date = dateTextOf(p.q.get(pl))
	}
}

// question is the question in the words of this plan's kind.
func (p *planDatePage) question() planDateQuestion {
	pl, _ := p.plan(p.book)
	return p.q.forKind(pl.Kind)
}

func (p *planDatePage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if _, ok := p.plan(p.book); !ok {
		return noPlanPage(p.book)
	}
	q := p.question()
	return newQuestionPage(p.book, q.title, p.path(q.back), p.errs,
		questionForm(p.submit, "",
			dateField{ID: "date", Legend: q.question, Hint: q.hint + " " + monthHint, AsHeading: true,
				Value: &p.date, Error: p.errs.of("date")}.render(&p.Compo),
		),
	)
}

func (p *planDatePage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, p.path(p.question().next))
}

// save checks the date and puts it in the plan; false, with the problem on
// the page and nothing stored, when it is wrong.
func (p *planDatePage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	d, msg := p.date.parseMonthOK("The date")
	switch {
	case msg != "":
	case p.q.required && d.IsZero():
		msg = "Enter the date of the plan"
	case d.After(today()):
		msg = "The date must be today or in the past"
	}
	if msg != "" {
		p.errs.add("date-day", msg)
		return false
	}
	problems := p.changeCase(p.book, func(c *calc.Case, at int) {
		if p.q.moves {
			*c = calc.SetPlanDate(*c, c.Plans[at].ID, d)
		} else {
			p.q.set(&c.Plans[at], d)
		}
	})
	p.errs = errorsFrom(problems, "date-day", nil)
	return len(p.errs) == 0
}

// planDatesPage collects the dates of making or changing the plan that the
// parent knows. They are optional; calc works out each deadline from them.
type planDatesPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	planRef
	dates [len(processDateQuestions)]dateText
	// phase is the year the child moves school (phase transfer), typed.
	phase string
	// shownDates and shownPhase are what the boxes showed when the page
	// opened: only the answers changed from them are saved, so a date
	// another tab saved meanwhile is not written back.
	shownDates [len(processDateQuestions)]dateText
	shownPhase string
	errs       formErrors
}

// processDateQuestions are the key dates of RULES.md §2 a parent may know.
var processDateQuestions = [...]struct {
	id, path, label, hint string
	field                 func(pd *calc.ProcessDates) *calc.Date
}{
	{"requested", "assessment_requested", "You asked for an EHC needs assessment", "The date the council got your request.",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.AssessmentRequested }},
	{"draft", "draft_issued", "The council sent the draft plan", "",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.DraftIssued }},
	{"final", "final_issued", "The council sent the first final plan", "",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.FinalIssued }},
	{"decision", "review_decision", "The council decided what to do after the last review", "To keep, change or end the plan.",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.ReviewDecision }},
	{"amendments", "amendments_proposed", "The council sent the proposed changes (draft amended plan)", "",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.AmendmentsProposed }},
	{"amended-final", "amended_final_issued", "The council sent the final amended plan", "",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.AmendedFinalIssued }},
	{"school-asked", "placement_requested", "You asked the council to name a school or other place in the plan",
		"For example in your comments on the draft plan, or at a review.",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.PlacementRequested }},
	{"school-named", "placement_named", "The council named the school or other place in the plan",
		"Leave this empty if the plan still does not name one.",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.PlacementNamed }},
	{"tribunal", "tribunal_order", "The Tribunal ordered changes to the plan", "The date of the Tribunal's order.",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.TribunalOrder }},
	{"tribunal-done", "tribunal_order_done", "The council changed the plan as the Tribunal ordered", "",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.TribunalOrderDone }},
	{"care-asked", "social_care_assessment_requested", "You asked children's social care for an assessment",
		"For example a child in need assessment, or a parent carer's assessment for you.",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.SocialCareAssessmentRequested }},
	{"care-done", "social_care_assessment_done", "Children's social care finished the assessment", "",
		func(pd *calc.ProcessDates) *calc.Date { return &pd.SocialCareAssessmentDone }},
}

func (p *planDatesPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load shows the dates of the plan named in the address.
func (p *planDatesPage) load(q url.Values) {
	p.book.open()
	p.errs, p.planID = nil, q.Get("plan")
	if pl, ok := p.plan(p.book); ok {
		pd := pl.Process
		for i, q := range processDateQuestions {
			p.dates[i] = dateTextOf(*q.field(&pd))
		}
		p.phase = ""
		if pd.PhaseTransferYear != 0 {
			p.phase = itoa(pd.PhaseTransferYear)
		}
	}
	p.shownDates, p.shownPhase = p.dates, p.phase
}

func (p *planDatesPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if _, ok := p.plan(p.book); !ok {
		return noPlanPage(p.book)
	}
	fields := []app.UI{
		elH1().Class("question").Text("Dates in making or changing the plan"),
		elP().Text("Fill in the dates you know. Leave the others empty. " +
			"We use them to check the council's legal deadlines. " + monthHint),
	}
	for i, q := range processDateQuestions {
		fields = append(fields, dateField{ID: q.id, Legend: q.label, Hint: q.hint,
			Value: &p.dates[i], Error: p.errs.of(q.id)}.render(&p.Compo))
	}
	fields = append(fields, textField{ID: "phase", Label: "The year your child moves to a new school, if they do (optional)",
		Hint:  "For example 2024 for a move in September 2024, such as from primary to secondary school. The council must change the plan to name the new school by 15 February that year.",
		Width: "short", InputMode: "numeric", Value: &p.phase, Error: p.errs.of("phase")}.render(&p.Compo))
	return newQuestionPage(p.book, "Dates in making or changing the plan", p.path("/plan/review"), p.errs,
		questionForm(p.submit, "", fields...))
}

func (p *planDatesPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, p.listPath(p.book))
}

// save checks every date and puts them in the plan; false, with each
// problem by its date and nothing stored, when one is wrong.
func (p *planDatesPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	var parsed [len(processDateQuestions)]calc.Date
	for i, q := range processDateQuestions {
		d, msg := p.dates[i].parseMonthOK(q.label)
		if msg == "" && d.After(today()) {
			msg = q.label + ": the date must be today or in the past"
		}
		if msg != "" {
			p.errs.add(q.id+"-day", msg)
		}
		parsed[i] = d
	}
	year := 0
	if s := strings.TrimSpace(p.phase); s != "" {
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			p.errs.add("phase", "The year of the move must be a year with 4 numbers, like 2024")
		case n < 2000 || n > 2100:
			p.errs.add("phase", "The year of the move must be between 2000 and 2100")
		}
		year = n
	}
	if len(p.errs) > 0 {
		return false
	}
	problems := p.change(p.book, func(pl *calc.Plan) {
		for i, q := range processDateQuestions {
			if p.dates[i] != p.shownDates[i] {
				*q.field(&pl.Process) = parsed[i]
			}
		}
		if strings.TrimSpace(p.phase) != strings.TrimSpace(p.shownPhase) {
			pl.Process.PhaseTransferYear = year
		}
	})
	fields := map[string]string{"process.phase_transfer_year": "phase"}
	for _, q := range processDateQuestions {
		fields["process."+q.path] = q.id + "-day"
	}
	p.errs = errorsFrom(problems, processDateQuestions[0].id+"-day", fields)
	if len(p.errs) > 0 {
		return false
	}
	p.shownDates, p.shownPhase = p.dates, p.phase
	return true
}

// planOrderPage asks about the court order a care plan is made under:
// what it is called and its dates. A care plan has no annual review or
// EHC needs assessment, so these are its own questions.
type planOrderPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	planRef
	title      string
	made, ends dateText
	errs       formErrors
}

func (p *planOrderPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load shows the order of the plan named in the address.
func (p *planOrderPage) load(q url.Values) {
	p.book.open()
	p.errs, p.planID = nil, q.Get("plan")
	if pl, ok := p.plan(p.book); ok {
		p.title, p.made, p.ends = pl.Title, dateTextOf(pl.OrderMade), dateTextOf(pl.OrderEnds)
	}
}

func (p *planOrderPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if _, ok := p.plan(p.book); !ok {
		return noPlanPage(p.book)
	}
	return newQuestionPage(p.book, "The court order", p.path("/plan/issued"), p.errs,
		questionForm(p.submit, "",
			elH1().Class("question").Text("The court order"),
			elP().Text("A care plan like this is made as part of a court case. Fill in what you know and leave the rest empty. "+monthHint),
			textField{ID: "title", Label: "What is the order? (optional)", Hint: "For example: a 12-month supervision order.",
				Value: &p.title, Error: p.errs.of("title")}.render(&p.Compo),
			dateField{ID: "made", Legend: "When the court made the order (optional)", Value: &p.made, Error: p.errs.of("made")}.render(&p.Compo),
			dateField{ID: "ends", Legend: "When the order ends or ended (optional)", Hint: "A 12-month supervision order ends 12 months after it was made.",
				Value: &p.ends, Error: p.errs.of("ends")}.render(&p.Compo),
		))
}

func (p *planOrderPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, p.path("/plan/reviews"))
}

// save keeps the order's name and dates; false, with each problem by its
// field and nothing stored, when one is wrong.
func (p *planOrderPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	made, msg := p.made.parseMonthOK("The date the order was made")
	if msg == "" && made.After(today()) {
		msg = "The date the order was made must be today or in the past"
	}
	if msg != "" {
		p.errs.add("made-day", msg)
	}
	ends, msg := p.ends.parseMonthOK("The date the order ends")
	if msg != "" {
		p.errs.add("ends-day", msg)
	}
	if len(p.errs) > 0 {
		return false
	}
	title := strings.TrimSpace(p.title)
	problems := p.change(p.book, func(pl *calc.Plan) {
		if title != "" {
			pl.Title = "care plan under a " + strings.TrimPrefix(strings.TrimPrefix(title, "a "), "A ")
		}
		pl.OrderMade, pl.OrderEnds = made, ends
	})
	p.errs = errorsFrom(problems, "made-day", map[string]string{"order_ends": "ends-day", "order_made": "made-day", "title": "title"})
	return len(p.errs) == 0
}

// planReviewsPage lists the reviews the care plan promised (for example at
// 3, 6 and 9 months) and asks when each was done. calc works out the due
// dates and whether each was late.
type planReviewsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	planRef
	done []dateText
	errs formErrors
}

func (p *planReviewsPage) OnNav(ctx app.Context) {
	p.book.open()
	p.planID = ctx.Page().URL().Query().Get("plan")
	p.load()
}

// load shows the reviews of the plan the page is about.
func (p *planReviewsPage) load() {
	p.errs = nil
	p.done = nil
	if pl, ok := p.plan(p.book); ok {
		for _, s := range pl.Steps {
			p.done = append(p.done, dateTextOf(s.Done))
		}
	}
}

func (p *planReviewsPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	pl, ok := p.plan(p.book)
	if !ok {
		return noPlanPage(p.book)
	}
	steps, issued := pl.Steps, pl.Issued
	fields := []app.UI{
		elH1().Class("question").Text("Reviews the care plan promised"),
		elP().Text("Many care plans say when they will be reviewed, for example at 3, 6 and 9 months. Say when each review happened. Leave it empty if it did not."),
	}
	if len(steps) == 0 {
		if issued.IsZero() {
			fields = append(fields, elP().Body(elText("First give the date of the care plan. "),
				elA().Href(pagePath(withReturn(p.path("/plan/issued"), p.path("/plan/reviews")))).Text("Add the date of the care plan")))
		} else {
			fields = append(fields, elP().Body(elButton().Type("button").ID("add-reviews").Class("button button-secondary").
				Text("Add reviews at 3, 6 and 9 months").OnClick(func(ctx app.Context, e app.Event) { p.addReviews() })))
		}
	}
	for i, s := range steps {
		if i >= len(p.done) {
			break
		}
		fields = append(fields, dateField{ID: "done-" + itoa(i), Legend: s.Name + ": due " + s.Due.Long() + ". When was it done?",
			Value: &p.done[i], Error: p.errs.of("done-" + itoa(i))}.render(&p.Compo))
	}
	return newQuestionPage(p.book, "Reviews the care plan promised", p.path("/plan/order"), p.errs, questionForm(p.submit, "", fields...))
}

// addReviews adds the reviews at 3, 6 and 9 months after the care plan's
// date, with calc's due dates.
func (p *planReviewsPage) addReviews() bool {
	p.errs = nil
	problems := p.change(p.book, func(pl *calc.Plan) {
		if len(pl.Steps) == 0 {
			pl.Steps = calc.CarePlanReviews(pl.Issued, 3, 6, 9)
		}
	})
	p.errs = errorsFrom(problems, "add-reviews", nil)
	p.load()
	return len(problems) == 0
}

func (p *planReviewsPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, p.listPath(p.book))
}

// save keeps the date each review was done; false, with each problem by
// its date and nothing stored, when one is wrong.
func (p *planReviewsPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	parsed := make([]calc.Date, len(p.done))
	for i := range p.done {
		id := "done-" + itoa(i)
		d, msg := p.done[i].parse("The date of the review")
		if msg == "" && d.After(today()) {
			msg = "The date of the review must be today or in the past"
		}
		if msg != "" {
			p.errs.add(id+"-day", msg)
		}
		parsed[i] = d
	}
	if len(p.errs) > 0 {
		return false
	}
	problems := p.change(p.book, func(pl *calc.Plan) {
		for i := range pl.Steps {
			if i < len(parsed) {
				pl.Steps[i].Done = parsed[i]
			}
		}
	})
	p.errs = errorsFrom(problems, "done-0-day", nil)
	return len(p.errs) == 0
}
