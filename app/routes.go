package main

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// route is one page of the app. The same table registers the pages, lists
// them for the static build and for the offline cache, so a page added here
// works offline without anything else to remember.
type route struct {
	path string
	page func() app.Composer
}

var routes = []route{
	{"/", func() app.Composer { return &startPage{} }},
	{"/privacy", func() app.Composer { return &privacyPage{} }},
}

// appName is the app's name, as people see it.
const appName = "Provision Tracker"

// notFoundPath is where the static build writes the not-found page, as
// 404.html, which static hosts show for unknown addresses.
const notFoundPath = "/404"

var registerOnce sync.Once

// registerRoutes tells go-app about every page. Tests call it too, so it
// runs once however often it is called.
func registerRoutes() {
	registerOnce.Do(func() {
		for _, r := range routes {
			app.Route(r.path, app.NewZeroComponentFactory(r.page()))
		}
		// Anything else is a page that does not exist. go-app tries exact
		// routes first, so this catch-all only gets what no page claims.
		app.RouteWithRegexp("^/.*", app.NewZeroComponentFactory(&notFoundPage{}))
	})
}
