package main

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/backup"
	"provisiontracker/calc"
)

// keepSafe reminds the parent of the two things that protect a record
// kept only in a browser: a backup file made since the last change, and,
// on an iPhone or iPad in Safari, adding the app to the Home Screen
// (Safari deletes a site's data after 7 days of use without a visit).
// The tasks page and the backup page show it.
type keepSafe struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	// State sums up the record's backup state: go-app redraws a child
	// component only when one of its exported fields changes.
	State        string
	onBackupPage bool // no link to the page the parent is on
	apple        bool
	installed    bool
}

// keepSafeReminder returns the reminder for the tasks page.
func keepSafeReminder(b *caseBook) app.UI {
	return &keepSafe{book: b, State: keepSafeState(b), apple: appleBrowser(), installed: isInstalled()}
}

func keepSafeState(b *caseBook) string {
	if !b.hasCase() {
		return ""
	}
	s, _ := b.store.Summary(b.id)
	return fmt.Sprint(b.id, s.Revision, s.BackedUpRev, b.dirty)
}

// appleBrowser is go-app's Context.IsAppleBrowser, read when the
// reminder is made rather than once it is on screen: the Home Screen tip
// appearing after the page is drawn would push every link below it down
// just as the parent taps one.
func appleBrowser() bool {
	f := app.Window().Get("goappIsAppleBrowser")
	return f.Truthy() && app.Window().Call("goappIsAppleBrowser").Bool()
}

func (k *keepSafe) Render() app.UI {
	var parts []app.UI
	if k.book.hasCase() && (k.book.dirty || k.book.store.NeedsBackup(k.book.id)) {
		name := k.book.current().Child.FirstName
		if name == "" {
			name = "your child"
		}
		s, _ := k.book.store.Summary(k.book.id)
		text := "You have not downloaded a backup of " + name + "'s record yet."
		if !s.BackedUpAt.IsZero() {
			text = "You have changed " + name + "'s record since your last backup on " + backupDate(s.BackedUpAt) + "."
		}
		text += " If this phone is lost or the browser clears its data, a backup file is the only copy."
		body := []app.UI{elP().Class("reminder-title").Text("Make a backup"), elP().Text(text)}
		if !k.onBackupPage {
			body = append(body, elP().Body(elA().Href(pagePath("/backup")).Text("Download a backup")))
		}
		parts = append(parts, elDiv().Class("callout reminder backup-reminder").Body(body...))
	}
	if k.apple && !k.installed {
		parts = append(parts, elDiv().Class("callout reminder home-screen-tip").Body(
			elP().Class("reminder-title").Text("On an iPhone or iPad: add this app to your Home Screen"),
			elP().Text("Safari deletes what a website saved if you do not open it for 7 days. "+
				"An app on your Home Screen keeps its information."),
			elOl().Class("list").Body(
				elLi().Text("Download a backup first: the Home Screen app starts empty, as it keeps its own copy."),
				elLi().Text("In Safari, tap the Share button (a square with an arrow), then Add to Home Screen."),
				elLi().Text("Open Provision Tracker from your Home Screen and import the backup."),
			),
		))
	}
	return elDiv().Class("keep-safe").Body(parts...)
}

// backupPage downloads the open record as a backup file, optionally locked
// with a passphrase. It works from what is on screen, so a change that
// could not be saved (storage full) can still be taken off the device.
type backupPage struct {
	app.Compo
	book    *caseBook // the parent's records, given by main
	which   string    // "this" or "all" (every record on this device in one file)
	lock    string    // "no" or "yes"
	pass    string
	pass2   string
	errs    formErrors
	working bool
	done    string      // name of the file just downloaded
	ctx     app.Context // the page's own, for work that finishes later
}

func (p *backupPage) OnNav(ctx app.Context) {
	p.book.open()
	p.ctx = ctx
	p.which, p.lock, p.pass, p.pass2, p.errs, p.working, p.done = "this", "no", "", "", nil, false, ""
}

