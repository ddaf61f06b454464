package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// childrenPage lists every child's record on this device: open one, add
// another, or remove one (after a confirmation).
type childrenPage struct {
	app.Compo
	book    *caseBook // the parent's records, given by main
	confirm string    // id of the record the parent asked to remove
}

func (p *childrenPage) OnNav(ctx app.Context) {
	p.book.open()
	p.confirm = ""
}

func (p *childrenPage) Render() app.UI {
	list := p.book.list()
	return newPage(p.book, "Your children's records",
		elIf(len(list) == 0, func() app.UI { return elP().Text("There are no records on this device yet.") }),
		elUl().Class("summary-cards").Body(elRange(list).Slice(func(i int) app.UI {
			s := list[i]
			name := s.ChildName
			if name == "" {
				name = "A child with no name yet"
			}
			return elLi().Class("card").Body(
				elH2().Class("card-title").Text(name),
				elP().Class("card-meta").Text("Last changed "+s.Updated.Format("2 January 2006 at 15:04")),
				elIf(p.confirm == s.ID, func() app.UI {
					return elDiv().Class("warning").Attr("role", "alert").Body(
						elP().Class("warning-title").Text("Remove "+name+"'s record from this device?"),
						elP().Text("Everything you entered for "+name+" will be deleted. This cannot be undone. Download a backup first if you may need it."),
						elDiv().Class("actions").Body(
							elButton().Type("button").Class("button button-warning").Text("Yes, remove it").
								OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, s.ID) }),
							elButton().Type("button").Class("button button-secondary").Text("No, keep it").
								OnClick(func(ctx app.Context, e app.Event) { p.confirm = "" }),
						),
					)
				}).Else(func() app.UI {
					return elDiv().Class("card-actions").Body(
						elIf(s.ID == p.book.id, func() app.UI { return elStrong().Class("tag tag-blue").Text("Open now") }).
							Else(func() app.UI {
								return elButton().Type("button").Class("link-button").
									OnClick(func(ctx app.Context, e app.Event) { p.open(ctx, s.ID) }).Body(
									elText("Open"), elSpan().Class("visually-hidden").Text(" "+name+"'s record"))
							}),
						elButton().Type("button").Class("link-button").
							OnClick(func(ctx app.Context, e app.Event) { p.confirm = s.ID }).Body(
							elText("Remove"), elSpan().Class("visually-hidden").Text(" "+name+"'s record")),
					)
				}),
			)
		})),
		elA().Class("button button-secondary").Href(pagePath("/child/name?new=1")).Text("Add another child"),
	).backTo("/tasks")
}

func (p *childrenPage) open(ctx app.Context, id string) {
	if p.openRecord(id) {
		ctx.Navigate(pagePath("/tasks"))
	}
}

// openRecord makes another child's record the open one; false, with the
// reason shown as a save problem, when it cannot be read.
func (p *childrenPage) openRecord(id string) bool {
	if err := p.book.switchTo(id); err != nil {
		p.book.saveError = err.Error()
		return false
	}
	// A half-added provision or an Undo belongs to the record left behind.
	p.book.draft, p.book.removed = nil, nil
	return true
}

// remove deletes a child's record from this device. When it was the open
// one, the first record left is opened (or none).
func (p *childrenPage) remove(ctx app.Context, id string) {
	if err := p.book.store.Delete(id); err != nil {
		p.book.saveError = err.Error()
		return
	}
	p.confirm = ""
	if id == p.book.id {
		p.book.id, p.book.rev, p.book.draft, p.book.removed = "", 0, nil, nil
		p.book.dirty, p.book.conflict, p.book.other = false, false, nil
		p.book.setCase(calc.Case{})
		if list := p.book.list(); len(list) > 0 {
			p.openRecord(list[0].ID)
		}
	}
}
