package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// page is the frame around every screen: the app's name, a banner when a
// new version is ready, the content, and a footer that says plainly what
// this tool is not.
type page struct {
	app.Compo

	Title   string
	Content []app.UI

	updateAvailable bool
}

// newPage starts a page with the given main heading.
func newPage(title string, content ...app.UI) *page {
	return &page{Title: title, Content: content}
}

func (p *page) OnMount(ctx app.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
	// Ask the browser to look for a new version each time the app starts.
	app.TryUpdate()
}

func (p *page) OnNav(ctx app.Context) {
	ctx.Page().SetTitle(p.Title + " – " + appName)
}

// OnAppUpdate is called by go-app when a new version has been downloaded.
func (p *page) OnAppUpdate(ctx app.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
}

func (p *page) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to main content"),
		app.Header().Class("site-header").Body(
			app.Div().Class("width").Body(
				app.A().Class("site-name").Href(pagePath("/")).Body(
					app.Img().Src("/web/icons/icon.svg").Attr("role", "presentation").Width(28).Height(28),
					app.Span().Text(appName),
				),
			),
		),
		app.If(p.updateAvailable, func() app.UI {
			return app.Div().Class("update-banner").Body(
				app.Div().Class("width").Body(
					app.P().Text("A new version of Provision Tracker is ready. Your information will stay as it is."),
					app.Button().Class("button button-secondary").Type("button").
						Text("Update now").
						OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
				),
			)
		}),
		app.Main().ID("main").Class("width main").Body(
			app.H1().Text(p.Title),
			app.Div().Body(p.Content...),
		),
		app.Footer().Class("site-footer").Body(
			app.Div().Class("width").Body(
				app.P().Text("Provision Tracker is not a government or council service. It does not give legal advice."),
				app.Ul().Class("footer-links").Body(
					app.Li().Body(app.A().Href(pagePath("/privacy")).Text("Privacy")),
				),
			),
		),
	)
}
