package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dataNotices is the strip at the top of every page that tells the parent,
// at once and in plain words, when their record is not safe: a save that
// failed (storage full, private browsing), a newer version saved in
// another tab (with the choice of which to keep), a change that came in
// from another tab, and saved data that could not be read. It also listens
// to the other tabs while it is on screen.
//
// It goes in the page frame, in place of storageWarning: its first part
// says the same, plus the choices.
type dataNotices struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	// State sums up what the strip shows. go-app redraws a child component
	// only when one of its exported fields changes, so this makes it follow
	// the book.
	State string
	stop  func()
}

// dataSafetyNotices returns the strip for the page frame (see dataNotices).
func dataSafetyNotices(b *caseBook) app.UI { return &dataNotices{book: b, State: noticesState(b)} }

func noticesState(b *caseBook) string {
	b.open()
	other := 0
	if b.other != nil {
		other = b.other.Revision
	}
	return b.saveError + "|" + b.openErr + "|" + b.notice + "|" + itoa(other) +
		"|" + itoa(len(b.store.Problems())) + "|" + b.id
}

func (d *dataNotices) OnMount(ctx app.Context) {
	d.book.open()
	if len(d.book.list()) > 0 && !d.book.persistAsked {
		d.book.persistAsked = true
		askPersistentStorage()
	}
	d.stop = listenOtherTabs(func(key string) {
		ctx.Dispatch(func(ctx app.Context) { d.book.otherTabChanged(key) })
	})
}

func (d *dataNotices) OnDismount() {
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
}

// OnNav drops a notice about another tab once the parent moves on.
func (d *dataNotices) OnNav(ctx app.Context) { d.book.notice = "" }

func (d *dataNotices) Render() app.UI {
	d.book.open()
	msg, title := d.book.saveError, "Your changes are not saved on this device"
	if msg == "" {
		// Storage could not be opened: said from the first page, before
		// there are any changes.
		msg, title = d.book.openErr, "Nothing you enter can be saved on this device"
	}
	problems := d.book.store.Problems()
	onProblemsPage := app.IsClient && app.Window().URL().Path == pagePath("/problems")
	return elDiv().Class("data-notices").Body(
		elIf(d.book.other != nil, func() app.UI { return conflictChoices(d.book) }).
			ElseIf(msg != "", func() app.UI {
				return elDiv().Class("warning").Attr("role", "alert").Body(
					elP().Class("warning-title").Text(title),
					elP().Text(msg),
					elIf(d.book.hasCase(), func() app.UI {
						return elP().Body(elA().Href(pagePath("/backup")).Text("Download a backup now"))
					}),
				)
			}),
		elIf(d.book.notice != "", func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").Body(elP().Text(d.book.notice))
		}),
		elIf(len(problems) > 0 && !onProblemsPage, func() app.UI {
			return elDiv().Class("warning").Attr("role", "alert").Body(
				elP().Class("warning-title").Text("Some saved information could not be read"),
				elP().Text("It has been kept safe on this device and has not been changed. Download a copy so it cannot be lost."),
				elP().Body(elA().Href(pagePath("/problems")).Text("See what could not be read and download it")),
			)
		}),
	)
}

// conflictChoices shows both versions' times and lets the parent keep one.
func conflictChoices(b *caseBook) app.UI {
	o := b.other
	when := ""
	if !o.SavedAt.IsZero() {
		when = " It was saved at " + o.SavedAt.Local().Format("15:04 on 2 January") + "."
	}
	return elDiv().Class("warning conflict").Attr("role", "alert").Body(
		elP().Class("warning-title").Text("This record was changed in another tab or window"),
		elP().Text("Another tab or window saved a newer version of this record after you opened it here. "+
			"Your latest change here is not saved yet, so nothing has been lost. Choose which version to keep."+when),
		elDiv().Class("actions").Body(
			elButton().Type("button").Class("button button-secondary").ID("keep-other").
				Text("Keep the other tab's version").
				OnClick(func(ctx app.Context, e app.Event) { b.keepOther() }),
			elButton().Type("button").Class("button").ID("keep-mine").
				Text("Keep this tab's version").
				OnClick(func(ctx app.Context, e app.Event) { b.keepMine() }),
		),
		elP().Class("hint").Body(
			elText("Keeping this tab's version saves it over the other one. Not sure? "),
			elA().Href(pagePath("/backup")).Text("Download a backup of this tab's version"),
			elText(" first."),
		),
	)
}

