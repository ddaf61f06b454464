//go:build !js

package e2e

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// recorder is a testing.TB that keeps the errors a check reports instead of failing.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Error(args ...any) { r.Errorf("%s", fmt.Sprint(args...)) }

func (r *recorder) text() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errs, "\n")
}

// The harness's own checks do fail: a console error, an uncaught exception and requests
// to another origin, from the page and from its service worker's scope, are all caught.
// A harness that never fails would prove nothing.
func TestHarnessCatchesProblems(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	if !slices.ContainsFunc(tb.requestedURLs(), func(u string) bool { return u == s.url("/web/app.wasm") }) {
		t.Errorf("the page's requests do not include %s: %q", s.url("/web/app.wasm"), tb.requestedURLs())
	}
	// The app's Content-Security-Policy would stop the third-party requests before they
	// reach the network (TestContentSecurityPolicy checks that); here the proxy must see them.
	if _, err := chromedp.Call(tb.ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	tb.reload()
	rec := &recorder{TB: t}
	tb.t = rec
	tb.do("making trouble", chromedp.Evaluate[chromedp.Void](`
		console.error("e2e self-test: a console error");
		setTimeout(() => { throw new Error("e2e self-test: an uncaught exception"); }, 0);
		fetch("https://third-party.example/pixel.gif", { mode: "no-cors" }).catch(() => {});
		const img = new Image(); img.src = "http://cdn.example/font.woff2";
		console.log("panic: e2e self-test: what Go's wasm_exec.js prints for a panic");
	`))
	// Wait until the exception has fired and both requests have reached the proxy.
	seen := func() bool {
		tb.mu.Lock()
		thrown := slices.ContainsFunc(tb.console, func(e consoleEntry) bool { return strings.Contains(e.text, "an uncaught exception") })
		tb.mu.Unlock()
		return thrown && len(foreign.since(tb.proxyMark)) >= 2
	}
	for end := time.Now().Add(waitTimeout); !seen() && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
	tb.checkClean("in the self-test")
	got := rec.text()
	for _, want := range []string{
		"e2e self-test: a console error",
		"e2e self-test: an uncaught exception",
		"panic: e2e self-test",
		"https://third-party.example/pixel.gif",
		"http://cdn.example/font.woff2",
		"https://third-party.example:443 (CONNECT)", // seen by the proxy
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the checks did not report %q; they reported:\n%s", want, got)
		}
	}
}
