package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// privacyPage explains in plain words where a family's information is kept,
// who can see it, and how to take it away or delete it.
type privacyPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

// privacyWords are the privacy page's words.
var privacyWords = [...]proseSection{
	{heading: "What is kept", text: "Provision Tracker keeps what you type, such as your child's first name, " +
		"their plan, the sessions they missed, your contacts with the council and your notes."},
	{heading: "Where it is kept", text: "Only in this browser's storage on this device. It is not sent to us, to the council or to anyone else. " +
		"There is no account and nothing is kept online, so we cannot get it back for you if it is lost."},
	{heading: "Who can see it", text: "Anyone who can use this phone or computer and open this browser can see it. " +
		"If other people use this device, think about who could open the app."},
	{heading: "What we do not do", items: []string{
		"We do not use cookies.",
		"We do not use analytics: we do not track what you do or count visits.",
		"The app does not load anything from other websites and sends nothing to them."}},
	{heading: "Keep a copy: download a backup", text: "A backup is a file with everything you entered for one child. You can protect it with a passphrase. " +
		"Keep it somewhere safe, such as your email. You can import it again on this or another device. " +
		"Anyone who has a file without a passphrase can read it.",
		links: [][2]string{{"/backup", "Download a backup"}, {"/import", "Import a backup"}}},
	{heading: "When it could be lost", text: "Clearing this browser's website data deletes what you typed. " +
		"On an iPhone or iPad, Safari deletes it if you do not open the app for 7 days, unless you add the app to your Home Screen. " +
		"Download a backup after you make changes."},
	{heading: "Delete it", text: "You can delete one child's record from the list of records, or everything at once. " +
		"What is deleted cannot be got back, except from a backup file you downloaded.",
		links: [][2]string{{"/children", "Your children's records"}, {"/delete", "Delete everything from this device"}}},
}

func (p *privacyPage) Render() app.UI {
	return newPage(p.book, "Privacy", prose(privacyWords[:])...)
}
