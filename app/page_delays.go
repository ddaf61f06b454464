package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// The complaint: its dates, stage by stage, and the council's timescales
// for answering it. calc turns them into deadlines (see /deadlines); these
// pages only collect the dates and numbers the parent knows.

// complaintDate is one date of the complaint a page can ask for.
type complaintDate struct {
	id, path, label, hint string
	short                 string // its name on a summary
	field                 func(c *calc.Complaint) *calc.Date
}

var (
	complaintNoticed = complaintDate{"noticed", "problem_noticed", "When did you first know the help was not happening?",
		"The Ombudsman usually wants complaints within 12 months of this date. A guess is fine, for example 1 3 2023.",
		"You knew of the problem",
		func(c *calc.Complaint) *calc.Date { return &c.ProblemNoticed }}
	complaintStage1Sent = complaintDate{"sent", "stage1_sent", "You sent your complaint", "", "Stage 1: complaint sent",
		func(c *calc.Complaint) *calc.Date { return &c.Stage1Sent }}
	complaintStage1Ack = complaintDate{"ack", "stage1_acknowledged", "The council said it got your complaint (optional)", "", "Stage 1: council said it got it",
		func(c *calc.Complaint) *calc.Date { return &c.Stage1Acknowledged }}
	complaintStage1Answer = complaintDate{"answered", "stage1_answered", "The council answered your complaint (optional)", "", "Stage 1: council answered",
		func(c *calc.Complaint) *calc.Date { return &c.Stage1Answered }}
	complaintStage2Sent = complaintDate{"sent", "stage2_sent", "You asked for stage 2", "", "Stage 2: complaint sent",
		func(c *calc.Complaint) *calc.Date { return &c.Stage2Sent }}
	complaintStage2Ack = complaintDate{"ack", "stage2_acknowledged", "The council said it got your stage 2 complaint (optional)", "", "Stage 2: council said it got it",
		func(c *calc.Complaint) *calc.Date { return &c.Stage2Acknowledged }}
	complaintStage2Answer = complaintDate{"answered", "stage2_answered", "The council answered at stage 2 (optional)", "", "Stage 2: council answered",
		func(c *calc.Complaint) *calc.Date { return &c.Stage2Answered }}
	complaintStage3Asked = complaintDate{"asked", "stage3_requested", "You asked for a review panel (stage 3)", "", "Stage 3: review panel asked for",
		func(c *calc.Complaint) *calc.Date { return &c.Stage3Requested }}
	complaintStage3Held = complaintDate{"held", "stage3_panel_held", "The review panel met (optional)", "", "Stage 3: review panel met",
		func(c *calc.Complaint) *calc.Date { return &c.Stage3PanelHeld }}
	complaintOmbudsman = complaintDate{"ombudsman", "ombudsman_sent", "When did you complain to the Ombudsman?",
		"The Local Government and Social Care Ombudsman. Leave it empty if you have not complained to them.",
		"Complaint to the Ombudsman",
		func(c *calc.Complaint) *calc.Date { return &c.OmbudsmanSent }}
)

// complaintQuestion is one page of complaint dates. With one date, the
// date is the page's question; with several, they are the few answers of
// one step of the complaint.
type complaintQuestion struct {
	path, title, heading, intro, back, next string
	dates                                   []complaintDate
	needsSent                               bool // later dates need the first (the date it was sent)
}

