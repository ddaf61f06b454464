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
	page func(b *caseBook) app.Composer
}

var routes = []route{
	{"/", func(b *caseBook) app.Composer { return &startPage{book: b} }},
	{"/privacy", func(b *caseBook) app.Composer { return &privacyPage{book: b} }},
	{"/tasks", func(b *caseBook) app.Composer { return &tasksPage{book: b} }},
	{"/children", func(b *caseBook) app.Composer { return &childrenPage{book: b} }},
	{"/child/name", func(b *caseBook) app.Composer { return &childNamePage{book: b} }},
	{"/child/birth", func(b *caseBook) app.Composer { return &childBirthPage{book: b} }},
	{"/child/council", func(b *caseBook) app.Composer { return &childCouncilPage{book: b} }},
	{"/plans", func(b *caseBook) app.Composer { return &plansPage{book: b} }},
	{"/plans/new", func(b *caseBook) app.Composer { return &planNewPage{book: b} }},
	{"/plan/kind", func(b *caseBook) app.Composer { return &planKindPage{book: b} }},
	{"/plan/issued", func(b *caseBook) app.Composer { return &planIssuedPage{planDatePage{book: b, q: planIssued}} }},
	{"/plan/review", func(b *caseBook) app.Composer { return &planReviewPage{planDatePage{book: b, q: planReview}} }},
	{"/plan/dates", func(b *caseBook) app.Composer { return &planDatesPage{book: b} }},
	{"/plan/order", func(b *caseBook) app.Composer { return &planOrderPage{book: b} }},
	{"/plan/reviews", func(b *caseBook) app.Composer { return &planReviewsPage{book: b} }},
	{"/provisions", func(b *caseBook) app.Composer { return &provisionsPage{book: b} }},
	{"/provision/type", func(b *caseBook) app.Composer { return &provisionTypePage{provisionStep: provisionStep{book: b}} }},
	{"/provision/section", func(b *caseBook) app.Composer { return &provisionSectionPage{provisionStep: provisionStep{book: b}} }},
	{"/provision/wording", func(b *caseBook) app.Composer { return &provisionWordingPage{provisionStep: provisionStep{book: b}} }},
	{"/provision/amount", func(b *caseBook) app.Composer { return &provisionAmountPage{provisionStep: provisionStep{book: b}} }},
	{"/provision/weeks", func(b *caseBook) app.Composer { return &provisionWeeksPage{provisionStep: provisionStep{book: b}} }},
	{"/provision/dates", func(b *caseBook) app.Composer { return &provisionDatesPage{provisionStep: provisionStep{book: b}} }},
	{"/provision/provider", func(b *caseBook) app.Composer { return &provisionProviderPage{provisionStep: provisionStep{book: b}} }},
	{"/provision/indirect", func(b *caseBook) app.Composer { return &provisionIndirectPage{provisionStep: provisionStep{book: b}} }},
	{"/provision/check", func(b *caseBook) app.Composer { return &provisionCheckPage{provisionStep: provisionStep{book: b}} }},
	{"/sessions", func(b *caseBook) app.Composer { return &sessionsPage{book: b} }},
	{"/sessions/log", func(b *caseBook) app.Composer { return &sessionLogPage{book: b} }},
	{"/sessions/count", func(b *caseBook) app.Composer { return &sessionCountPage{book: b} }},
	{"/contacts", func(b *caseBook) app.Composer { return &contactsPage{book: b} }},
	{"/contact", func(b *caseBook) app.Composer { return &contactPage{book: b} }},
	{"/delays", func(b *caseBook) app.Composer { return &delaysPage{book: b} }},
	{"/payments", func(b *caseBook) app.Composer { return &paymentsPage{book: b} }},
	{"/payment", func(b *caseBook) app.Composer { return &paymentPage{book: b} }},
	{"/costs", func(b *caseBook) app.Composer { return &costsPage{book: b} }},
	{"/cost", func(b *caseBook) app.Composer { return &costPage{book: b} }},
	{"/closed", func(b *caseBook) app.Composer { return &closedPage{book: b} }},
	{"/sessions/makeup", func(b *caseBook) app.Composer { return &makeUpPage{book: b} }},
	{"/complaint/noticed", func(b *caseBook) app.Composer {
		return &complaintNoticedPage{complaintDatesPage{book: b, q: complaintNoticedQ}}
	}},
	{"/complaint/stage1", func(b *caseBook) app.Composer {
		return &complaintStage1Page{complaintDatesPage{book: b, q: complaintStage1Q}}
	}},
	{"/complaint/stage2", func(b *caseBook) app.Composer {
		return &complaintStage2Page{complaintDatesPage{book: b, q: complaintStage2Q}}
	}},
	{"/complaint/stage3", func(b *caseBook) app.Composer {
		return &complaintStage3Page{complaintDatesPage{book: b, q: complaintStage3Q}}
	}},
	{"/complaint/ombudsman", func(b *caseBook) app.Composer {
		return &complaintOmbudsmanPage{complaintDatesPage{book: b, q: complaintOmbudsmanQ}}
	}},
	{"/complaint/procedure", func(b *caseBook) app.Composer { return &complaintProcedurePage{book: b} }},
	{"/complaint/timescales", func(b *caseBook) app.Composer { return &complaintTimescalesPage{book: b} }},
	{"/deadlines", func(b *caseBook) app.Composer { return &deadlinesPage{book: b} }},
	{"/calendar", func(b *caseBook) app.Composer { return &calendarPage{book: b} }},
	{"/calendar/term", func(b *caseBook) app.Composer { return &calendarTermPage{book: b} }},
	{"/calendar/inset", func(b *caseBook) app.Composer { return &calendarInsetPage{book: b} }},
	{"/check", func(b *caseBook) app.Composer { return &checkPage{book: b} }},
	{"/summary", func(b *caseBook) app.Composer { return &summaryPage{book: b} }},
	{"/decisions", func(b *caseBook) app.Composer { return &decisionsPage{book: b} }},
	{"/letter", func(b *caseBook) app.Composer { return &letterPage{book: b} }},
	{"/letter/details", func(b *caseBook) app.Composer { return &letterDetailsPage{book: b} }},
	{"/backup", func(b *caseBook) app.Composer { return &backupPage{book: b} }},
	{"/import", func(b *caseBook) app.Composer { return &importPage{book: b} }},
	{"/delete", func(b *caseBook) app.Composer { return &deletePage{book: b} }},
	{"/problems", func(b *caseBook) app.Composer { return &problemsPage{book: b} }},
}

// appName is the app's name, as people see it.
const appName = "Provision Tracker"

// notFoundPath is where the static build writes the not-found page, as
// 404.html, which static hosts show for unknown addresses.
const notFoundPath = "/404"

var registerOnce sync.Once

// registerRoutes tells go-app about every page, each given the book b.
// go-app keeps one route table per program, so only the first call counts;
// tests call it too.
func registerRoutes(b *caseBook) {
	registerOnce.Do(func() {
		for _, r := range routes {
			app.Route(r.path, func() app.Composer { return r.page(b) })
		}
		// Anything else is a page that does not exist. go-app tries exact
		// routes first, so this catch-all only gets what no page claims.
		app.RouteWithRegexp("^/.*", func() app.Composer { return &notFoundPage{book: b} })
	})
}
