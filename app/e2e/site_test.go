//go:build !js

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// prefixes are the site variants every test runs on: at the root of a host, and under a
// sub-path as on GitHub Pages (user.github.io/provision-tracker/).
var prefixes = []string{"/", "/provision-tracker/"}

// missingRoute is an address no page has: the app must show its not-found page.
const missingRoute = "/no-such-page/deep"

// updatePrompt is the app's "a new version is ready" banner.
const updatePrompt = ".update-banner"

// forEachPrefix runs f as a subtest per site variant, named "root" or after the sub-path.
func forEachPrefix(t *testing.T, f func(t *testing.T, prefix string)) {
	for _, p := range prefixes {
		name := strings.Trim(p, "/")
		if name == "" {
			name = "root"
		}
		t.Run(name, func(t *testing.T) { f(t, p) })
	}
}

// The start page renders once the wasm starts: the loader is gone and the heading shows.
// On a first visit, installing the service worker must not make the app offer "a new
// version": there is no old one.
func TestStartPageRenders(t *testing.T) {
	forEachPrefix(t, func(t *testing.T, prefix string) {
		s := startSite(t, prefix)
		tb := s.openPage(t, "/")
		tb.expectPage(s.pages[0])
		tb.waitForServiceWorker()
		tb.do("letting the page settle", chromedp.Sleep(500*time.Millisecond))
		if n := count(tb, updatePrompt); n > 0 {
			t.Errorf("the first visit shows the update prompt (%s): the service worker's first install is not an update", updatePrompt)
		}
		screenshot(t, tb, "start")
	})
}

// Every page, and the not-found page, renders online with a clean console, no request to
// another origin, and no accessibility violation.
func TestEveryPageOnline(t *testing.T) {
	forEachPrefix(t, func(t *testing.T, prefix string) {
		s := startSite(t, prefix)
		tb := s.newTab(t, nil)
		for _, p := range s.pages {
			tb.navigate(p.route)
			tb.expectPage(p)
			checkAxe(t, tb)
			screenshot(t, tb, p.file)
		}
		// Static hosts answer an unknown address with 404.html and the status 404, which
		// Chromium reports on the console; that one error is expected.
		tb.allowConsoleError(s.url(missingRoute), "404")
		tb.navigate(missingRoute)
		tb.expectPage(s.notFound)
		checkAxe(t, tb)
		screenshot(t, tb, "not-found")
	})
}

// Once the service worker is active, every page opens with the server gone: reloaded, in a
// tab that was open, and as a deep link opened directly in a new tab.
func TestOffline(t *testing.T) {
	forEachPrefix(t, func(t *testing.T, prefix string) {
		s := startSite(t, prefix)
		tb := s.openPage(t, "/")
		w := tb.waitForServiceWorker()
		t.Logf("service worker %s, scope %s, %d files cached", w.State, w.Scope, w.Cached)
		s.stop()

		// Every page loaded anew, as from a bookmark; a load and a reload both go through
		// the worker's fetch handler as a navigation, so one reload stands for the rest.
		tb.reload()
		tb.expectPage(s.pages[0])
		for _, p := range s.pages[1:] {
			tb.navigate(p.route)
			tb.expectPage(p)
		}
		screenshot(t, tb, "offline-"+s.pages[len(s.pages)-1].file)
		tb.navigate(missingRoute)
		tb.expectPage(s.notFound)

		// A deep link opened directly, in a new tab of the same browser.
		deep := s.pages[len(s.pages)-1]
		if len(s.pages) > 1 {
			deep = s.pages[1]
		}
		tb2 := s.newTab(t, tb)
		tb2.navigate(deep.route)
		tb2.expectPage(deep)
		tb2.reload()
		tb2.expectPage(deep)
		screenshot(t, tb2, "offline-deep-link")
	})
}