func (p *backupPage) Render() app.UI {
	if !p.book.hasCase() {
		return newPage(p.book, "Download a backup",
			elP().Text("There is no record on this device to back up yet."),
			elP().Body(elA().Href(pagePath("/import")).Text("Import a backup file")),
		)
	}
	c := p.book.current()
	name := c.Child.FirstName
	s, _ := p.book.store.Summary(p.book.id)
	last := "Never"
	if !s.BackedUpAt.IsZero() {
		last = backupDate(s.BackedUpAt)
	}
	return newPage(p.book, "Download a backup",
		&keepSafe{book: p.book, onBackupPage: true, State: keepSafeState(p.book), apple: appleBrowser(), installed: isInstalled()},
		elP().Text("A backup is a file with everything you entered for "+name+". "+
			"Keep it somewhere safe, such as your email or a cloud drive. "+
			"If this phone is lost or the browser clears its data, you can import it again, on this or another device."),
		summaryList([]summaryRow{
			{Key: "Record", Value: name + "'s record"},
			{Key: "Last backup", Value: last},
		}),
		elIf(p.done != "", func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").ID("backup-done").Body(
				elP().Text(downloadStatus(true, p.done)),
			)
		}),
		questionForm(p.submit, "Download backup file",
			elIf(len(p.book.list()) > 1, func() app.UI {
				return radioField{
					ID: "which", Legend: "Which records?",
					Hint:  "An advocate or a family with more than one child can keep every record in one file.",
					Value: &p.which, Error: p.errs.of("which"),
					Options: []option{
						{Value: "this", Label: "Only " + name + "'s record"},
						{Value: "all", Label: "All " + itoa(len(p.book.list())) + " records on this device, in one file"},
					},
				}.render(&p.Compo)
			}),
			radioField{
				ID: "lock", Legend: "Protect the file with a passphrase?",
				Hint: "Anyone who gets the file can read it, unless you protect it. You will need the passphrase to import it. " +
					"To send it to someone who helps you, protect it and tell them the passphrase another way (by phone, not in the same email): " +
					"the file's name does not show your child's name.",
				Value: &p.lock, Error: p.errs.of("lock"),
				Options: []option{
					{Value: "no", Label: "No"},
					{Value: "yes", Label: "Yes, protect it with a passphrase"},
				},
			}.render(&p.Compo),
			elIf(p.lock == "yes", func() app.UI {
				return elDiv().Class("passphrase-fields").Body(
					passwordField(&p.Compo, "passphrase", "Passphrase",
						"At least 8 characters, and not one that is easy to guess. Three or four words you can remember work well, like \"purple kite river\". "+
							"If you forget it, nobody can open the file.", p.errs.of("passphrase"), &p.pass, "new-password"),
					passwordField(&p.Compo, "passphrase-again", "Type the passphrase again", "", p.errs.of("passphrase-again"), &p.pass2, "new-password"),
				)
			}),
			elIf(p.working, func() app.UI {
				return elP().Class("working").Attr("role", "status").ID("backup-working").
					Text("Locking the file… this can take a few seconds.")
			}),
		),
		elH2().Text("Other things you can do"),
		elUl().Class("list").Body(
			elLi().Body(elA().Href(pagePath("/import")).Text("Import a backup file")),
			elLi().Body(elA().Href(pagePath("/delete")).Text("Delete everything from this device")),
		),
	).withErrors(p.errs).backTo("/tasks")
}

