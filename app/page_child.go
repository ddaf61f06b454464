package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// childNamePage asks for the child's first name. It is the first question
// of a new record, so it also creates the record.
type childNamePage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	name string
	// isNew is set by "?new=1" (Add another child): the name starts a new
	// record instead of renaming the open one.
	isNew bool
	// council is the council a share link presets for a new record.
	council string
	errs    formErrors
}

func (p *childNamePage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

// load fills the page from the address: "?new=1" starts another child's
// record, anything else changes the open record's name (or starts the
// first record).
func (p *childNamePage) load(q url.Values) {
	p.errs = nil
	p.name = ""
	p.isNew = q.Get("new") != ""
	p.council = ""
	if co, ok := sharedCouncil(q); ok {
		p.council = co.Code
	}
	if p.book.hasCase() && !p.isNew {
		p.name = p.book.current().Child.FirstName
	}
}

func (p *childNamePage) Render() app.UI {
	return newQuestionPage(p.book, "Your child's first name", "/", p.errs,
		questionForm(p.submit, "",
			textField{
				ID: "first-name", Label: "What is your child's first name?", AsHeading: true,
				Hint:  "We put it in your letters. You do not need to give their last name here.",
				Value: &p.name, Error: p.errs.of("first-name"), AutoComplete: "off",
			}.render(&p.Compo),
		),
	)
}

func (p *childNamePage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/child/birth")
}

// save renames the open record, or starts a new one with this name. It
// reports false, with the problem on the page and nothing stored, when
// calc refuses the name.
func (p *childNamePage) save() bool {
	name := strings.TrimSpace(p.name)
	fields := map[string]string{"child.first_name": "first-name"}
	var problems []calc.FieldError
	if p.book.hasCase() && !p.isNew {
		problems = p.book.change(func(c *calc.Case) { c.Child.FirstName = name })
	} else {
		c := newCase(name)
		c.Council = p.council
		problems = p.book.start(c)
		if len(problems) == 0 {
			// A half-added provision or an Undo belongs to the record left
			// behind, not to this new one.
			p.book.draft, p.book.removed = nil, nil
		}
	}
	if p.errs = errorsFrom(problems, "first-name", fields); len(p.errs) > 0 {
		return false
	}
	// The record exists now: a second press of Continue (a double tap
	// before the next page shows) renames it rather than starting another.
	p.isNew = false
	return true
}

// newCase is an empty record for a child, with one EHC plan to fill in.
func newCase(firstName string) calc.Case {
	return calc.Case{
		SchemaVersion: calc.SchemaVersion,
		Child:         calc.Child{FirstName: firstName},
		Plans:         []calc.Plan{{ID: "plan-1", Kind: calc.PlanEHC}},
	}
}

// childBirthPage asks for the date of birth, which letters show.
type childBirthPage struct {
	app.Compo
	book  *caseBook // the parent's records, given by main
	birth dateText
	errs  formErrors
}

func (p *childBirthPage) OnNav(ctx app.Context) {
	p.book.open()
	p.errs = nil
	p.birth = dateTextOf(p.book.current().Child.DateOfBirth)
}

func (p *childBirthPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	name := p.book.current().Child.FirstName
	return newQuestionPage(p.book, "Date of birth", "/child/name", p.errs,
		questionForm(p.submit, "",
			dateField{
				ID: "birth", Legend: "What is " + name + "'s date of birth?", AsHeading: true,
				Hint:  "For example, 27 3 2015. It goes at the top of your letters. You can leave it empty.",
				Value: &p.birth, Error: p.errs.of("birth"),
			}.render(&p.Compo),
		),
	)
}

func (p *childBirthPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/child/council")
}

// save checks the date of birth and puts it in the record; false, with the
// problem on the page and nothing stored, when it is wrong.
func (p *childBirthPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	d, msg := p.birth.parse("Date of birth")
	if msg == "" && d.After(today()) {
		msg = "Date of birth must be today or in the past"
	}
	if msg != "" {
		p.errs.add("birth-day", msg)
		return false
	}
	problems := p.book.change(func(c *calc.Case) { c.Child.DateOfBirth = d })
	p.errs = errorsFrom(problems, "birth-day", nil)
	return len(p.errs) == 0
}

// childCouncilPage asks which council is responsible for the plan.
type childCouncilPage struct {
	app.Compo
	book    *caseBook // the parent's records, given by main
	council string
	errs    formErrors
}

func (p *childCouncilPage) OnNav(ctx app.Context) {
	p.book.open()
	p.errs = nil
	p.council = p.book.current().Council
}

func (p *childCouncilPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	councils := councilsByName()
	err := p.errs.of("council")
	class := "select"
	if err != "" {
		class += " input-error"
	}
	return newQuestionPage(p.book, "Council", "/child/birth", p.errs,
		questionForm(p.submit, "",
			elDiv().Class(groupClass(err)).Body(
				elH1().Class("question").Body(
					elLabel().For("council").Class("label").Text("Which council is responsible for the plan?"),
				),
				elDiv().ID("council-hint").Class("hint").Text("It is usually the council for the area where your child lives. "+
					"Its name is on the first page of the plan."),
				elIf(err != "", func() app.UI {
					return elP().ID("council-error").Class("field-error").Body(
						elSpan().Class("visually-hidden").Text("Error: "), elText(err))
				}),
				elSelect().ID("council").Name("council").Class(class).
					Aria("describedby", describedBy("council", "hint", err)).
					OnChange(p.ValueTo(&p.council)).Body(
					elOption().Value("").Selected(p.council == "").Text("Choose a council"),
					elRange(councils).Slice(func(i int) app.UI {
						co := councils[i]
						return elOption().Value(co.Code).Selected(co.Code == p.council).Text(co.ShortName)
					}),
				),
			),
		),
	)
}

func (p *childCouncilPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/tasks")
}

// save puts the chosen council in the record; false, with the problem on
// the page and nothing stored, when none was chosen or calc refuses it.
func (p *childCouncilPage) save() bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	if p.council == "" {
		p.errs.add("council", "Choose the council from the list")
		return false
	}
	problems := p.book.change(func(c *calc.Case) { c.Council = p.council })
	p.errs = errorsFrom(problems, "council", nil)
	return len(p.errs) == 0
}

// councilsByName lists the councils as parents look for them: by their
// everyday name, A to Z.
func councilsByName() []calc.Council {
	list := append([]calc.Council(nil), calc.Councils()...)
	sortBy(list, func(a, b calc.Council) bool { return a.ShortName < b.ShortName })
	return list
}

// noRecordPage is shown on a record's pages when there is no record yet.
func noRecordPage(b *caseBook) app.UI {
	return newPage(b, "Start a record first",
		elP().Text("There is no record for a child on this device yet."),
		elA().Class("button").Href(pagePath("/child/name")).Text("Start a record"),
	)
}