var (
	complaintNoticedQ = complaintQuestion{path: "/complaint/noticed", title: "When you knew of the problem",
		back: "/delays", next: "/complaint/stage1", dates: []complaintDate{complaintNoticed}}
	complaintStage1Q = complaintQuestion{path: "/complaint/stage1", title: "Your complaint to the council",
		heading: "Your complaint to the council (stage 1)",
		intro:   "Fill in the dates you know. Leave them empty if you have not complained yet.",
		back:    "/complaint/noticed", next: "/complaint/stage2", needsSent: true,
		dates: []complaintDate{complaintStage1Sent, complaintStage1Ack, complaintStage1Answer}}
	complaintStage2Q = complaintQuestion{path: "/complaint/stage2", title: "Stage 2 of your complaint",
		heading: "Stage 2 of your complaint",
		intro:   "If you were not happy with the answer, you can ask the council to look again. Leave the dates empty if you have not.",
		back:    "/complaint/stage1", next: "/complaint/stage3", needsSent: true,
		dates: []complaintDate{complaintStage2Sent, complaintStage2Ack, complaintStage2Answer}}
	complaintStage3Q = complaintQuestion{path: "/complaint/stage3", title: "Stage 3: review panel",
		heading: "Stage 3: a review panel",
		intro: "Only complaints about children's social care have this step: a panel of people who are not from the council's team looks at your complaint. " +
			"Leave the dates empty if you have not asked for one.",
		back: "/complaint/stage2", next: "/complaint/ombudsman", needsSent: true,
		dates: []complaintDate{complaintStage3Asked, complaintStage3Held}}
	complaintOmbudsmanQ = complaintQuestion{path: "/complaint/ombudsman", title: "Complaint to the Ombudsman",
		back: "/complaint/stage3", next: "/complaint/procedure", dates: []complaintDate{complaintOmbudsman}}
)

// maxComplaintDates is the most dates one complaint page asks.
const maxComplaintDates = 3

// complaintDatesPage asks one complaintQuestion.
type complaintDatesPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	q    complaintQuestion
	// dates are what the boxes hold. A fixed array, filled in place: the
	// first render binds each box to its element, and go-app keeps that
	// binding (it compares handlers by their code, not by what they write
	// to), so a new slice made later would never see what is typed.
	dates [maxComplaintDates]dateText
	errs  formErrors
	// base is the complaint as the page showed it: saving copies only the
	// dates changed here into the latest saved record.
	base    calc.Complaint
	clashes []fieldClash
}

// complaintSteps are the complaint's pages in order, for the summaries.
var complaintSteps = []complaintQuestion{complaintNoticedQ, complaintStage1Q, complaintStage2Q, complaintStage3Q, complaintOmbudsmanQ}

// One type per address: go-app keeps a page of the same type when it moves
// between two addresses, and would show the first question again.
type (
	complaintNoticedPage   struct{ complaintDatesPage }
	complaintStage1Page    struct{ complaintDatesPage }
	complaintStage2Page    struct{ complaintDatesPage }
	complaintStage3Page    struct{ complaintDatesPage }
	complaintOmbudsmanPage struct{ complaintDatesPage }
)

func (p *complaintDatesPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load()
}

// load shows the dates already in the record, in the boxes' own storage.
func (p *complaintDatesPage) load() {
	p.errs, p.clashes = nil, nil
	cp := p.book.current().Complaint
	p.base = cp
	for i, d := range p.q.dates {
		p.dates[i] = dateTextOf(*d.field(&cp))
	}
}

func (p *complaintDatesPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	var fields []app.UI
	if len(p.q.dates) == 1 {
		d := p.q.dates[0]
		fields = append(fields, dateField{ID: d.id, Legend: d.label, Hint: withMonthHint(d.hint), AsHeading: true,
			Value: &p.dates[0], Error: p.errs.of(d.id)}.render(&p.Compo))
	} else {
		fields = append(fields, elH1().Class("question").Text(p.q.heading), elP().Text(p.q.intro))
		for i, d := range p.q.dates {
			fields = append(fields, dateField{ID: d.id, Legend: d.label, Hint: withMonthHint(d.hint),
				Value: &p.dates[i], Error: p.errs.of(d.id)}.render(&p.Compo))
		}
	}
	return newQuestionPage(p.book, p.q.title, skipStage3(p.book.current(), p.q.back, "/complaint/stage2"), p.errs,
		clashNotice(p.clashes, p.keepMine, p.keepSaved),
		questionForm(p.submit, "", fields...))
}

