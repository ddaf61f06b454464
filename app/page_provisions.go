package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// provisionsPage lists the help in the plan, with add, change and remove
// (and Undo straight after a removal).
type provisionsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *provisionsPage) OnNav(ctx app.Context) {
	p.book.open()
	p.book.removed = nil // Undo is offered only straight after a removal
	// Back at the list, a half-changed provision is dropped: a later Change
	// starts again from what is saved, and a removed one cannot come back.
	p.book.draft = nil
}

func (p *provisionsPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	list := p.book.current().Plans[0].Provisions
	content := []app.UI{
		app.If(p.book.removed != nil, func() app.UI {
			return app.Div().Class("notice").Attr("role", "status").Body(
				app.P().Text("You removed "+provisionName(p.book, *p.book.removed)+"."),
				app.Button().Type("button").Class("button button-secondary").Text("Undo").OnClick(p.undo),
			)
		}),
		app.P().Text("Add each kind of help written in the plan, one at a time. Look in Section F, and in Sections G and H if help there is missing too."),
	}
	if len(list) == 0 {
		content = append(content, app.P().Class("empty").Text("You have not added any help yet."))
	}
	content = append(content, app.Ul().Class("summary-cards").Body(app.Range(list).Slice(func(i int) app.UI {
		pr := list[i]
		return app.Li().Class("card").Body(
			app.H2().Class("card-title").Text(provisionName(p.book, pr)),
			app.P().Class("card-meta").Text("Section "+string(pr.Section)+" · "+describeAmount(pr)),
			app.If(pr.Wording != "", func() app.UI { return app.Blockquote().Class("wording").Text(pr.Wording) }),
			app.Div().Class("card-actions").Body(
				app.A().Href(pagePath("/provision/check?id="+pr.ID)).Body(
					app.Text("Change"), app.Span().Class("visually-hidden").Text(" "+provisionName(p.book, pr))),
				app.Button().Type("button").Class("link-button").
					OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, i) }).Body(
					app.Text("Remove"), app.Span().Class("visually-hidden").Text(" "+provisionName(p.book, pr))),
			),
		)
	})),
		app.Div().Class("actions").Body(
			app.A().Class("button button-secondary").Href(pagePath("/provision/type?new=1")).Text(addLabel(len(list))),
			app.If(len(list) > 0, func() app.UI {
				return app.A().Class("button").Href(pagePath("/sessions")).Text("Continue to sessions")
			}),
		),
	)
	return newPage(p.book, "Help in the plan", content...).backTo("/tasks")
}

func addLabel(n int) string {
	if n == 0 {
		return "Add help from the plan"
	}
	return "Add more help"
}

// remove takes the provision at stored position i out of the plan and
// keeps it for Undo. A position that is no longer there (the list changed
// in another tab) does nothing.
func (p *provisionsPage) remove(ctx app.Context, i int) {
	list := p.book.current().Plans[0].Provisions
	if i < 0 || i >= len(list) {
		return
	}
	removed := list[i]
	problems := p.book.change(func(c *calc.Case) {
		pl := &c.Plans[0]
		pl.Provisions = append(pl.Provisions[:i], pl.Provisions[i+1:]...)
	})
	// Undo only what was really removed: calc may refuse the change.
	if len(problems) == 0 && p.book.saveError == "" {
		p.book.removed, p.book.removedIndex = &removed, i
	}
}

// undo puts the provision just removed back where it was.
func (p *provisionsPage) undo(ctx app.Context, e app.Event) {
	if p.book.removed == nil {
		return
	}
	r, i := *p.book.removed, p.book.removedIndex
	p.book.change(func(c *calc.Case) {
		pl := &c.Plans[0]
		i = min(i, len(pl.Provisions))
		pl.Provisions = append(pl.Provisions[:i], append([]calc.Provision{r}, pl.Provisions[i:]...)...)
	})
	p.book.removed = nil
}

// newProvisionID gives a provision an id not used in the case.
func newProvisionID(c calc.Case) string {
	used := map[string]bool{}
	for _, p := range provisionsOf(c) {
		used[p.ID] = true
	}
	for n := len(used) + 1; ; n++ {
		if id := "provision-" + strconv.Itoa(n); !used[id] {
			return id
		}
	}
}
