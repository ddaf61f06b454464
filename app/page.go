package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// page is the frame around every screen: the app's name, a banner when a
// new version is ready, a back link, the error summary, the content, a
// quiet "saved" line, and a footer that says plainly what this tool is not.
type page struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	Title    string
	Back     string // path of the previous step, or ""
	Errors   formErrors
	Question bool // the content starts with its own h1 (a question page)
	Content  []app.UI

	updateAvailable bool
	// ready is set once the page has had its OnNav. go-app draws a page
	// as soon as it is created and only then tells it where it is, so the
	// first drawing of a page that reads its address (which letter, which
	// provision) shows the wrong thing. Until then the frame shows its
	// header and footer and an empty, busy main.
	ready bool
	// shownFor is the address (path and query) the page was last told it
	// is at; main carries it as data-ready, so a test can tell the page
	// has caught up with the address bar.
	shownFor string
	// updateWaits is set when Update now could not keep an unsaved change
	// through the reload: the update waits until it is saved or backed up.
	updateWaits bool
}

// newPage starts a page whose main heading is title.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func newPage(b *caseBook, title string, content ...app.UI) *page {
	return &page{book: b, Title: title, Content: content}
}

// newQuestionPage starts a page whose heading is the question in its form;
// title is used for the browser tab.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func newQuestionPage(b *caseBook, title, back string, errs formErrors, content ...app.UI) *page {
	return &page{book: b, Title: title, Back: back, Errors: errs, Question: true, Content: content}
}

// withErrors shows an error summary at the top of the page.
func (p *page) withErrors(errs formErrors) *page {
	p.Errors = errs
	return p
}

// backTo adds a back link to the page.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (p *page) backTo(path string) *page {
	p.Back = path
	return p
}

func (p *page) OnMount(ctx app.Context) {
	// This runs before the page's OnNav, which go-app queues right after
	// creating the page; a dispatch from here runs after it. A frame that
	// is redrawn elsewhere without a navigation becomes ready the same way.
	ctx.Dispatch(func(ctx app.Context) {
		p.ready = true
		if p.shownFor == "" {
			p.shownFor = addressOf(ctx)
		}
	})
	p.updateAvailable = ctx.AppUpdateAvailable()
	// Ask the browser to look for a new version each time the app starts.
	app.TryUpdate()
}

// OnNav names the page and opens it at its top: go-app keeps the last
// page's scroll position, which left a parent mid-page on a phone. A link
// to a place in the page (#fragment) keeps its place.
func (p *page) OnNav(ctx app.Context) {
	p.shownFor = addressOf(ctx)
	p.setTitle(ctx)
	if ctx.Page().URL().Fragment == "" {
		ctx.ScrollTo("top")
	}
}

// addressOf is the page's path and query, as the browser's
// location.pathname + location.search spells them.
func addressOf(ctx app.Context) string {
	u := ctx.Page().URL()
	if u.RawQuery == "" {
		return u.EscapedPath()
	}
	return u.EscapedPath() + "?" + u.RawQuery
}

func (p *page) OnUpdate(ctx app.Context) { p.setTitle(ctx) }

func (p *page) setTitle(ctx app.Context) {
	title := p.Title + " – " + appName
	if len(p.Errors) > 0 {
		title = "Error: " + title
	}
	ctx.Page().SetTitle(title)
}

// OnAppUpdate is called by go-app when a new version has been downloaded.
func (p *page) OnAppUpdate(ctx app.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
}

func (p *page) Render() app.UI {
	return elDiv().ID("top").Class("shell").Body(
		elA().Class("skip-link").Href("#main").Text("Skip to main content"),
		app.Header().Class("site-header").Body(
			elDiv().Class("width header-row").Body(
				elA().Class("site-name").Href(pagePath("/")).Body(
					app.Img().Src("/web/icons/icon.svg").Attr("role", "presentation").Width(28).Height(28),
					elSpan().Text(appName),
				),
				elIf(p.book.hasCase(), func() app.UI {
					return elA().Class("header-link").Href(pagePath("/tasks")).Text(p.book.current().Child.FirstName + "'s record")
				}),
			),
		),
		elIf(p.updateAvailable, func() app.UI {
			return elDiv().Class("update-banner").Body(
				elDiv().Class("width").Body(
					elP().Text("A new version of Provision Tracker is ready. Your information will stay as it is."),
					elIf(p.updateWaits, func() app.UI {
						return elP().Class("field-error").Attr("role", "alert").Body(
							elText("Your latest change is not saved on this device yet, so the update will wait. "),
							elA().Href(pagePath("/backup")).Text("Download a backup"),
							elText(", or free some space, then try again."),
						)
					}),
					elButton().ID("update-now").Class("button button-secondary").Type("button").
						Text("Update now").
						OnClick(p.update),
				),
			)
		}),
		p.main(),
		app.Footer().Class("site-footer").Body(
			elDiv().Class("width").Body(
				elP().Text("Provision Tracker is not a government or council service. It does not give legal advice."),
				brandFooter(siteBrand()),
				elUl().Class("footer-links").Body(
					elLi().Body(elA().Href(pagePath("/privacy")).Text("Privacy")),
					elIf(p.book.hasCase(), func() app.UI {
						return elLi().Body(elA().Href(pagePath("/children")).Text("Your children's records"))
					}),
					elLi().Body(elA().Href(pagePath("/backup")).Text("Back up or import")),
					elLi().Body(elA().Href(pagePath("/decisions")).Text("Ombudsman decisions")),
				),
			),
		),
	)
}

// main is the page's own content. In the browser, until the page is
// ready it is empty and marked busy; once ready it carries data-ready,
// the signal that the page shows what its address asks for (the browser
// tests wait for it). The prerendered page has neither: it is what shows
// while the app loads. A page drawn without mounting it (as HTML, in a
// test) is drawn whole.
func (p *page) main() app.UI {
	m := app.Main().ID("main").Class("width main")
	if app.IsClient && p.Mounted() {
		if !p.ready {
			return m.Aria("busy", "true")
		}
		m = m.DataSet("ready", p.shownFor)
	}
	return m.Body(
		elIf(p.Back != "", func() app.UI { return backLink(p.Back) }),
		dataSafetyNotices(p.book),
		errorSummary(p.Errors),
		elIf(!p.Question, func() app.UI { return elH1().Text(p.Title) }),
		elDiv().Body(p.Content...),
		savedLine(p.book),
	)
}

// update reloads the page into the new version once nothing unsaved can
// be lost by it (see caseBook.keepForUpdate).
func (p *page) update(ctx app.Context, e app.Event) {
	if p.updateWaits = !p.book.keepForUpdate(); p.updateWaits {
		return
	}
	ctx.Reload()
}

// savedLine quietly confirms that the last change was kept.
func savedLine(b *caseBook) app.UI {
	if b.saved.IsZero() || b.saveError != "" {
		return elP().Class("saved-line").Attr("role", "status")
	}
	return elP().Class("saved-line").Attr("role", "status").
		Text("Saved on this device at " + b.saved.Format("15:04"))
}

// focusErrorSummary moves the focus to the error summary after a page was
// submitted with problems, so keyboard and screen reader users hear them.
func focusErrorSummary(ctx app.Context) {
	if !app.IsClient {
		return
	}
	// Not ctx.Defer or ctx.After: they are tied to the element that was
	// submitted, which the redraw may replace. A moment later the summary
	// is in the page.
	go func() {
		time.Sleep(30 * time.Millisecond)
		if el := app.Window().GetElementByID("error-summary"); el.Truthy() {
			el.Call("focus")
		}
	}()
}
