package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage is shown for an address the app does not have.
type notFoundPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
}

func (p *notFoundPage) Render() app.UI {
	return newPage(p.book, "Page not found",
		elP().Text("We could not find that page. The link may be wrong or out of date."),
		elP().Body(elA().Href(pagePath("/")).Text("Go to the start page")),
	)
}
