package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
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
			elP().Text("There is no record on this device yet."),
			elA().Class("button").Href(pagePath("/child/name")).Text("Start a record"),
		)
	}
	c := p.book.current()
	tasks := tasksFor(c, today())
	return newPage(p.book, c.Child.FirstName+"'s record",
		elP().Text("Fill in each part. You can stop at any time: what you enter is saved on this device straight away."),
		keepSafeReminder(p.book),
		elIf(!c.Closed.IsZero(), func() app.UI { return closedNotice(c) }),
		elOl().Class("task-list").Body(elRange(tasks).Slice(func(i int) app.UI {
			t := tasks[i]
			id := "task-status-" + itoa(i)
			var name app.UI = elA().Href(pagePath(t.Path)).Aria("describedby", id).Text(t.Name)
			if t.Status == cannotStartYet {
				name = elSpan().Text(t.Name)
			}
			return elLi().Class("task").Body(
				elSpan().Class("task-name").Body(name),
				elStrong().ID(id).Class("tag tag-"+tagClass(t.Status)).Text(t.Status.String()),
			)
		})),
		elIf(c.Closed.IsZero(), func() app.UI {
			return elP().Body(elA().Href(pagePath("/closed")).Text("Has the missing help stopped? Tell us here"))
		}),
		elP().Body(
			elA().Href(pagePath("/children")).Text("Add another child or switch between children"),
		),
	)
}

func tagClass(s taskStatus) string {
	return [...]string{"grey", "blue", "green", "grey"}[s]
}

// closedNotice says the record is closed, and from which day calc stops
// deadlines and "still missing".
func closedNotice(c calc.Case) app.UI {
	return elDiv().Class("notice").Attr("role", "status").Body(
		elP().Text(closedSentence(c)),
		elP().Body(elA().Href(pagePath("/closed")).Text("Change this, or open the record again")),
	)
}

// closedSentence says in words that a closed record stopped, on which day
// and why (the summary says it too).
func closedSentence(c calc.Case) string {
	why := ""
	if c.ClosedWhy != "" {
		why = ": " + c.ClosedWhy
	}
	return "This record is closed. It stopped on " + c.Closed.Long() + why + ". " +
		"Deadlines and what is still missing stop on that day."
}
