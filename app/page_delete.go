package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// deletePage deletes everything the app saved on this device (every
// record, its saved versions and backup marks, and any unreadable data),
// after a confirmation. Nothing else in the browser is touched.
type deletePage struct {
	app.Compo
	book       *caseBook // the parent's records, given by main
	confirming bool
	done       bool
	problem    string
}

func (p *deletePage) OnNav(ctx app.Context) {
	p.book.open()
	p.confirming, p.done, p.problem = false, false, ""
}

func (p *deletePage) Render() app.UI {
	if p.done {
		return newPage(p.book, "Everything has been deleted",
			elDiv().Class("notice").Attr("role", "status").ID("delete-done").Body(
				elP().Text("Nothing that Provision Tracker saved is left in this browser on this device."),
			),
			elP().Body(elA().Href(pagePath("/")).Text("Go to the start page")),
		)
	}
	list := p.book.list()
	problems := len(p.book.store.Problems())
	what := "There is nothing saved on this device."
	switch {
	case len(list) == 1:
		what = "There is 1 child's record on this device."
	case len(list) > 1:
		what = "There are " + itoa(len(list)) + " children's records on this device."
	}
	if problems > 0 {
		what += " There is also saved information that could not be read."
	}
	nothing := len(list) == 0 && problems == 0
	return newPage(p.book, "Delete everything from this device",
		elP().Text("This deletes every child's record you entered, and everything else Provision Tracker saved, "+
			"from this browser on this device. It cannot be undone."),
		elP().Text(what),
		elIf(!nothing, func() app.UI {
			return elDiv().Class("callout").Body(
				elP().Text("If you may need a record again, download a backup of it first."),
				elP().Body(elA().Href(pagePath("/backup")).Text("Download a backup")),
			)
		}),
		elIf(p.problem != "", func() app.UI {
			return elDiv().Class("warning").Attr("role", "alert").Body(
				elP().Class("warning-title").Text("Not everything could be deleted"),
				elP().Text(p.problem),
			)
		}),
		elIf(p.confirming, func() app.UI {
			return elDiv().Class("warning").Attr("role", "alert").ID("delete-confirm").Body(
				elP().Class("warning-title").Text("Are you sure you want to delete everything?"),
				elP().Text(what+" All of it will be deleted from this device."),
				elDiv().Class("actions").Body(
					elButton().Type("button").Class("button button-warning").ID("delete-yes").
						Text("Yes, delete everything").OnClick(p.deleteAll),
					elButton().Type("button").Class("button button-secondary").ID("delete-no").
						Text("No, keep everything").OnClick(func(ctx app.Context, e app.Event) { p.confirming = false }),
				),
			)
		}).ElseIf(!nothing, func() app.UI {
			return elDiv().Class("actions").Body(
				elButton().Type("button").Class("button button-warning").ID("delete-everything").
					Text("Delete everything").
					OnClick(func(ctx app.Context, e app.Event) { p.confirming = true }),
			)
		}),
	)
}

func (p *deletePage) deleteAll(ctx app.Context, e app.Event) {
	err := p.book.store.DeleteAll()
	p.book.forgetAll()
	p.confirming = false
	if err != nil {
		p.problem = err.Error()
		return
	}
	p.done = true
}
