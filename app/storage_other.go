//go:build !js

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/casestore"
)

// browserStorage is memory outside the browser: pages written at build
// time, and tests, show the app as it looks with nothing saved.
func browserStorage(ctx app.Context) casestore.Storage { return casestore.NewMemory() }
