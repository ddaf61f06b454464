package main

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// startPage says what the tool does, who it is for, and what to have ready.
// A share link ("/?council=305") presets the council of a new record; it
// never changes a record that is already there.
type startPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	shared    calc.Council // the council the link presets
	hasShared bool
	share     shareTool
}

func (p *startPage) OnNav(ctx app.Context) {
	p.book.open()
	p.shared, p.hasShared = sharedCouncil(ctx.Page().URL().Query())
}

// startLink is where a new record starts: with the shared council, if any.
func (p *startPage) startLink(another bool) string {
	q := url.Values{}
	if another {
		q.Set("new", "1")
	}
	if p.hasShared {
		q.Set("council", p.shared.Code)
	}
	if len(q) == 0 {
		return "/child/name"
	}
	return "/child/name?" + q.Encode()
}

// sharedNotice says what the share link's council does, and that records
// already on this device stay as they are.
func (p *startPage) sharedNotice() app.UI {
	if !p.hasShared {
		return nil
	}
	msg := "This link is for families in " + p.shared.ShortName + ". A new record you start will use " + p.shared.Name + " and its term dates."
	if p.book.hasCase() {
		c := p.book.current()
		msg = "This link is for families in " + p.shared.ShortName + ". " + c.Child.FirstName + "'s record is not changed."
		if c.Council == p.shared.Code {
			msg = "This link is for families in " + p.shared.ShortName + ". " + c.Child.FirstName + "'s record already uses " + p.shared.Name + "."
		}
	}
	return elDiv().Class("notice-box").ID("shared-council").Body(elP().Text(msg))
}

func (p *startPage) Render() app.UI {
	return newPage(p.book, "Keep a record of the help in your child's plan",
		brandBox(siteBrand()),
		p.sharedNotice(),
		elP().Class("lead").Text("Use this tool if your child has an Education, Health and Care (EHC) plan "+
			"and the council has not given them all the help the plan says they should get."),
		elDiv().Body(prose(startWords[:])...),
		elIf(p.book.hasCase(), func() app.UI {
			return elDiv().Class("actions").Body(
				elA().Class("button").Href(pagePath("/tasks")).Text("Continue with "+p.book.current().Child.FirstName+"'s record"),
				elA().Class("button button-secondary").ID("start-another").Href(pagePath(p.startLink(true))).Text(p.anotherText()),
			)
		}).Else(func() app.UI {
			return elDiv().Body(
				elDiv().Class("actions").Body(
					elA().Class("button button-start").ID("start-now").Href(pagePath(p.startLink(false))).Text("Start now"),
				),
				elP().Body(
					elText("Moving to a new phone? "),
					elA().Href(pagePath("/import")).Text("Import a backup file"),
				),
			)
		}),
		elDiv().Class("callout").Body(
			elP().Text("This tool gives an idea, not legal advice. "+
				"The Ombudsman or a court decides each case on its own facts."),
		),
		p.share.render(),
	)
}

// startWords are what the start page says the tool does and what to have ready.
var startWords = [...]proseSection{
	{text: "It helps you:", items: []string{
		"write down each kind of help in the plan, such as speech and language therapy",
		"keep a log of the sessions your child had and the ones they missed",
		"see how many sessions were missed, and what the council could pay to put it right",
		"write a complaint letter to the council"}},
	{heading: "Your information stays on this device", text: "Everything you type is saved on this phone or computer only. " +
		"We do not see it and it is not sent anywhere, unless you choose to send or download it. " +
		"The tool still works when you have no internet."},
	{heading: "Before you start", text: "Have these with you:", items: []string{
		"your child's EHC plan, most of all Section F (the help for learning)",
		"any dates of sessions that did not happen",
		"emails or letters from the council or school about it"}},
}

func (p *startPage) anotherText() string {
	if p.hasShared {
		return "Start a record for another child in " + p.shared.ShortName
	}
	return "Start a record for another child"
}
