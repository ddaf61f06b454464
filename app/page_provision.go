package main

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// The steps of adding or changing one provision, one question a page:
// type → section → wording → amount → weeks → day and length → dates →
// provider and price → indirect work → check and save. They fill in
// book.draft; only the check page puts it in the record.

// provisionStep is what every step page shares.
type provisionStep struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	errs formErrors
}

// begin opens the draft for a step: a new one for "?new=1" (going into
// the plan named by "&plan=", else the newest plan), or the provision
// named by "?id=", in whichever plan holds it. It reports false when there is nothing to
// edit (for example after a reload in the middle of adding).
func (s *provisionStep) begin(q url.Values) bool {
	s.book.open()
	s.errs = nil
	if !s.book.hasCase() {
		return false
	}
	c := s.book.current()
	switch {
	case q.Get("new") != "":
		s.book.draft = &calc.Provision{ID: calc.NewProvisionID(c), Section: calc.SectionF, Frequency: calc.Frequency{Unit: calc.UnitSessions}}
		s.book.draftBase, s.book.draftIsNew, s.book.draftClash, s.book.draftPlan = *s.book.draft, true, nil, q.Get("plan")
	case q.Get("id") != "" && (s.book.draft == nil || s.book.draft.ID != q.Get("id")):
		for _, p := range provisionsOf(c) {
			if p.ID == q.Get("id") {
				d := draftOf(p)
				s.book.draft, s.book.draftBase, s.book.draftIsNew, s.book.draftClash, s.book.draftPlan = &d, draftOf(p), false, nil, ""
			}
		}
	}
	return s.book.draft != nil
}

// advance goes to the following step once the answers were saved in the
// draft (or back to the check page when the parent came from one of its
// Change links); otherwise it moves the focus to the problems.
func (s *provisionStep) advance(ctx app.Context, saved bool, step string) {
	if !saved {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/provision/"+step)
}

// ready begins a step's save: it clears the last problems, so an answer
// put right is not held back by the message about it, and reports whether
// there is a draft to save into.
func (s *provisionStep) ready() bool {
	s.errs = nil
	return s.book.draft != nil
}

// draftPlanOf returns the plan the draft belongs to: the one that holds
// it, or for new help the one it goes into.
func draftPlanOf(b *caseBook) (calc.Plan, bool) {
	c := b.current()
	if b.draft != nil {
		if i := calc.PlanHolding(c, b.draft.ID); i >= 0 {
			return c.Plans[i], true
		}
	}
	return planRef{b.draftPlan}.plan(b)
}

// noDraftPage is shown when a step is opened without a provision to edit.
func noDraftPage(b *caseBook) app.UI {
	return newPage(b, "Start again from the list",
		elP().Text("We could not find the help you were adding. Nothing you saved has been lost."),
		elA().Class("button").Href(pagePath("/provisions")).Text("Go to the help in the plan"),
	)
}

func cloneProvision(p calc.Provision) calc.Provision {
	c := cloneCase(calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "x"},
		Plans: []calc.Plan{{ID: "p", Kind: calc.PlanEHC, Provisions: []calc.Provision{p}}}})
	return c.Plans[0].Provisions[0]
}

// --- type ------------------------------------------------------------------

type provisionTypePage struct {
	provisionStep
	kind string
}