// problemsPage lists saved data the app could not read, so the parent can
// download it exactly as it is (and the record inside it, when there is
// one, as a backup file to import later). It is removed only when the
// parent asks, after a confirmation.
type problemsPage struct {
	app.Compo
	book    *caseBook // the parent's records, given by main
	confirm string    // key the parent asked to remove
	status  string
}

func (p *problemsPage) OnNav(ctx app.Context) {
	p.book.open()
	p.confirm, p.status = "", ""
}

func (p *problemsPage) Render() app.UI {
	p.book.open()
	problems := p.book.store.Problems()
	return newPage(p.book, "Saved information that could not be read",
		elIf(len(problems) == 0, func() app.UI {
			return elP().Text("Everything saved on this device can be read. There is nothing to do here.")
		}).Else(func() app.UI {
			return elP().Text("Provision Tracker found saved information it could not read. " +
				"It has kept it exactly as it was and will not write over it. " +
				"Download it now and keep the file safe: someone who helps you, or a newer version of the app, may be able to read it.")
		}),
		elIf(p.status != "", func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").Body(elP().Text(p.status))
		}),
		elUl().Class("summary-cards").Body(elRange(problems).Slice(func(i int) app.UI {
			pr := problems[i]
			return elLi().Class("card problem").Body(
				elH2().Class("card-title").Text("Unreadable information "+itoa(i+1)),
				elP().Text(pr.Why),
				elP().Class("card-meta").Text("Stored as "+pr.Key+" ("+itoa(len(pr.Raw))+" characters)"),
				elDiv().Class("actions").Body(
					elButton().Type("button").Class("button").ID("download-problem-"+itoa(i+1)).
						Text("Download it as it is").
						OnClick(func(ctx app.Context, e app.Event) {
							p.status = downloadStatus(downloadFile(pr.FileName, "text/plain;charset=utf-8", []byte(pr.Raw)), pr.FileName)
						}),
					elIf(len(pr.CaseFile) > 0, func() app.UI {
						name := "provision-tracker-recovered-" + pr.ID + "-" + today().String() + ".json"
						return elButton().Type("button").Class("button button-secondary").
							Text("Download the record inside as a backup file").
							OnClick(func(ctx app.Context, e app.Event) {
								p.status = downloadStatus(downloadFile(name, "application/json", pr.CaseFile), name)
							})
					}),
				),
				elIf(p.confirm == pr.Key, func() app.UI {
					return elDiv().Class("warning").Attr("role", "alert").Body(
						elP().Class("warning-title").Text("Remove this information from this device?"),
						elP().Text("Only do this once you have downloaded it. It cannot be undone."),
						elDiv().Class("actions").Body(
							elButton().Type("button").Class("button button-warning").Text("Yes, remove it").
								OnClick(func(ctx app.Context, e app.Event) {
									if err := p.book.store.DiscardProblem(pr.Key); err != nil {
										p.status = err.Error()
									} else {
										p.status = "It has been removed."
									}
									p.confirm = ""
								}),
							elButton().Type("button").Class("button button-secondary").Text("No, keep it").
								OnClick(func(ctx app.Context, e app.Event) { p.confirm = "" }),
						),
					)
				}).Else(func() app.UI {
					return elButton().Type("button").Class("link-button").
						OnClick(func(ctx app.Context, e app.Event) { p.confirm = pr.Key }).Body(
						elText("Remove it from this device"),
						elSpan().Class("visually-hidden").Text(" (unreadable information "+itoa(i+1)+")"))
				}),
			)
		})),
		elP().Body(elA().Href(pagePath("/import")).Text("Import a backup file")),
	)
}

// downloadStatus says what happened to a download.
func downloadStatus(ok bool, name string) string {
	if !ok {
		return "Your browser did not let the file download. Try another browser, or ask for help."
	}
	return "The file " + name + " is downloading. Look for it in your Downloads (on an iPhone: the Files app, Downloads)."
}

// backupDate describes when a backup was made, for the parent.
func backupDate(t time.Time) string {
	return t.Local().Format("2 January 2006 at 15:04")
}