func (p *complaintDatesPage) submit(ctx app.Context) {
	p.clashes = nil
	p.finish(ctx, p.store(false))
}

// withMonthHint adds to a date's hint that the day may be left out.
func withMonthHint(hint string) string {
	if hint == "" {
		return monthHint
	}
	return hint + " " + monthHint
}

// skipStage3 leaves out the review panel (stage 3), which only the
// children's social-care procedure has: for other cases a way to it goes
// to instead.
func skipStage3(c calc.Case, path, instead string) string {
	if path == complaintStage3Q.path && !socialCareCase(c) {
		return instead
	}
	return path
}

// complaintStepsFor are the complaint's pages that fit the case: the
// review panel only for social care, or when its dates are already
// recorded (nothing saved is hidden).
func complaintStepsFor(c calc.Case) []complaintQuestion {
	if socialCareCase(c) || !c.Complaint.Stage3Requested.IsZero() || !c.Complaint.Stage3PanelHeld.IsZero() {
		return complaintSteps
	}
	var out []complaintQuestion
	for _, q := range complaintSteps {
		if q.path != complaintStage3Q.path {
			out = append(out, q)
		}
	}
	return out
}

func (p *complaintDatesPage) finish(ctx app.Context, saved bool) {
	switch {
	case saved:
		goNext(ctx, skipStage3(p.book.current(), p.q.next, "/complaint/ombudsman"))
	case len(p.clashes) > 0:
		focusClash(ctx)
	default:
		focusErrorSummary(ctx)
	}
}

// keepMine saves the dates typed here over those saved underneath.
func (p *complaintDatesPage) keepMine(ctx app.Context, e app.Event) { p.finish(ctx, p.store(true)) }

// keepSaved shows the dates saved underneath and saves the other changes.
func (p *complaintDatesPage) keepSaved(ctx app.Context, e app.Event) {
	p.book.refresh()
	latest := p.book.current().Complaint
	for _, c := range p.clashes {
		for i, d := range p.q.dates {
			if d.short == c.Name {
				p.dates[i] = dateTextOf(*d.field(&latest))
				*d.field(&p.base) = *d.field(&latest)
			}
		}
	}
	p.finish(ctx, p.store(false))
}

// fields are this page's dates, for saving only those changed.
func (p *complaintDatesPage) fields() []formField[calc.Complaint] {
	var out []formField[calc.Complaint]
	for _, d := range p.q.dates {
		out = append(out, formField[calc.Complaint]{d.short,
			func(c *calc.Complaint) string { return d.field(c).Long() },
			func(dst, src *calc.Complaint) { *d.field(dst) = *d.field(src) }})
	}
	return out
}

// save checks the dates and puts the ones changed in the record; see store.
func (p *complaintDatesPage) save() bool {
	p.clashes = nil
	return p.store(false)
}

