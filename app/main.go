// Command provision-tracker is Provision Tracker: a web app that helps
// parents in England record the provision in their child's EHC plan, what was
// missed, and what to ask the council for.
//
// The same package is built twice. Built for the browser (GOOS=js
// GOARCH=wasm) it is the app itself. Built natively it is the tool that makes
// the static site and serves it, and checks case files:
//
//	provision-tracker build -out dist [-prefix /provision-tracker/]
//	provision-tracker serve [-addr :8000] [-dir dist]
//	provision-tracker estimate [--json] CASE.json...
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	// The one copy of the parent's records, given to every page.
	registerRoutes(&caseBook{})
	watchForNewVersion()

	// In the browser this runs the app and never returns.
	app.RunWhenOnBrowser()

	os.Exit(runCommand(os.Args[1:], os.Stdout, os.Stderr))
}
