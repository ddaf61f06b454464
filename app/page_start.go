package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// startPage says what the tool does, who it is for, and what to have ready.
type startPage struct {
	app.Compo
}

func (p *startPage) OnNav(ctx app.Context) { book.open() }

func (p *startPage) Render() app.UI {
	return newPage("Keep a record of the help in your child's plan",
		app.P().Class("lead").Text("Use this tool if your child has an Education, Health and Care (EHC) plan "+
			"and the council has not given them all the help the plan says they should get."),
		app.P().Text("It helps you:"),
		app.Ul().Class("list").Body(
			app.Li().Text("write down each kind of help in the plan, such as speech and language therapy"),
			app.Li().Text("keep a log of the sessions your child had and the ones they missed"),
			app.Li().Text("see how many sessions were missed, and what the council could pay to put it right"),
			app.Li().Text("write a complaint letter to the council"),
		),
		app.H2().Text("Your information stays on this device"),
		app.P().Text("Everything you type is saved on this phone or computer only. "+
			"We do not see it and it is not sent anywhere, unless you choose to send or download it. "+
			"The tool still works when you have no internet."),
		app.H2().Text("Before you start"),
		app.P().Text("Have these with you:"),
		app.Ul().Class("list").Body(
			app.Li().Text("your child's EHC plan, most of all Section F (the help for learning)"),
			app.Li().Text("any dates of sessions that did not happen"),
			app.Li().Text("emails or letters from the council or school about it"),
		),
		app.If(book.hasCase(), func() app.UI {
			return app.Div().Class("actions").Body(
				app.A().Class("button").Href(pagePath("/tasks")).Text("Continue with "+book.current().Child.FirstName+"'s record"),
				app.A().Class("button button-secondary").Href(pagePath("/child/name?new=1")).Text("Start a record for another child"),
			)
		}).Else(func() app.UI {
			return app.Div().Body(
				app.Div().Class("actions").Body(
					app.A().Class("button button-start").Href(pagePath("/child/name")).Text("Start now"),
				),
				app.P().Body(
					app.Text("Moving to a new phone? "),
					app.A().Href(pagePath("/import")).Text("Import a backup file"),
				),
			)
		}),
		app.Div().Class("callout").Body(
			app.P().Text("This tool gives an idea, not legal advice. "+
				"The Ombudsman or a court decides each case on its own facts."),
		),
	)
}