func (p *backupPage) submit(ctx app.Context) {
	if p.working {
		return
	}
	p.errs, p.done = nil, ""
	c, id, rev, dirty := p.book.current(), p.book.id, p.book.rev, p.book.dirty
	locked := p.lock == "yes"
	if locked {
		if err := backup.CheckPassphrase(p.pass); err != nil {
			p.errs.add("passphrase", err.Error())
		} else if p.pass != p.pass2 {
			p.errs.add("passphrase-again", "The two passphrases are not the same. Type them again.")
		}
	}
	if len(p.errs) > 0 {
		focusErrorSummary(ctx)
		return
	}
	finish := func(ctx app.Context, name string, data []byte, err error) {
		p.working = false
		if err != nil {
			p.errs.add("lock", err.Error())
			focusErrorSummary(ctx)
			return
		}
		if !downloadFile(name, "application/json", data) {
			p.errs.add("lock", downloadStatus(false, name))
			focusErrorSummary(ctx)
			return
		}
		// The file holds the saved revision only when nothing is unsaved.
		if !dirty && id == p.book.id {
			p.book.store.MarkBackedUp(id, rev)
		}
		p.done, p.pass, p.pass2 = name, "", ""
	}
	if p.which == "all" && len(p.book.list()) > 1 {
		p.submitAll(ctx, locked)
		return
	}
	if !locked {
		name, data, err := backup.Export(c, today())
		finish(ctx, name, data, err)
		return
	}
	// PBKDF2 with 600,000 rounds takes seconds in WebAssembly, which runs
	// on the page's only thread: show "working" first, then do it.
	p.working = true
	pass, day := p.pass, today()
	ctx.Async(func() {
		time.Sleep(100 * time.Millisecond) // lets the browser draw the "working" line
		name, data, err := backup.ExportLocked(c, day, pass)
		p.ctx.Dispatch(func(ctx app.Context) { finish(ctx, name, data, err) })
	})
}

// submitAll downloads every record on this device in one file. The open
// record is taken as it is on screen (with a change that could not be
// saved); the others as saved.
func (p *backupPage) submitAll(ctx app.Context, locked bool) {
	type saved struct {
		id  string
		rev int
	}
	var cases []calc.Case
	var marks []saved
	for _, s := range p.book.list() {
		if s.ID == p.book.id {
			cases = append(cases, p.book.current())
			if !p.book.dirty {
				marks = append(marks, saved{s.ID, p.book.rev})
			}
			continue
		}
		c, rev, err := p.book.store.Load(s.ID)
		if err != nil {
			p.errs.add("which", "The record of "+s.ChildName+" could not be read, so nothing has been downloaded. "+err.Error())
			focusErrorSummary(ctx)
			return
		}
		cases = append(cases, c)
		marks = append(marks, saved{s.ID, rev})
	}
	finish := func(ctx app.Context, name string, data []byte, err error) {
		p.working = false
		if err != nil {
			p.errs.add("which", err.Error())
			focusErrorSummary(ctx)
			return
		}
		if !downloadFile(name, "application/json", data) {
			p.errs.add("which", downloadStatus(false, name))
			focusErrorSummary(ctx)
			return
		}
		for _, m := range marks {
			p.book.store.MarkBackedUp(m.id, m.rev)
		}
		p.done, p.pass, p.pass2 = name, "", ""
	}
	if !locked {
		name, data, err := backup.ExportAll(cases, today(), "")
		finish(ctx, name, data, err)
		return
	}
	pass, day := p.pass, today()
	p.working = true
	ctx.Async(func() {
		time.Sleep(100 * time.Millisecond) // lets the browser draw the "working" line
		name, data, err := backup.ExportAll(cases, day, pass)
		p.ctx.Dispatch(func(ctx app.Context) { finish(ctx, name, data, err) })
	})
}

// passwordField is a labelled box for a passphrase.
func passwordField(c *app.Compo, id, label, hint, errMsg string, value *string, autocomplete string) app.UI {
	class := "input"
	if errMsg != "" {
		class += " input-error"
	}
	return elDiv().Class(groupClass(errMsg)).Body(
		append(append([]app.UI{elLabel().For(id).Class("label").Text(label)}, hintAndError(id, hint, errMsg)...),
			elInput().Type("password").ID(id).Name(id).Class(class).Value(*value).
				Attr("autocomplete", autocomplete).Attr("spellcheck", false).
				Aria("describedby", describedBy(id, hint, errMsg)).
				Aria("invalid", errMsg != "").
				OnChange(c.ValueTo(value)),
		)...,
	)
}
