//go:build !js

package main

import (
	"provisiontracker/casestore"
)

// browserStorage is memory outside the browser: pages written at build
// time, and tests, show the app as it looks with nothing saved.
func browserStorage() casestore.Storage { return casestore.NewMemory() }
