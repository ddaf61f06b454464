package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// tasksPage is the home of a child's record: each part, with its status.
type tasksPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *tasksPage) OnNav(ctx app.Context) { p.book.open() }

func (p *tasksPage) Render() app.UI {
	if !p.book.hasCase() {
		return newPage(p.book, "Your child's record",
			app.P().Text("There is no record on this device yet."),
			app.A().Class("button").Href(pagePath("/child/name")).Text("Start a record"),
		)
	}
	c := p.book.current()
	tasks := tasksFor(c, today())
	return newPage(p.book, c.Child.FirstName+"'s record",
		app.P().Text("Fill in each part. You can stop at any time: what you enter is saved on this device straight away."),
		keepSafeReminder(p.book),
		app.Ol().Class("task-list").Body(app.Range(tasks).Slice(func(i int) app.UI {
			t := tasks[i]
			id := "task-status-" + strconv.Itoa(i)
			var name app.UI = app.A().Href(pagePath(t.Path)).Aria("describedby", id).Text(t.Name)
			if t.Status == cannotStartYet {
				name = app.Span().Text(t.Name)
			}
			return app.Li().Class("task").Body(
				app.Span().Class("task-name").Body(name),
				app.Strong().ID(id).Class("tag tag-"+tagClass(t.Status)).Text(t.Status.String()),
			)
		})),
		app.P().Body(
			app.A().Href(pagePath("/children")).Text("Add another child or switch between children"),
		),
	)
}

func tagClass(s taskStatus) string {
	return [...]string{"grey", "blue", "green", "grey"}[s]
}
