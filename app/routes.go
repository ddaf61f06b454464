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
	{"/tasks", func() app.Composer { return &tasksPage{} }},
	{"/children", func() app.Composer { return &childrenPage{} }},
	{"/child/name", func() app.Composer { return &childNamePage{} }},
	{"/child/birth", func() app.Composer { return &childBirthPage{} }},
	{"/child/council", func() app.Composer { return &childCouncilPage{} }},
	{"/plan/kind", func() app.Composer { return &planKindPage{} }},
	{"/plan/issued", func() app.Composer { return &planIssuedPage{planDatePage{q: planIssued}} }},
	{"/plan/review", func() app.Composer { return &planReviewPage{planDatePage{q: planReview}} }},
	{"/plan/dates", func() app.Composer { return &planDatesPage{} }},
	{"/plan/order", func() app.Composer { return &planOrderPage{} }},
	{"/plan/reviews", func() app.Composer { return &planReviewsPage{} }},
	{"/provisions", func() app.Composer { return &provisionsPage{} }},
	{"/provision/type", func() app.Composer { return &provisionTypePage{} }},
	{"/provision/section", func() app.Composer { return &provisionSectionPage{} }},
	{"/provision/wording", func() app.Composer { return &provisionWordingPage{} }},
	{"/provision/amount", func() app.Composer { return &provisionAmountPage{} }},
	{"/provision/weeks", func() app.Composer { return &provisionWeeksPage{} }},
	{"/provision/dates", func() app.Composer { return &provisionDatesPage{} }},
	{"/provision/provider", func() app.Composer { return &provisionProviderPage{} }},
	{"/provision/indirect", func() app.Composer { return &provisionIndirectPage{} }},
	{"/provision/check", func() app.Composer { return &provisionCheckPage{} }},
	{"/sessions", func() app.Composer { return &sessionsPage{} }},
	{"/sessions/log", func() app.Composer { return &sessionLogPage{} }},
	{"/sessions/count", func() app.Composer { return &sessionCountPage{} }},
	{"/contacts", func() app.Composer { return &contactsPage{} }},
	{"/contact", func() app.Composer { return &contactPage{} }},
	{"/delays", func() app.Composer { return &delaysPage{} }},
	{"/complaint/noticed", func() app.Composer { return &complaintNoticedPage{complaintDatesPage{q: complaintNoticedQ}} }},
	{"/complaint/stage1", func() app.Composer { return &complaintStage1Page{complaintDatesPage{q: complaintStage1Q}} }},
	{"/complaint/stage2", func() app.Composer { return &complaintStage2Page{complaintDatesPage{q: complaintStage2Q}} }},
	{"/complaint/stage3", func() app.Composer { return &complaintStage3Page{complaintDatesPage{q: complaintStage3Q}} }},
	{"/complaint/ombudsman", func() app.Composer { return &complaintOmbudsmanPage{complaintDatesPage{q: complaintOmbudsmanQ}} }},
	{"/complaint/procedure", func() app.Composer { return &complaintProcedurePage{} }},
	{"/complaint/timescales", func() app.Composer { return &complaintTimescalesPage{} }},
	{"/deadlines", func() app.Composer { return &deadlinesPage{} }},
	{"/calendar", func() app.Composer { return &calendarPage{} }},
	{"/calendar/term", func() app.Composer { return &calendarTermPage{} }},
	{"/calendar/inset", func() app.Composer { return &calendarInsetPage{} }},
	{"/check", func() app.Composer { return &checkPage{} }},
	{"/summary", func() app.Composer { return &summaryPage{} }},
	{"/decisions", func() app.Composer { return &decisionsPage{} }},
	{"/letter", func() app.Composer { return &letterPage{} }},
	{"/letter/details", func() app.Composer { return &letterDetailsPage{} }},
	{"/backup", func() app.Composer { return &backupPage{} }},
	{"/import", func() app.Composer { return &importPage{} }},
	{"/delete", func() app.Composer { return &deletePage{} }},
	{"/problems", func() app.Composer { return &problemsPage{} }},
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
			app.Route(r.path, r.page)
		}
		// Anything else is a page that does not exist. go-app tries exact
		// routes first, so this catch-all only gets what no page claims.
		app.RouteWithRegexp("^/.*", app.NewZeroComponentFactory(&notFoundPage{}))
	})
}