func (p *provisionTypePage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its answer.
func (p *provisionTypePage) load(q url.Values) {
	if p.begin(q) {
		p.kind = string(p.book.draft.Type)
	}
}

func (p *provisionTypePage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	return newQuestionPage(p.book, "Type of help", "/provisions", p.errs, questionForm(p.submit, "",
		radioField{ID: "type", Legend: "What kind of help is it?", AsHeading: true,
			Hint: "Add one kind of help at a time. You can add more afterwards.", Options: provisionTypes,
			Value: &p.kind, Error: p.errs.of("type")}.render(&p.Compo)))
}

func (p *provisionTypePage) submit(ctx app.Context) { p.advance(ctx, p.save(), "section") }

// save puts the answer in the draft; false, with the problem on the page
// and the draft as it was, when it is missing.
func (p *provisionTypePage) save() bool {
	if !p.ready() {
		return false
	}
	if p.kind == "" {
		p.errs.add("type", "Choose the kind of help")
		return false
	}
	p.book.draft.Type = calc.ProvisionType(p.kind)
	return true
}

// --- section ---------------------------------------------------------------

type provisionSectionPage struct {
	provisionStep
	section string
}

func (p *provisionSectionPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its answer.
func (p *provisionSectionPage) load(q url.Values) {
	if p.begin(q) {
		p.section = string(p.book.draft.Section)
	}
}

func (p *provisionSectionPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	if pl, _ := draftPlanOf(p.book); pl.Kind == calc.PlanCarePlan {
		// A care plan has no lettered sections: ask who must give the help.
		return newQuestionPage(p.book, "Who must give this help", "/provision/type", p.errs, questionForm(p.submit, "",
			radioField{ID: "section", Legend: "Who must give this help?", AsHeading: true, Options: careSections,
				Value: &p.section, Error: p.errs.of("section")}.render(&p.Compo)))
	}
	return newQuestionPage(p.book, "Section of the plan", "/provision/type", p.errs, questionForm(p.submit, "",
		radioField{ID: "section", Legend: "Which section of the plan is it in?", AsHeading: true,
			Hint: "Sections have letters. The heading of each section says what it is.", Options: sections,
			Value: &p.section, Error: p.errs.of("section")}.render(&p.Compo)))
}

// careSections are the choices for help in a care plan, which has no
// lettered sections: social care (kept as Section H) or health (G).
var careSections = []option{
	{string(calc.SectionH), "Children's social care", "The council's children's social care must give this help. Most help in a care plan is this."},
	{string(calc.SectionG), "Health", "The NHS must give this help."},
}

func (p *provisionSectionPage) submit(ctx app.Context) { p.advance(ctx, p.save(), "wording") }

// save puts the answer in the draft; false, with the problem on the page
// and the draft as it was, when it is missing.
func (p *provisionSectionPage) save() bool {
	if !p.ready() {
		return false
	}
	if p.section == "" {
		p.errs.add("section", "Choose the section of the plan")
		return false
	}
	p.book.draft.Section = calc.Section(p.section)
	return true
}

// --- wording ---------------------------------------------------------------

type provisionWordingPage struct {
	provisionStep
	wording string
}

func (p *provisionWordingPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its answer.
func (p *provisionWordingPage) load(q url.Values) {
	if p.begin(q) {
		p.wording = p.book.draft.Wording
	}
}

func (p *provisionWordingPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	return newQuestionPage(p.book, "Words in the plan", "/provision/section", p.errs, questionForm(p.submit, "",
		textField{ID: "wording", Label: "What does the plan say about this help?", AsHeading: true, Multiline: true,
			Hint:  "Copy the words exactly, for example: \"1 session of occupational therapy each week, 45 minutes, in term time\". We quote them in your letter.",
			Value: &p.wording, Error: p.errs.of("wording")}.render(&p.Compo)))
}

func (p *provisionWordingPage) submit(ctx app.Context) { p.advance(ctx, p.save(), "amount") }

// save puts the words in the draft; false, with the problem on the page
// and the draft as it was, when they are too long.
func (p *provisionWordingPage) save() bool {
	if !p.ready() {
		return false
	}
	w := strings.TrimSpace(p.wording)
	if len(w) > 10000 {
		p.errs.add("wording", "The words from the plan must be 10,000 characters or fewer")
		return false
	}
	p.book.draft.Wording = w
	return true
}

// --- amount ----------------------------------------------------------------

type provisionAmountPage struct {
	provisionStep
	count, unit, per string
}

func (p *provisionAmountPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its answers.
func (p *provisionAmountPage) load(q url.Values) {
	if p.begin(q) {
		f := p.book.draft.Frequency
		p.count, p.unit, p.per = "", string(f.Unit), string(f.Per)
		if f.Count > 0 {
			p.count = itoa(f.Count)
		}
		if p.unit == "" {
			p.unit = string(calc.UnitSessions)
		}
	}
}

func (p *provisionAmountPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	perErr := p.errs.of("per")
	return newQuestionPage(p.book, "How much help", "/provision/wording", p.errs, questionForm(p.submit, "",
		elH1().Class("question").Text("How much help does the plan say?"),
		elP().Class("hint").Text("For example: 1 session a week, 6 sessions each half term, 12 sessions in total, or 3 hours a week."),
		textField{ID: "count", Label: "Number", Width: "short", InputMode: "numeric",
			Value: &p.count, Error: p.errs.of("count")}.render(&p.Compo),
		radioField{ID: "unit", Legend: "Sessions or hours?", Options: []option{
			{string(calc.UnitSessions), "Sessions", "Each time the help happens: a session, a night away, or a day of transport."},
			{string(calc.UnitHours), "Hours", "For support counted in hours, such as 15 hours a week of 1:1 support."}},
			Value: &p.unit, Error: p.errs.of("unit")}.render(&p.Compo),
		elDiv().Class(groupClass(perErr)).Body(
			elLabel().For("per").Class("label").Text("How often"),
			elIf(perErr != "", func() app.UI {
				return elP().ID("per-error").Class("field-error").Body(elSpan().Class("visually-hidden").Text("Error: "), elText(perErr))
			}),
			elSelect().ID("per").Name("per").Class("select").Aria("describedby", describedBy("per", "", perErr)).
				OnChange(p.ValueTo(&p.per)).Body(
				elOption().Value("").Selected(p.per == "").Text("Choose how often"),
				elRange(perOptions).Slice(func(i int) app.UI {
					return elOption().Value(perOptions[i].Value).Selected(p.per == perOptions[i].Value).Text(perOptions[i].Label)
				}),
			),
		),
	))
}

func (p *provisionAmountPage) submit(ctx app.Context) { p.advance(ctx, p.save(), "weeks") }

// save checks the amount (with calc, which knows what is absurd) and puts
// it in the draft; false, with the problems on the page and the draft as
// it was, when it is wrong.
func (p *provisionAmountPage) save() bool {
	if !p.ready() {
		return false
	}
	n, err := strconv.Atoi(strings.TrimSpace(p.count))
	switch {
	case strings.TrimSpace(p.count) == "":
		p.errs.add("count", "Enter the number of sessions or hours")
	case err != nil:
		p.errs.add("count", "The number must be a whole number, like 1 or 12")
	case n < 1:
		p.errs.add("count", "The number must be 1 or more")
	}
	if p.unit == "" {
		p.errs.add("unit", "Choose sessions or hours")
	}
	if p.per == "" {
		p.errs.add("per", "Choose how often")
	}
	if len(p.errs) == 0 {
		// calc knows what is absurd (10,000 sessions a week): ask it.
		trial := *p.book.draft
		trial.Frequency = calc.Frequency{Count: n, Unit: calc.Unit(p.unit), Per: calc.Per(p.per)}
		trial.Weeks = calc.TermTime
		for _, fe := range provisionProblems(p.book, trial) {
			if strings.Contains(fe.Path, ".frequency") {
				p.errs.add("count", sentence(fe.Message))
			}
		}
	}
	if len(p.errs) > 0 {
		return false
	}
	p.book.draft.Frequency = calc.Frequency{Count: n, Unit: calc.Unit(p.unit), Per: calc.Per(p.per)}
	return true
}

// provisionProblems checks one provision with calc's rules.
func provisionProblems(b *caseBook, pr calc.Provision) []calc.FieldError {
	c := b.current()
	c.Plans = []calc.Plan{{ID: "check", Kind: calc.PlanEHC, Provisions: []calc.Provision{pr}}}
	return calc.Validate(c)
}

// --- weeks, day and length ---------------------------------------------------

type provisionWeeksPage struct {
	provisionStep
	weeks, weekday, minutes string
}

func (p *provisionWeeksPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its answers.
func (p *provisionWeeksPage) load(q url.Values) {
	if p.begin(q) {
		d := p.book.draft
		p.weeks, p.weekday, p.minutes = string(d.Weeks), "", ""
		if len(d.Weekdays) > 0 {
			p.weekday = d.Weekdays[0]
		}
		if d.SessionMinutes > 0 {
			p.minutes = itoa(d.SessionMinutes)
		}
	}
}

func (p *provisionWeeksPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	return newQuestionPage(p.book, "When the help happens", "/provision/amount", p.errs, questionForm(p.submit, "",
		elH1().Class("question").Text("When does the help happen?"),
		radioField{ID: "weeks", Legend: "Is it only in school term time?", Options: weeksOptions,
			Value: &p.weeks, Error: p.errs.of("weeks")}.render(&p.Compo),
		radioField{ID: "weekday", Legend: "Which day of the week is it usually on?",
			Hint: "We use this to list the dates of the sessions that were due.", Options: weekdayOptions,
			Value: &p.weekday, Error: p.errs.of("weekday")}.render(&p.Compo),
		textField{ID: "minutes", Label: "How long is each session, in minutes? (optional)", Width: "short", InputMode: "numeric",
			Hint: "For example, 45.", Value: &p.minutes, Error: p.errs.of("minutes")}.render(&p.Compo),
	))
}

func (p *provisionWeeksPage) submit(ctx app.Context) { p.advance(ctx, p.save(), "dates") }

// save puts the weeks, day and length in the draft; false, with the
// problems on the page and the draft as it was, when one is wrong.
func (p *provisionWeeksPage) save() bool {
	if !p.ready() {
		return false
	}
	if p.weeks == "" {
		p.errs.add("weeks", "Choose term time only or all year")
	}
	minutes := 0
	if m := strings.TrimSpace(p.minutes); m != "" {
		n, err := strconv.Atoi(m)
		switch {
		case err != nil:
			p.errs.add("minutes", "The length must be a whole number of minutes, like 45")
		case n < 1 || n > 600:
			p.errs.add("minutes", "The length must be between 1 and 600 minutes")
		}
		minutes = n
	}
	if len(p.errs) > 0 {
		return false
	}
	d := p.book.draft
	d.Weeks, d.SessionMinutes, d.Weekdays = calc.Weeks(p.weeks), minutes, nil
	if p.weekday != "" {
		d.Weekdays = []string{p.weekday}
	}
	return true
}

// --- dates -----------------------------------------------------------------

type provisionDatesPage struct {
	provisionStep
	start, end dateText
}

func (p *provisionDatesPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its dates.
func (p *provisionDatesPage) load(q url.Values) {
	if p.begin(q) {
		p.start, p.end = dateTextOf(p.book.draft.Start), dateTextOf(p.book.draft.End)
	}
}

func (p *provisionDatesPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	return newQuestionPage(p.book, "Start and end dates", "/provision/weeks", p.errs, questionForm(p.submit, "",
		elH1().Class("question").Text("When should this help start and end?"),
		dateField{ID: "start", Legend: "Start date", Value: &p.start, Error: p.errs.of("start"),
			Hint: "The date it should have started. Usually the date of the final plan, or when the provider was meant to start. For example, 27 2 2023."}.render(&p.Compo),
		dateField{ID: "end", Legend: "End date (optional)", Value: &p.end, Error: p.errs.of("end"),
			Hint: "Leave it empty if the help should still be going on."}.render(&p.Compo),
	))
}

func (p *provisionDatesPage) submit(ctx app.Context) { p.advance(ctx, p.save(), "provider") }

// save puts the dates in the draft; false, with the problems on the page
// and the draft as it was, when one is wrong.
func (p *provisionDatesPage) save() bool {
	if !p.ready() {
		return false
	}
	start, msg := p.start.parse("Start date")
	if msg == "" && start.IsZero() {
		msg = "Enter the start date"
	}
	if msg != "" {
		p.errs.add("start-day", msg)
	}
	end, msg := p.end.parse("End date")
	if msg == "" && !end.IsZero() && !start.IsZero() && !end.After(start) {
		msg = "End date must be after the start date"
	}
	if msg != "" {
		p.errs.add("end-day", msg)
	}
	if len(p.errs) > 0 {
		return false
	}
	p.book.draft.Start, p.book.draft.End = start, end
	return true
}

// --- provider and price -----------------------------------------------------

type provisionProviderPage struct {
	provisionStep
	provider, price, name string
}

func (p *provisionProviderPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its answers.
func (p *provisionProviderPage) load(q url.Values) {
	if p.begin(q) {
		p.provider, p.price, p.name = p.book.draft.Provider, "", p.book.draft.Name
		if p.book.draft.PricePerSession.Sign() > 0 {
			p.price = p.book.draft.PricePerSession.StringFixed(2)
		}
	}
}

func (p *provisionProviderPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	return newQuestionPage(p.book, "Who gives the help", "/provision/dates", p.errs, questionForm(p.submit, "",
		elH1().Class("question").Text("Who gives this help?"),
		textField{ID: "provider", Label: "Name of the therapist, service or company (optional)",
			Value: &p.provider, Error: p.errs.of("provider")}.render(&p.Compo),
		textField{ID: "price", Label: "Price of one session, if you know it (optional)", Width: "short", InputMode: "decimal", Prefix: "£",
			Hint:  "For example, 90 or 85.50. We use it to show what the missed sessions were worth.",
			Value: &p.price, Error: p.errs.of("price")}.render(&p.Compo),
		textField{ID: "name", Label: "Your own name for this help (optional)",
			Hint:  "For example Theraplay, or therapy for me. The letters use it, so two kinds of help can be told apart.",
			Value: &p.name, Error: p.errs.of("name")}.render(&p.Compo),
	))
}

func (p *provisionProviderPage) submit(ctx app.Context) { p.advance(ctx, p.save(), "indirect") }

// save puts the provider and price in the draft; false, with the problems
// on the page and the draft as it was, when one is wrong.
func (p *provisionProviderPage) save() bool {
	if !p.ready() {
		return false
	}
	provider := strings.TrimSpace(p.provider)
	if len(provider) > 200 {
		p.errs.add("provider", "The name must be 200 characters or fewer")
	}
	price, msg := parsePounds(p.price, "The price")
	if msg != "" {
		p.errs.add("price", msg)
	}
	name := strings.Join(strings.Fields(p.name), " ")
	if len(name) > 200 {
		p.errs.add("name", "Your name for this help must be 200 characters or fewer")
	}
	if len(p.errs) > 0 {
		return false
	}
	p.book.draft.Provider, p.book.draft.PricePerSession, p.book.draft.Name = provider, price, name
	return true
}

// --- indirect work ----------------------------------------------------------

type provisionIndirectPage struct {
	provisionStep
	includes, missed string
}

func (p *provisionIndirectPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address and shows its answers (none
// yet for new help, so "No" is a choice the parent makes).
func (p *provisionIndirectPage) load(q url.Values) {
	if p.begin(q) {
		p.includes, p.missed = yesNo(p.book.draft.IncludesIndirect), yesNo(p.book.draft.IndirectMissed)
		if p.book.draftIsNew {
			p.includes, p.missed = "", ""
		}
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (p *provisionIndirectPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	yn := []option{{"yes", "Yes", ""}, {"no", "No", ""}}
	return newQuestionPage(p.book, "Indirect work", "/provision/provider", p.errs, questionForm(p.submit, "",
		radioField{ID: "includes", Legend: "Does the plan also give indirect work for this help?", AsHeading: true,
			Hint:    "For example a programme for home and school, the therapist talking to school staff, or training for staff.",
			Options: yn, Value: &p.includes, Error: p.errs.of("includes")}.render(&p.Compo),
		// Asked only after "Yes": after "No" there is no indirect work to miss.
		elIf(p.includes == "yes", func() app.UI {
			return radioField{ID: "missed", Legend: "Was the indirect work missed?",
				Options: yn, Value: &p.missed, Error: p.errs.of("missed")}.render(&p.Compo)
		}),
	))
}

func (p *provisionIndirectPage) submit(ctx app.Context) { p.advance(ctx, p.save(), "check") }

// save puts the answers in the draft; false, with the problems on the page
// and the draft as it was, when one is missing.
func (p *provisionIndirectPage) save() bool {
	if !p.ready() {
		return false
	}
	if p.includes == "" {
		p.errs.add("includes", "Choose yes or no")
	}
	if p.includes == "yes" && p.missed == "" {
		p.errs.add("missed", "Choose yes if the indirect work was missed, or no if it was done")
	}
	if len(p.errs) > 0 {
		return false
	}
	p.book.draft.IncludesIndirect = p.includes == "yes"
	p.book.draft.IndirectMissed = p.includes == "yes" && p.missed == "yes"
	return true
}

// --- check and save ---------------------------------------------------------

type provisionCheckPage struct {
	provisionStep
}

func (p *provisionCheckPage) OnNav(ctx app.Context) { p.load(ctx.Page().URL().Query()) }

// load opens the draft named by the address ("?id=" from the list's Change
// links), or keeps the one being added.
func (p *provisionCheckPage) load(q url.Values) { p.begin(q) }

func (p *provisionCheckPage) Render() app.UI {
	if p.book.draft == nil {
		return noDraftPage(p.book)
	}
	d := *p.book.draft
	ret := "/provision/check"
	dates := d.Start.Long()
	if !d.End.IsZero() {
		dates += " to " + d.End.Long()
	}
	price := "Not known"
	if d.PricePerSession.Sign() > 0 {
		price = calc.FormatMoney(d.PricePerSession)
	}
	indirect := "No"
	if d.IncludesIndirect {
		indirect = "Yes, and it was done"
		if d.IndirectMissed {
			indirect = "Yes, and it was missed"
		}
	}
	day := "Not fixed"
	if len(d.Weekdays) > 0 {
		day = labelOf(weekdayOptions, d.Weekdays[0])
	}
	rows := []summaryRow{
		{"Kind of help", labelOf(provisionTypes, string(d.Type)), withReturn("/provision/type", ret)},
		{"Your name for it", orNone(d.Name), withReturn("/provision/provider", ret)},
		{"Section", "Section " + string(d.Section), withReturn("/provision/section", ret)},
		{"Words in the plan", orNone(d.Wording), withReturn("/provision/wording", ret)},
		{"How much", describeAmount(d), withReturn("/provision/amount", ret)},
		{"Day", day, withReturn("/provision/weeks", ret)},
		{"Dates", dates, withReturn("/provision/dates", ret)},
		{"Who gives it", orNone(d.Provider), withReturn("/provision/provider", ret)},
		{"Price of a session", price, withReturn("/provision/provider", ret)},
		{"Indirect work", indirect, withReturn("/provision/indirect", ret)},
	}
	return newPage(p.book, "Check this help",
		clashNotice(p.book.draftClash, p.keepMine, p.keepSaved),
		summaryList(rows), questionForm(p.submit, "Save this help")).
		withErrors(p.errs).backTo("/provisions")
}

// keepMine saves the parent's answers over the ones saved underneath.
func (p *provisionCheckPage) keepMine(ctx app.Context, e app.Event) {
	if p.resolve(true) {
		goNext(ctx, "/provisions")
	}
}

// keepSaved keeps the answers saved underneath and saves the rest of what
// the parent changed.
func (p *provisionCheckPage) keepSaved(ctx app.Context, e app.Event) {
	if p.resolve(false) {
		goNext(ctx, "/provisions")
	}
}

// resolve ends a clash the way the parent chose and saves.
func (p *provisionCheckPage) resolve(keepMine bool) bool {
	if !p.ready() {
		return false
	}
	if !keepMine {
		p.book.refresh()
		if latest, ok := p.book.provision(p.book.draft.ID); ok {
			takeSaved(provisionFields, p.book.draftClash, &p.book.draftBase, p.book.draft, &latest)
		}
	}
	return p.store(keepMine)
}

func (p *provisionCheckPage) submit(ctx app.Context) {
	if !p.save() {
		if len(p.book.draftClash) > 0 {
			focusClash(ctx)
		} else {
			focusErrorSummary(ctx)
		}
		return
	}
	goNext(ctx, "/provisions")
}

// save puts what the parent changed in the record and closes the draft;
// see store. It never overwrites an answer that changed underneath.
func (p *provisionCheckPage) save() bool {
	if !p.ready() {
		return false
	}
	p.book.draftClash = nil
	return p.store(false)
}

// store applies the draft to the latest saved record: new help is added
// at the end; changed help gets only the answers the parent changed, in
// the provision with the draft's id, so its session records (perhaps
// marked in the log or in another tab since the draft opened) stay. It
// reports false, with the problems or the clashes on the page and nothing
// stored, when calc refuses the change, the help is gone, or an answer
// changed underneath (unless keepMine).
func (p *provisionCheckPage) store(keepMine bool) bool {
	p.errs = nil
	if p.book.draft == nil || !p.book.hasCase() {
		return false
	}
	p.book.refresh()
	d := *p.book.draft
	latest, exists := p.book.provision(d.ID)
	if exists && p.book.draftIsNew {
		// Another tab added help with the id this draft was given when it
		// opened: this is other help, so it gets an id of its own.
		d.ID = calc.NewProvisionID(p.book.current())
		p.book.draft.ID, p.book.draftBase.ID, exists = d.ID, d.ID, false
	}
	switch {
	case !exists && !p.book.draftIsNew:
		p.errs.add("main", "This help was removed in another tab or window, so it cannot be changed. Go back to the list to add it again.")
		return false
	case !exists:
		if _, ok := draftPlanOf(p.book); !ok {
			p.errs.add("main", "The plan this help was going into was removed in another tab or window. Go back to the list to add it to another plan.")
			return false
		}
	case exists && !keepMine:
		if clashes := applyEdits(provisionFields, &p.book.draftBase, &d, &latest, false); len(clashes) > 0 {
			p.book.draftClash = clashes
			return false
		}
	}
	problems := p.book.change(func(c *calc.Case) {
		for pi := range c.Plans {
			for i := range c.Plans[pi].Provisions {
				if pr := &c.Plans[pi].Provisions[i]; pr.ID == d.ID {
					applyEdits(provisionFields, &p.book.draftBase, &d, pr, true)
					return
				}
			}
		}
		if pi := (planRef{p.book.draftPlan}).index(*c); pi >= 0 {
			c.Plans[pi].Provisions = append(c.Plans[pi].Provisions, draftOf(d))
		}
	})
	if p.errs = errorsFrom(problems, "main", nil); len(p.errs) > 0 {
		return false
	}
	p.book.draft, p.book.draftClash = nil, nil
	return true
}

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Not given"
	}
	return s
}