// store checks the dates and copies the ones changed here into the latest
// saved record; false (and nothing changed) when one is wrong, or one was
// changed underneath to another date (unless keepMine: then the clash is
// on the page).
func (p *complaintDatesPage) store(keepMine bool) bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	parsed := make([]calc.Date, len(p.q.dates))
	for i, d := range p.q.dates {
		what := "The date"
		if len(p.q.dates) > 1 {
			what = strings.TrimSuffix(d.label, " (optional)") + ": the date"
		}
		v, msg := p.dates[i].parseMonthOK(what)
		if msg == "" && v.After(today()) {
			msg = what + " must be today or in the past"
		}
		if msg != "" {
			p.errs.add(d.id+"-day", msg)
		}
		parsed[i] = v
	}
	if len(p.errs) > 0 {
		return false
	}
	mine := p.base
	for i, d := range p.q.dates {
		*d.field(&mine) = parsed[i]
	}
	p.book.refresh()
	// The dates as they will be saved: these changes on the latest record
	// (another tab may have given the date it was sent).
	merged := p.book.current().Complaint
	if p.clashes = applyEdits(p.fields(), &p.base, &mine, &merged, keepMine); len(p.clashes) > 0 && !keepMine {
		return false
	}
	if first := p.q.dates[0].field(&merged); p.q.needsSent && first.IsZero() {
		for _, d := range p.q.dates[1:] {
			if !d.field(&merged).IsZero() {
				p.errs.add(p.q.dates[0].id+"-day", "Enter the date you sent the complaint")
				return false
			}
		}
	}
	var saved calc.Complaint
	problems := p.book.change(func(c *calc.Case) {
		applyEdits(p.fields(), &p.base, &mine, &c.Complaint, true)
		saved = c.Complaint
	})
	fields := map[string]string{}
	for _, d := range p.q.dates {
		fields["complaint."+d.path] = d.id + "-day"
	}
	p.errs = errorsFrom(problems, p.q.dates[0].id+"-day", fields)
	if len(p.errs) > 0 {
		return false
	}
	p.base, p.clashes = saved, nil
	return true
}

// complaintProcedures are the two procedures a council may use.
var complaintProcedures = []option{
	{string(calc.ProcedureCorporate), "The council's own complaints procedure",
		"Most complaints about help in an EHC plan go here."},
	{string(calc.ProcedureSocialCare), "The children's social care complaints procedure",
		"For help from children's social care, for example in a care plan or Section H."},
	{complaintProcedureUnknown, "I do not know", "We use the time limits of the council's own procedure."},
}

// complaintProcedureUnknown is the answer "I do not know"; the record
// keeps no procedure then, and calc uses the council's own.
const complaintProcedureUnknown = "unknown"

// complaintProcedurePage asks which complaints procedure the council uses.
type complaintProcedurePage struct {
	app.Compo
	book      *caseBook // the parent's records, given by main
	procedure string
	errs      formErrors
}

func (p *complaintProcedurePage) OnNav(ctx app.Context) {
	p.book.open()
	p.load()
}

func (p *complaintProcedurePage) load() {
	p.errs = nil
	p.procedure = string(p.book.current().Complaint.Policy.Procedure)
}

func (p *complaintProcedurePage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	return newQuestionPage(p.book, "Which complaints procedure", "/complaint/ombudsman", p.errs,
		questionForm(p.submit, "",
			radioField{ID: "procedure", Legend: "Which complaints procedure is the council using?", AsHeading: true,
				Hint:    "The council's letter or website says. It decides how long the council has to answer.",
				Options: complaintProcedures, Value: &p.procedure, Error: p.errs.of("procedure")}.render(&p.Compo),
		))
}

func (p *complaintProcedurePage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/complaint/timescales")
}

// save puts the chosen procedure in the record.
func (p *complaintProcedurePage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	if p.procedure == "" {
		p.errs.add("procedure", "Choose the complaints procedure, or I do not know")
		return false
	}
	proc := calc.Procedure(p.procedure)
	if p.procedure == complaintProcedureUnknown {
		proc = ""
	}
	problems := p.book.change(func(c *calc.Case) { c.Complaint.Policy.Procedure = proc })
	p.errs = errorsFrom(problems, "procedure", nil)
	return len(p.errs) == 0
}

// complaintTimescale is one number of the council's complaint policy.
type complaintTimescale struct {
	id, path, label string
	field           func(p *calc.ComplaintPolicy) *int
}

