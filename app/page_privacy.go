package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// privacyPage explains in plain words where a family's information is kept.
type privacyPage struct {
	app.Compo
}

func (p *privacyPage) Render() app.UI {
	return newPage("Privacy",
		app.H2().Text("What we keep"),
		app.P().Text("Provision Tracker keeps what you type, such as your child's first name, "+
			"their plan and the sessions they missed, in this browser's storage on this device."),
		app.H2().Text("Who can see it"),
		app.P().Text("Anyone who can use this phone or computer and open this browser can see it. "+
			"Nobody else can: it is not sent to us, to the council or to anyone."),
		app.H2().Text("What we do not do"),
		app.Ul().Class("list").Body(
			app.Li().Text("We do not use cookies."),
			app.Li().Text("We do not track what you do or count visits."),
			app.Li().Text("The app does not load anything from other websites."),
		),
		app.H2().Text("If you clear your browser"),
		app.P().Text("Clearing this browser's website data deletes what you typed. "+
			"Some phones, such as iPhones, may clear it if you do not open the app for a few weeks."),
	)
}
