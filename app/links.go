package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pagePath turns an app path such as "/privacy" into the address to link to.
//
// When the site is hosted under a sub-path (e.g. /provision-tracker/), the
// page rendered at build time already gets the prefix from go-app's resource
// resolver, but links rendered later in the browser do not: go-app only
// resolves /web/ paths there. So the prefix is added on the client only.
func pagePath(p string) string {
	if !app.IsClient {
		return p
	}
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + p
}