var complaintTimescales = []complaintTimescale{
	{"s1-ack", "stage1_ack_days", "Stage 1: working days to say it got your complaint",
		func(p *calc.ComplaintPolicy) *int { return &p.Stage1AckDays }},
	{"s1-answer", "stage1_answer_days", "Stage 1: working days to answer",
		func(p *calc.ComplaintPolicy) *int { return &p.Stage1AnswerDays }},
	{"s2-ack", "stage2_ack_days", "Stage 2: working days to say it got your complaint",
		func(p *calc.ComplaintPolicy) *int { return &p.Stage2AckDays }},
	{"s2-answer", "stage2_answer_days", "Stage 2: working days to answer",
		func(p *calc.ComplaintPolicy) *int { return &p.Stage2AnswerDays }},
}

// complaintTimescalesPage shows the time limits in use (the procedure's
// defaults, from calc) and lets the parent put in their council's own.
type complaintTimescalesPage struct {
	app.Compo
	book   *caseBook // the parent's records, given by main
	days   [4]string
	source string
	// shown is what the boxes showed when the page opened: only the
	// answers the parent changed from it are saved, so a time limit
	// another tab saved meanwhile is not written back.
	shownDays   [4]string
	shownSource string
	errs        formErrors
}

func (p *complaintTimescalesPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load()
}

func (p *complaintTimescalesPage) load() {
	p.errs = nil
	pol := p.book.current().Complaint.Policy
	eff := calc.EffectivePolicy(pol)
	for i, t := range complaintTimescales {
		p.days[i] = ""
		if n := *t.field(&eff); n > 0 {
			p.days[i] = itoa(n)
		}
	}
	p.source = pol.Source
	p.shownDays, p.shownSource = p.days, p.source
}

func (p *complaintTimescalesPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	pol := p.book.current().Complaint.Policy
	def := calc.EffectivePolicy(calc.ComplaintPolicy{Procedure: pol.Procedure})
	fields := []app.UI{
		elH1().Class("question").Text("How long does the council have to answer?"),
		elP().Text("We have filled in the usual time limits, from the " + def.Source + ". " +
			"If your council's complaints policy gives other numbers, put those in."),
		elP().Class("hint").Text("Working days leave out weekends and bank holidays."),
	}
	for i, t := range complaintTimescales {
		hint := ""
		if *t.field(&def) == 0 {
			hint = "The rules give no time limit for this. Leave it empty if your council's policy does not give one."
		}
		fields = append(fields, textField{ID: t.id, Label: t.label, Hint: hint, Width: "short", InputMode: "numeric",
			Value: &p.days[i], Error: p.errs.of(t.id)}.render(&p.Compo))
	}
	fields = append(fields, textField{ID: "source", Label: "Where did you read these? (optional)",
		Hint:  "For example: the council's complaints policy on its website, May 2024.",
		Value: &p.source, Error: p.errs.of("source")}.render(&p.Compo))
	return newQuestionPage(p.book, "Time limits for answering", "/complaint/procedure", p.errs,
		questionForm(p.submit, "", fields...))
}

func (p *complaintTimescalesPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/delays")
}

// save checks the numbers and keeps them. A number equal to the
// procedure's default is stored as "use the default", so the deadlines
// keep naming the Code or regulations as their source.
func (p *complaintTimescalesPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	days := make([]int, len(complaintTimescales))
	for i, t := range complaintTimescales {
		s := strings.TrimSpace(p.days[i])
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			p.errs.add(t.id, t.label+": write a whole number, like 10")
		case n < 1:
			p.errs.add(t.id, t.label+": the number must be 1 or more")
		}
		days[i] = n
	}
	if len(p.errs) > 0 {
		return false
	}
	p.book.refresh() // apply the changes to the latest saved record
	problems := p.book.change(func(c *calc.Case) {
		pol := &c.Complaint.Policy
		def := calc.EffectivePolicy(calc.ComplaintPolicy{Procedure: pol.Procedure})
		for i, t := range complaintTimescales {
			if strings.TrimSpace(p.days[i]) == strings.TrimSpace(p.shownDays[i]) {
				continue // not changed here
			}
			if n := days[i]; n == *t.field(&def) {
				*t.field(pol) = 0
			} else {
				*t.field(pol) = n
			}
		}
		if strings.TrimSpace(p.source) != strings.TrimSpace(p.shownSource) {
			pol.Source = strings.TrimSpace(p.source)
		}
	})
	fields := map[string]string{"complaint.policy.source": "source"}
	for _, t := range complaintTimescales {
		fields["complaint.policy."+t.path] = t.id
	}
	p.errs = errorsFrom(problems, complaintTimescales[0].id, fields)
	if len(p.errs) > 0 {
		return false
	}
	p.load() // the boxes show what is saved now, other tabs' numbers included
	return true
}

