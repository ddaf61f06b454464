package main

import (
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
	c := p.book.current()
	content := []app.UI{
		elIf(p.book.removed != nil, func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").Body(
				elP().Text("You removed "+provisionName(p.book, *p.book.removed)+"."),
				elButton().Type("button").Class("button button-secondary").Text("Undo").OnClick(p.undo),
			)
		}),
		elP().Text("Add each kind of help written in the plan, one at a time. Look in Section F, and in Sections G and H if help there is missing too."),
	}
	all := provisionsOf(c)
	if len(all) == 0 {
		content = append(content, elP().Class("empty").Text("You have not added any help yet."))
	}
	// With plans over time, the help is listed under the plan that holds
	// it, each plan with its dates and its own Add link.
	periods := calc.PlanPeriods(c)
	for pi, pl := range c.Plans {
		if len(c.Plans) > 1 {
			content = append(content, elH2().ID("help-"+pl.ID).Text(planName(pl)+": "+planDatesWords(periods[pi])))
		}
		content = append(content, provisionCards(p.book, pl.Provisions, p.remove))
		if len(c.Plans) > 1 {
			content = append(content, elP().Body(elA().Href(pagePath("/provision/type?new=1&plan="+pl.ID)).Body(
				elText("Add help to this plan"), elSpan().Class("visually-hidden").Text(": "+planName(pl)+", "+planDatesWords(periods[pi])))))
		}
	}
	add := "/provision/type?new=1"
	if len(c.Plans) > 1 {
		add += "&plan=" + c.Plans[len(c.Plans)-1].ID // the newest plan
	}
	content = append(content,
		elDiv().Class("actions").Body(
			elA().Class("button button-secondary").Href(pagePath(add)).Text(addLabel(len(all))),
			elIf(len(all) > 0, func() app.UI {
				return elA().Class("button").Href(pagePath("/sessions")).Text("Continue to sessions")
			}),
		),
	)
	return newPage(p.book, "Help in the plan", content...).backTo("/tasks")
}

// provisionCards lists one plan's help, each with Change and Remove.
func provisionCards(b *caseBook, list []calc.Provision, remove func(ctx app.Context, id string)) app.UI {
	return elUl().Class("summary-cards").Body(elRange(list).Slice(func(i int) app.UI {
		pr := list[i]
		return elLi().Class("card").Body(
			elH2().Class("card-title").Text(provisionName(b, pr)),
			elP().Class("card-meta").Text("Section "+string(pr.Section)+" · "+describeAmount(pr)),
			elIf(pr.Wording != "", func() app.UI { return elBlockquote().Class("wording").Text(pr.Wording) }),
			elDiv().Class("card-actions").Body(
				elA().Href(pagePath("/provision/check?id="+pr.ID)).Body(
					elText("Change"), elSpan().Class("visually-hidden").Text(" "+provisionName(b, pr))),
				elButton().Type("button").Class("link-button").
					OnClick(func(ctx app.Context, e app.Event) { remove(ctx, pr.ID) }).Body(
					elText("Remove"), elSpan().Class("visually-hidden").Text(" "+provisionName(b, pr))),
			),
		)
	}))
}

func addLabel(n int) string {
	if n == 0 {
		return "Add help from the plan"
	}
	return "Add more help"
}

// remove takes the provision with this id out of the plan that holds it
// and keeps it, with its plan and place, for Undo. Help that is no longer
// there (removed in another tab) does nothing.
func (p *provisionsPage) remove(ctx app.Context, id string) {
	p.book.refresh()
	c := p.book.current()
	pi := calc.PlanHolding(c, id)
	if pi < 0 {
		return
	}
	planID := c.Plans[pi].ID
	var removed calc.Provision
	at := -1
	problems := p.book.change(func(c *calc.Case) {
		pi := calc.PlanByID(*c, planID)
		if pi < 0 {
			return
		}
		pl := &c.Plans[pi]
		for i, pr := range pl.Provisions {
			if pr.ID == id {
				removed, at = pr, i
				pl.Provisions = append(pl.Provisions[:i], pl.Provisions[i+1:]...)
				return
			}
		}
	})
	// Undo only what was really removed: calc may refuse the change.
	if len(problems) == 0 && p.book.saveError == "" && at >= 0 {
		p.book.removed, p.book.removedPlan, p.book.removedIndex = &removed, planID, at
	}
}

// undo puts the provision just removed back where it was, in its plan
// (or, if that plan is gone, in the newest).
func (p *provisionsPage) undo(ctx app.Context, e app.Event) {
	if p.book.removed == nil {
		return
	}
	r, planID, i := *p.book.removed, p.book.removedPlan, p.book.removedIndex
	p.book.refresh()
	p.book.change(func(c *calc.Case) {
		pi := calc.PlanByID(*c, planID)
		if pi < 0 {
			pi = len(c.Plans) - 1
		}
		pl := &c.Plans[pi]
		i = min(i, len(pl.Provisions))
		pl.Provisions = append(pl.Provisions[:i], append([]calc.Provision{r}, pl.Provisions[i:]...)...)
	})
	p.book.removed = nil
}
