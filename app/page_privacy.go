package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// privacyPage explains in plain words where a family's information is kept,
// who can see it, and how to take it away or delete it.
type privacyPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *privacyPage) Render() app.UI {
	return newPage(p.book, "Privacy",
		elH2().Text("What is kept"),
		elP().Text("Provision Tracker keeps what you type, such as your child's first name, "+
			"their plan, the sessions they missed, your contacts with the council and your notes."),
		elH2().Text("Where it is kept"),
		elP().Text("Only in this browser's storage on this device. It is not sent to us, to the council or to anyone else. "+
			"There is no account and nothing is kept online, so we cannot get it back for you if it is lost."),
		elH2().Text("Who can see it"),
		elP().Text("Anyone who can use this phone or computer and open this browser can see it. "+
			"If other people use this device, think about who could open the app."),
		elH2().Text("What we do not do"),
		elUl().Class("list").Body(
			elLi().Text("We do not use cookies."),
			elLi().Text("We do not use analytics: we do not track what you do or count visits."),
			elLi().Text("The app does not load anything from other websites and sends nothing to them."),
		),
		elH2().Text("Keep a copy: download a backup"),
		elP().Text("A backup is a file with everything you entered for one child. You can protect it with a passphrase. "+
			"Keep it somewhere safe, such as your email. You can import it again on this or another device. "+
			"Anyone who has a file without a passphrase can read it."),
		elUl().Class("list").Body(
			elLi().Body(elA().Href(pagePath("/backup")).Text("Download a backup")),
			elLi().Body(elA().Href(pagePath("/import")).Text("Import a backup")),
		),
		elH2().Text("When it could be lost"),
		elP().Text("Clearing this browser's website data deletes what you typed. "+
			"On an iPhone or iPad, Safari deletes it if you do not open the app for 7 days, unless you add the app to your Home Screen. "+
			"Download a backup after you make changes."),
		elH2().Text("Delete it"),
		elP().Text("You can delete one child's record from the list of records, or everything at once. "+
			"What is deleted cannot be got back, except from a backup file you downloaded."),
		elUl().Class("list").Body(
			elLi().Body(elA().Href(pagePath("/children")).Text("Your children's records")),
			elLi().Body(elA().Href(pagePath("/delete")).Text("Delete everything from this device")),
		),
	)
}