// delaysPage gathers the dates that show delay: the plan's process dates
// (their own page), the complaint and the council's time limits.
type delaysPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *delaysPage) OnNav(ctx app.Context) { p.book.open() }

func (p *delaysPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	ret := "/delays"
	var rows []summaryRow
	for _, q := range complaintStepsFor(c) {
		for _, d := range q.dates {
			v := "Not given"
			if dt := *d.field(&c.Complaint); !dt.IsZero() {
				v = dt.Long()
			}
			rows = append(rows, summaryRow{Key: complaintDateName(d), Value: v, Change: withReturn(q.path, ret)})
		}
	}
	pol := calc.EffectivePolicy(c.Complaint.Policy)
	rows = append(rows,
		summaryRow{Key: "Complaints procedure", Value: labelOf(complaintProcedures, string(pol.Procedure)),
			Change: withReturn("/complaint/procedure", ret)},
		summaryRow{Key: "Time limits", Value: complaintPolicyWords(pol), Change: withReturn("/complaint/timescales", ret)},
	)
	return newPage(p.book, "Delays and your complaint",
		elP().Text("The law and the council's own rules give time limits. Put in the dates you know and we will show which limits the council missed."),
		elH2().Text("Making or changing the plan"),
		elP().Body(
			elA().Href(pagePath(withReturn("/plan/dates", ret))).Text("Dates in making or changing the plan"),
			elText(": asking for an assessment, the draft and final plan, and the annual review."),
		),
		elH2().Text("Your complaint"),
		summaryList(rows),
		elDiv().Class("actions").Body(
			elIf(c.Complaint == (calc.Complaint{}), func() app.UI {
				return elA().Class("button button-secondary").Href(pagePath("/complaint/noticed")).Text("Add your complaint dates")
			}),
			elA().Class("button").Href(pagePath("/deadlines")).Text("See the deadlines"),
		),
		elP().Body(elA().Href(pagePath("/contacts")).Text("Back to your contacts with the council")),
	).backTo("/contacts")
}

// complaintDateName is a short name for a complaint date on a summary.
func complaintDateName(d complaintDate) string { return d.short }

// complaintPolicyWords says the time limits in use in one sentence.
func complaintPolicyWords(pol calc.ComplaintPolicy) string {
	stage := func(n, ack, answer int) string {
		s := "Stage " + itoa(n) + ": "
		if ack > 0 {
			s += "say it got it within " + workingDays(ack) + ", "
		}
		return s + "answer within " + workingDays(answer) + "."
	}
	return stage(1, pol.Stage1AckDays, pol.Stage1AnswerDays) + "\n" +
		stage(2, pol.Stage2AckDays, pol.Stage2AnswerDays) + "\n" +
		"From: " + pol.Source
}

func workingDays(n int) string {
	if n == 1 {
		return "1 working day"
	}
	return itoa(n) + " working days"
}

// deadlinesPage shows every deadline calc can work out from the record:
// the rule, its source, the due and done dates, where it stands and how
// late. Every date and number on it is calc's.
type deadlinesPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *deadlinesPage) OnNav(ctx app.Context) { p.book.open() }

// deadlineStatusWords are the plain words for calc's statuses.
var deadlineStatusWords = map[calc.DeadlineStatus]struct{ text, tag string }{
	calc.Met:      {"Done on time", "tag-green"},
	calc.Late:     {"Done late", "tag-late"},
	calc.Pending:  {"Not due yet", "tag-blue"},
	calc.Overdue:  {"Overdue", "tag-overdue"},
	calc.TooEarly: {"Done too early", "tag-late"},
}

// deadlineLateness says how late, in calc's whole weeks and working days.
func deadlineLateness(d calc.Deadline) string {
	if d.Status != calc.Late && d.Status != calc.Overdue {
		return "Not late"
	}
	weeks := "Less than a week"
	switch {
	case d.WeeksLate == 1:
		weeks = "1 week"
	case d.WeeksLate > 1:
		weeks = itoa(d.WeeksLate) + " weeks"
	}
	s := weeks + " (" + workingDays(d.WorkingDaysLate) + ")"
	if d.Status == calc.Overdue {
		s += " so far"
	}
	return s
}

func (p *deadlinesPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	now := today()
	list := calc.Deadlines(c, calc.CalendarFor(c), now)
	content := []app.UI{
		elP().Text("These are the time limits we can work out from the dates you gave, on " + now.Long() + ". " +
			"Working days leave out weekends and bank holidays."),
	}
	if len(list) == 0 {
		content = append(content,
			elP().Class("empty").Text("There are no deadlines to show yet. Add the dates you know and they will appear here."),
		)
	} else {
		content = append(content, deadlineTable(list))
	}
	content = append(content,
		elH2().Class("no-print").Text("Add or change dates"),
		elUl().Class("list no-print").Body(
			elLi().Body(elA().Href(pagePath(withReturn("/plan/dates", "/deadlines"))).Text("Dates in making or changing the plan")),
			elLi().Body(elA().Href(pagePath("/delays")).Text("Your complaint and the council's time limits")),
			elLi().Body(elA().Href(pagePath("/contacts")).Text("Replies the council promised (your contacts)")),
			elLi().Body(elA().Href(pagePath("/calendar")).Text("School term dates")),
		),
	)
	return newPage(p.book, "Deadlines", content...).backTo("/contacts")
}

// deadlineTable is a table on wide screens and on paper, and a card a row
// on a phone (see app.css): each cell carries its column's name for that.
func deadlineTable(list []calc.Deadline) app.UI {
	cols := []string{"What must happen", "Due", "Done", "Where it stands", "How late"}
	return app.Table().Class("deadline-table").Body(
		app.Caption().Class("visually-hidden").Text("Deadlines, with the date each was due and done"),
		app.THead().Body(elTr().Body(elRange(cols).Slice(func(i int) app.UI {
			return elTh().Scope("col").Text(cols[i])
		}))),
		app.TBody().Body(elRange(list).Slice(func(i int) app.UI {
			d := list[i]
			st := deadlineStatusWords[d.Status]
			done := "Not yet"
			if !d.Done.IsZero() {
				done = d.Done.Long()
			}
			return elTr().Class("deadline-row deadline-"+string(d.Status)).Body(
				elTd().DataSet("label", cols[0]).Class("deadline-rule").Body(
					elSpan().Class("deadline-rule-text").Text(d.Rule),
					elIf(d.ParentDeadline, func() app.UI {
						return elSpan().Class("deadline-note").Text("This is a time limit for you, not the council.")
					}),
					// How calc counted it, for example from a month-only date.
					elIf(d.Note != "", func() app.UI { return elSpan().Class("deadline-note").Text(d.Note) }),
					elSpan().Class("deadline-source").Text(d.Source),
				),
				elTd().DataSet("label", cols[1]).Text(d.Due.Long()),
				elTd().DataSet("label", cols[2]).Text(done),
				elTd().DataSet("label", cols[3]).Body(elStrong().Class("tag "+st.tag).Text(st.text)),
				elTd().DataSet("label", cols[4]).Text(deadlineLateness(d)),
			)
		})),
	)
}
