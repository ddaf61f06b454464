//go:build !js

// Package e2e drives the built static site in headless Chromium at a phone's size, as a
// person would use it: pages render once the wasm starts, nothing goes to another origin,
// the console stays clean, every page works offline once the service worker has it, and
// axe-core finds no accessibility violations.
//
// Run with `make test`, or after `make build`:
//
//	go test ./app/e2e/
//
// It needs bin/provision-tracker (or PT_BIN), web/app.wasm (or PT_WEB, a folder like web/),
// Chromium (/usr/bin/chromium or CHROME_PATH) and axe-core in .tools/node
// (scripts/setup-test-tools.sh installs both).
// Screenshots go to app/e2e/screenshots/ (git-ignored). E2E_KEEP_SITES=1 keeps the built
// sites in the temporary folder it prints.
//
// The pages come from the built site itself (every top-level .html file, and 404.html),
// each recognised by its prerendered <h1>: a new route is tested with no change here.
//
// A journey is a test like this:
//
//	s := startSite(t, "/")               // the built site on its own test server and origin
//	tb := s.openPage(t, "/child")        // a phone-sized tab in a fresh browser context
//	tb.do("typing the name", chromedp.SendKeys(chromedp.CSS("#name"), "Sam"))
//	screenshot(t, tb, "after-name")      // app/e2e/screenshots/TestX--after-name.png
//	checkAxe(t, tb)                      // accessibility of the page as it is now
//	tb2 := s.newTab(t, tb)               // a second tab: same storage, same service worker
//	tb.waitForServiceWorker(); s.stop()  // and from here on the site is offline
//
// Every tab fails its test, when the test ends, on a console error, an uncaught exception
// or a request to another origin (tb.allowConsoleError lets an expected one through).
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"

	"provisiontracker/statichost"
)

// Timeouts. The wasm is several megabytes: compiling it on a busy 2-core machine takes a
// few seconds, so waits are generous; a test that passes never waits for them.
const (
	tabTimeout  = 2 * time.Minute  // everything one tab does
	waitTimeout = 30 * time.Second // one wait: wasm start, an element, the service worker
)

var (
	repoRoot  string         // the module root (../.. from this package)
	ptBin     string         // the native binary that builds sites
	webDir    string         // app.wasm and the static assets
	axePath   string         // axe.min.js
	chrome    string         // the browser binary
	sitesRoot string         // temporary folder holding one built site per prefix
	foreign   *foreignProxy  // every request Chromium sends to another host ends here
	builds    = siteBuilds{} // built site variants, by prefix
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if err := findTools(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		return 1
	}
	var err error
	if sitesRoot, err = os.MkdirTemp("", "pt-e2e-sites-"); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	if os.Getenv("E2E_KEEP_SITES") != "" {
		fmt.Fprintln(os.Stderr, "e2e: built sites kept in", sitesRoot)
	} else {
		defer os.RemoveAll(sitesRoot)
	}
	if foreign, err = startForeignProxy(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer foreign.close()
	defer closeBrowser()
	return m.Run()
}

// findTools locates everything the tests need, and says how to get what is missing.
func findTools() error {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return err
	}
	repoRoot = root
	var missing []string
	ptBin = os.Getenv("PT_BIN")
	if ptBin == "" {
		ptBin = filepath.Join(root, "bin", "provision-tracker")
	} else if ptBin, err = filepath.Abs(ptBin); err != nil {
		return err
	}
	if st, err := os.Stat(ptBin); err != nil || st.IsDir() {
		missing = append(missing, fmt.Sprintf("the native binary %s (PT_BIN): run `make test`, or build it with `go build -o bin/provision-tracker ./app`", ptBin))
	}
	webDir = os.Getenv("PT_WEB")
	if webDir == "" {
		webDir = filepath.Join(root, "web")
	} else if webDir, err = filepath.Abs(webDir); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(webDir, "app.wasm")); err != nil {
		missing = append(missing, fmt.Sprintf("%s/app.wasm (PT_WEB): run `make test`, or build it with `GOOS=js GOARCH=wasm go build -o web/app.wasm ./app`", webDir))
	}
	chrome = os.Getenv("CHROME_PATH")
	if chrome == "" {
		chrome = "/usr/bin/chromium"
		if _, err := os.Stat(chrome); err != nil {
			if p, err := exec.LookPath("chromium"); err == nil {
				chrome = p
			}
		}
	}
	if _, err := os.Stat(chrome); err != nil {
		missing = append(missing, fmt.Sprintf("Chromium at %s: run scripts/setup-test-tools.sh as root (Debian package chromium), or set CHROME_PATH", chrome))
	}
	axePath = filepath.Join(root, ".tools", "node", "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(axePath); err != nil {
		missing = append(missing, "axe-core in .tools/node: run scripts/setup-test-tools.sh")
	}
	if len(missing) > 0 {
		return fmt.Errorf("cannot run the browser tests; missing:\n  - %s", strings.Join(missing, "\n  - "))
	}
	warnIfStale()
	return nil
}

// warnIfStale says when the binary or the wasm is older than the app's sources: the tests
// would then check yesterday's app.
func warnIfStale() {
	newest := time.Time{}
	for _, dir := range []string{"app", "calc", "statichost"} {
		filepath.WalkDir(filepath.Join(repoRoot, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
				if info, err := d.Info(); err == nil && info.ModTime().After(newest) {
					newest = info.ModTime()
				}
			}
			return nil
		})
	}
	for _, f := range []string{ptBin, filepath.Join(webDir, "app.wasm")} {
		if info, err := os.Stat(f); err == nil && info.ModTime().Before(newest) {
			fmt.Fprintf(os.Stderr, "e2e: WARNING: %s is older than the Go sources: rebuild it (make test does)\n", f)
		}
	}
}

// ---------------------------------------------------------------------------------------
// Built sites

// builtSite is the static site built for one URL prefix, and what its pages are.
type builtSite struct {
	dir      string
	prefix   string     // "/" or "/name/"
	pages    []pageInfo // every page that has its own .html, "/" first
	notFound pageInfo   // the not-found page (404.html)
}

// pageInfo is one prerendered page.
type pageInfo struct {
	route string // "/", "/privacy"; for the not-found page, "/404"
	file  string // path of the .html file inside the site
	h1    string // text of the prerendered <h1>, which the live page must show too
}

type siteBuilds struct {
	mu    sync.Mutex
	sites map[string]*builtSite
	errs  map[string]error
}

// get builds the site for prefix once per test run, with the real binary.
func (b *siteBuilds) get(t testing.TB, prefix string) *builtSite {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.sites == nil {
		b.sites, b.errs = map[string]*builtSite{}, map[string]error{}
	}
	if s, ok := b.sites[prefix]; ok {
		return s
	}
	if err, ok := b.errs[prefix]; ok {
		t.Fatal(err)
	}
	s, err := buildSite(prefix)
	if err != nil {
		b.errs[prefix] = err
		t.Fatal(err)
	}
	b.sites[prefix] = s
	return s
}

func buildSite(prefix string) (*builtSite, error) {
	name := strings.Trim(prefix, "/")
	if name == "" {
		name = "root"
	}
	dir := filepath.Join(sitesRoot, name)
	args := []string{"build", "-out", dir, "-prefix", prefix, "-web", webDir}
	if binHasFlag("build", "brotli") {
		// Brotli at quality 11 takes many seconds for the wasm; the test server serves the
		// .gz copies just as well.
		args = append(args, "-brotli=false")
	}
	start := time.Now()
	cmd := exec.Command(ptBin, args...)
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %v\n%s", ptBin, strings.Join(args, " "), err, out)
	}
	s := &builtSite{dir: dir, prefix: prefix}
	if err := s.readPages(); err != nil {
		return nil, fmt.Errorf("site built for prefix %s: %w", prefix, err)
	}
	fmt.Fprintf(os.Stderr, "e2e: built site for prefix %s in %.1fs: %d pages\n", prefix, time.Since(start).Seconds(), len(s.pages))
	return s, nil
}

// binHasFlag reports whether a subcommand of the binary defines a flag, from its -h text.
func binHasFlag(sub, name string) bool {
	out, _ := exec.Command(ptBin, sub, "-h").CombinedOutput()
	return bytes.Contains(out, []byte("-"+name+" ")) || bytes.Contains(out, []byte("-"+name+"\n"))
}

var h1Pattern = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
var tagPattern = regexp.MustCompile(`<[^>]*>`)

// readPages lists the site's pages from its .html files: index.html is "/",
// NAME.html is "/NAME", child/name.html is "/child/name", 404.html is the not-found page.
// So a route added to the app is tested here with no change to the tests.
func (s *builtSite) readPages() error {
	err := filepath.WalkDir(s.dir, func(file string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.dir, file)
		rel = filepath.ToSlash(rel)
		if e.IsDir() && rel == "web" {
			return filepath.SkipDir // assets, not pages
		}
		if e.IsDir() || path.Ext(rel) != ".html" {
			return nil
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		p := pageInfo{file: rel, route: "/" + strings.TrimSuffix(rel, ".html")}
		if rel == "index.html" {
			p.route = "/"
		}
		m := h1Pattern.FindSubmatch(data)
		if m == nil {
			return fmt.Errorf("%s has no <h1>: every page needs one heading that says what it is (the e2e tests use it to recognise the page)", rel)
		}
		p.h1 = normalizeSpace(html.UnescapeString(tagPattern.ReplaceAllString(string(m[1]), "")))
		if rel == "404.html" {
			s.notFound = p
		} else {
			s.pages = append(s.pages, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(s.pages, func(i, j int) bool { return s.pages[i].route < s.pages[j].route })
	if len(s.pages) == 0 || s.pages[0].route != "/" {
		return errors.New("no index.html")
	}
	if s.notFound.file == "" {
		return errors.New("no 404.html")
	}
	return nil
}

func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// ---------------------------------------------------------------------------------------
// Serving a site

// site is one built site served by a test server, as a static host would serve it. Each
// site has its own port, so its own origin: service workers and storage of one test never
// leak into another. stop makes it unreachable, for offline tests.
type site struct {
	*builtSite
	srv    *httptest.Server
	origin string // "http://127.0.0.1:PORT"

	mu   sync.Mutex
	hits []string // "STATUS PATH" of each request the server answered
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

// failedRequests lists the requests the server answered with an error status.
func (s *site) failedRequests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, h := range s.hits {
		if !strings.HasPrefix(h, "2") && !strings.HasPrefix(h, "3") {
			out = append(out, h)
		}
	}
	return out
}

// startSite serves the site built for prefix ("/" or "/provision-tracker/") until the test
// ends or stop is called.
func startSite(t testing.TB, prefix string) *site {
	t.Helper()
	b := builds.get(t, prefix)
	return serveWith(t, b, statichost.Handler(b.dir, prefix))
}

// serveWith serves a built site with a handler, on its own origin, until the test ends.
func serveWith(t testing.TB, b *builtSite, h http.Handler) *site {
	t.Helper()
	s := &site{builtSite: b}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		s.mu.Lock()
		s.hits = append(s.hits, fmt.Sprintf("%d %s", rec.status, r.URL.Path))
		s.mu.Unlock()
	}))
	s.origin = s.srv.URL
	t.Cleanup(s.stop)
	return s
}

// url gives the full address of a route: s.url("/privacy").
func (s *site) url(route string) string {
	return s.origin + s.prefix + strings.TrimPrefix(route, "/")
}

// stop closes the server: from now on the site's origin refuses connections.
func (s *site) stop() { s.srv.Close() }

// ---------------------------------------------------------------------------------------
// Requests to other origins

// foreignProxy is the proxy server Chromium is told to use. Chromium never proxies
// loopback addresses, so the test sites are reached directly and anything that arrives
// here was meant for another host. It answers 403, records the request, and the tab checks
// fail on it. This catches requests from service workers and from Chromium itself too,
// which the page's own network events do not show.
type foreignProxy struct {
	srv *http.Server
	ln  net.Listener

	mu   sync.Mutex
	hits []string
}

func startForeignProxy() (*foreignProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &foreignProxy{ln: ln}
	p.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := r.URL.String()
		if r.Method == http.MethodConnect {
			u = "https://" + r.Host + " (CONNECT)"
		}
		p.mu.Lock()
		p.hits = append(p.hits, u)
		p.mu.Unlock()
		http.Error(w, "e2e: requests to other origins are not allowed", http.StatusForbidden)
	}), ReadHeaderTimeout: 5 * time.Second}
	go p.srv.Serve(ln)
	return p, nil
}

func (p *foreignProxy) addr() string { return p.ln.Addr().String() }

// chromiumServices are hosts that Chromium itself calls in the background, whatever page
// is open, and that no flag turns off in Debian's build: the component and extension
// updaters (update.googleapis.com, clients2.google.com, redirector.gvt1.com), the sign-in cookie check
// (accounts.google.com) and the like. The proxy refuses them too, but they say nothing
// about the app, so the tabs do not fail on them. No page of ours has any reason to call
// one of these hosts.
var chromiumServices = map[string]bool{
	"accounts.google.com":                     true,
	"update.googleapis.com":                   true,
	"clients2.google.com":                     true,
	"clientservices.googleapis.com":           true,
	"optimizationguide-pa.googleapis.com":     true,
	"safebrowsingohttpgateway.googleapis.com": true,
	"content-autofill.googleapis.com":         true,
	"redirector.gvt1.com":                     true, // component updater downloads
}

func isChromiumService(hit string) bool {
	u, err := url.Parse(strings.Fields(hit)[0])
	return err == nil && chromiumServices[u.Hostname()]
}

// mark returns a position; since gives what arrived after it.
func (p *foreignProxy) mark() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.hits)
}

func (p *foreignProxy) since(mark int) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, h := range p.hits[mark:] {
		if !isChromiumService(h) {
			out = append(out, h)
		}
	}
	return out
}

func (p *foreignProxy) close() { p.srv.Close() }

// ---------------------------------------------------------------------------------------
// The browser

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserErr    error
	browserStop   func()
	browserStderr bytes.Buffer
)

// newBrowser returns the context of the one Chromium process that all tests share. Each
// test opens its own tabs in its own browser context (like a fresh profile), so sharing
// the process is safe and saves its start-up.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	browserOnce.Do(startBrowser)
	if browserErr != nil {
		t.Fatalf("cannot start Chromium (%s): %v\n%s", chrome, browserErr, browserStderr.String())
	}
	return browserCtx
}

func startBrowser() {
	profile, err := os.MkdirTemp("", "pt-e2e-chromium-")
	if err != nil {
		browserErr = err
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox, // Chromium refuses to run as root with its sandbox
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		// Chromium's own background services, which would otherwise call Google while the
		// tests run (DefaultExecAllocatorOptions' list, which this replaces, comes first).
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,OptimizationHints,"+
			"OptimizationHintsFetching,OptimizationGuideModelDownloading,OptimizationTargetPrediction,"+
			"MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater,"+
			"NetworkTimeServiceQuerying"),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("no-pings", true),
		chromedp.ProxyServer("http://"+foreign.addr()),
		chromedp.WindowSize(390, 844),
		chromedp.CombinedOutput(&lockedWriter{w: &browserStderr}),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	browserStop = func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	start, cancelStart := context.WithTimeout(context.Background(), waitTimeout)
	defer cancelStart()
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }() // starts the browser, bound to ctx, not to the timeout
	select {
	case browserErr = <-done:
	case <-start.Done():
		browserErr = errors.New("Chromium did not start in time")
	}
	browserCtx = ctx
}

func closeBrowser() {
	if browserStop != nil {
		browserStop()
	}
}

type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.w.Len() > 1<<20 {
		return len(p), nil
	}
	return l.w.Write(p)
}

// ---------------------------------------------------------------------------------------
// Tabs

// tab is one browser tab at phone size (iPhone 13: 390×844, touch, mobile). It records
// every console message, uncaught exception and request of its page; when the test ends
// it fails the test on a console error, an exception, or a request to another origin.
type tab struct {
	t    testing.TB
	site *site
	ctx  context.Context // for actions; ends with the test or after tabTimeout
	name string          // "tab 1", "tab 2", ... within the test, for messages

	mu        sync.Mutex
	console   []consoleEntry
	requests  []string // URLs the page requested (including those its worker answered)
	allowed   []allowedError
	proxyMark int
	checked   int    // console entries already checked
	page      string // URL of the document the tab shows
	children  int    // tabs opened from this one
	reqDone   int    // requests already checked
}

type consoleEntry struct {
	level string // "log", "warning", "error", "exception", ...
	text  string
	url   string // where the message comes from (a script, a resource)
	page  string // the page the tab showed then
}

func (c consoleEntry) String() string {
	s := c.level + ": " + c.text
	if c.url != "" && c.url != c.page {
		s += " (" + c.url + ")"
	}
	return s + " [on " + c.page + "]"
}

// isProblem reports whether a console message means something went wrong. Go's wasm_exec.js
// writes the Go program's stderr with console.log, so a panic shows as "log: panic: ..."
// and the end of the program as "warning: exit code: 2": both count, as the app is dead
// afterwards even though the prerendered page still shows.
func (c consoleEntry) isProblem() bool {
	switch c.level {
	case "error", "exception", "assert":
		return true
	case "log":
		return strings.HasPrefix(c.text, "panic: ") || strings.HasPrefix(c.text, "fatal error: ")
	case "warning":
		return strings.HasPrefix(c.text, "exit code: ")
	}
	return false
}

// allowedError is a console error a test expects, e.g. the 404 status of the not-found page.
type allowedError struct{ url, contains string }

// openPage opens route in a new tab, in a new browser context (no storage, no service
// worker from other tests), and waits until the app has started.
func (s *site) openPage(t testing.TB, route string) *tab {
	t.Helper()
	tb := s.newTab(t, nil)
	tb.navigate(route)
	return tb
}

// newTab opens a blank tab. With parent nil it is in a new browser context; otherwise it
// shares the parent's browser context (its storage and service worker), like a second tab
// of the same browser.
func (s *site) newTab(t testing.TB, parent *tab) *tab {
	t.Helper()
	tb := &tab{t: t, site: s, proxyMark: foreign.mark(), name: "tab 1"}
	opts := []chromedp.ContextOption{chromedp.WithListener(tb.onEvent)}
	parentCtx := newBrowser(t)
	if parent != nil {
		parent.children++
		tb.name = fmt.Sprintf("tab %d", parent.children+1)
	}
	if parent == nil {
		opts = append(opts, chromedp.WithNewBrowserContext())
	} else {
		parentCtx = parent.ctx
	}
	tabCtx, cancelTab := chromedp.NewContext(parentCtx, opts...)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(tabCtx); err != nil { // opens the tab, bound to tabCtx
		t.Fatalf("cannot open a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tabCtx, tabTimeout)
	t.Cleanup(cancel)
	tb.ctx = ctx
	t.Cleanup(func() { tb.checkClean("by the end of the test") }) // runs before the cancels
	if err := chromedp.Do(ctx, chromedp.Emulate(device.IPhone13)); err != nil {
		t.Fatalf("cannot emulate a phone: %v", err)
	}
	return tb
}

// onEvent runs in chromedp's event loop for this tab: it must be quick and run no command.
func (tb *tab) onEvent(ev any) {
	var e *consoleEntry
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			parts = append(parts, remoteText(a))
		}
		e = &consoleEntry{level: string(ev.Type), text: strings.Join(parts, " ")}
		if ev.StackTrace != nil && len(ev.StackTrace.CallFrames) > 0 {
			e.url = ev.StackTrace.CallFrames[0].URL
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		e = &consoleEntry{level: "exception", text: text, url: d.URL}
	case *log.EventEntryAdded:
		e = &consoleEntry{level: string(ev.Entry.Level), text: ev.Entry.Text, url: ev.Entry.URL}
	case *network.EventRequestWillBeSent:
		tb.mu.Lock()
		tb.requests = append(tb.requests, ev.Request.URL)
		tb.mu.Unlock()
	case *page.EventFrameNavigated:
		if ev.Frame.ParentID == "" {
			tb.mu.Lock()
			tb.page = ev.Frame.URL
			tb.mu.Unlock()
		}
	}
	if e != nil {
		tb.mu.Lock()
		e.page = tb.page
		tb.console = append(tb.console, *e)
		tb.mu.Unlock()
	}
}

func remoteText(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	if len(o.Value) > 0 {
		var s string
		if json.Unmarshal(o.Value, &s) == nil {
			return s
		}
		return string(o.Value)
	}
	if o.Description != "" {
		return o.Description
	}
	return string(o.Type)
}

// allowConsoleError lets one expected console error through: a message from url whose text
// contains the given words.
func (tb *tab) allowConsoleError(url, contains string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.allowed = append(tb.allowed, allowedError{url, contains})
}

// checkClean fails the test on console errors, uncaught exceptions and requests to other
// origins since the last check. It runs by itself when the test ends.
func (tb *tab) checkClean(when string) {
	tb.t.Helper()
	tb.mu.Lock()
	entries := tb.console[tb.checked:]
	tb.checked = len(tb.console)
	reqs := tb.requests[tb.reqDone:]
	tb.reqDone = len(tb.requests)
	allowed := tb.allowed
	tb.mu.Unlock()

	var bad []string
	for _, e := range entries {
		if !e.isProblem() {
			continue
		}
		ok := false
		for _, a := range allowed {
			if e.url == a.url && strings.Contains(e.text, a.contains) {
				ok = true
			}
		}
		if !ok {
			bad = append(bad, e.String())
		}
	}
	if len(bad) > 0 {
		tb.t.Errorf("%s: console errors or uncaught exceptions %s:\n  %s\nthe whole console, for context:%s",
			tb.name, when, strings.Join(bad, "\n  "), tb.consoleText())
	}

	var other []string
	for _, u := range reqs {
		if !tb.sameOrigin(u) {
			other = append(other, u)
		}
	}
	other = append(other, foreign.since(tb.proxyMark)...)
	tb.proxyMark = foreign.mark()
	if len(other) > 0 {
		tb.t.Errorf("%s: requests to another origin than %s %s (the app must work offline and tell no third party anything):\n  %s",
			tb.name, tb.site.origin, when, strings.Join(dedupe(other), "\n  "))
	}
}

func (tb *tab) sameOrigin(u string) bool {
	for _, local := range []string{"data:", "blob:", "about:"} {
		if strings.HasPrefix(u, local) {
			return true
		}
	}
	return u == tb.site.origin || strings.HasPrefix(u, tb.site.origin+"/")
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// requestedURLs lists every URL the page has requested so far, in order.
func (tb *tab) requestedURLs() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.requests...)
}

// consoleText gives everything the page wrote to the console, for failure messages.
func (tb *tab) consoleText() string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	const max = 100
	var b strings.Builder
	entries := tb.console
	if len(entries) > max {
		fmt.Fprintf(&b, "\n  (%d earlier messages left out)", len(entries)-max)
		entries = entries[len(entries)-max:]
	}
	for _, e := range entries {
		fmt.Fprintf(&b, "\n  %s", e)
	}
	return b.String()
}

// do runs actions and fails the test, with a screenshot and the console, if one fails.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.fail(what, err)
	}
}

func (tb *tab) fail(what string, err error) {
	tb.t.Helper()
	screenshot(tb.t, tb, "FAILED")
	loc, _ := chromedp.Run(tb.ctx, chromedp.Location())
	tb.t.Fatalf("%s: %v\npage: %s\nconsole:%s", what, err, loc, tb.consoleText())
}

// wait runs one action that waits for something, for at most waitTimeout.
func (tb *tab) wait(what string, action chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, action); err != nil {
		tb.fail(what, err)
	}
}

// navigate loads route (or a full URL) in this tab and waits until the app has started.
func (tb *tab) navigate(route string) {
	tb.t.Helper()
	u := route
	if strings.HasPrefix(route, "/") {
		u = tb.site.url(route)
	}
	tb.do("loading "+u, chromedp.Navigate(u))
	tb.waitForApp()
}

// reload reloads the page and waits until the app has started again.
func (tb *tab) reload() {
	tb.t.Helper()
	tb.do("reloading", chromedp.Reload())
	tb.waitForApp()
}

// pageReady is true when the app has started (go-app's loading overlay is gone) and the
// page shows what the address bar asks for: its <main> carries data-ready with the path
// and query the page was last told it is at (see page.main in app/page.go). Until then a
// page may still show what it drew before it read its address.
const pageReady = `(() => {
	if (document.getElementById("app-wasm-loader")) return false;
	const m = document.querySelector("main[data-ready]");
	return !!m && m.dataset.ready === location.pathname + location.search;
})()`

// poll evaluates a JavaScript expression until it is true, for at most waitTimeout, and
// returns nil then, or the reason it never was. It evaluates again and again rather than
// using chromedp.Poll: a page that reloads itself (an update, a service worker taking
// control) destroys the context a poll runs in, and that is not a failure, only a moment
// to try again.
func (tb *tab) poll(expr string) error { return tb.pollFor(expr, waitTimeout) }

// pollFor is poll with its own limit, for the few states that come only after the browser
// has copied the whole site (a new version's service worker).
func (tb *tab) pollFor(expr string, limit time.Duration) error {
	var err error
	for end := time.Now().Add(limit); ; time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
		var ok bool
		ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			return nil
		}
		if err == nil {
			err = errors.New("still false")
		}
		if time.Now().After(end) {
			return fmt.Errorf("after %v: %w", limit, err)
		}
	}
}

// waitForApp waits until the page is ready (pageReady) and shows a non-empty <h1>. It
// reads the DOM with JavaScript, which does not trip over nodes that the app replaces
// while it renders.
func (tb *tab) waitForApp() {
	tb.t.Helper()
	ready := `(() => {
		if (!` + pageReady + `) return false;
		const h = document.querySelector("h1");
		return !!h && h.getClientRects().length > 0 && h.innerText.trim() !== "";
	})()`
	err := tb.poll(ready)
	if err == nil {
		return
	}
	// Say what a person would see: the loader's label shows go-app's error.
	state, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`JSON.stringify({
		loader: (document.getElementById("app-wasm-loader") || {}).innerText || "(gone)",
		ready: (document.querySelector("main[data-ready]") || {dataset: {}}).dataset.ready || "(no main[data-ready])",
		address: location.pathname + location.search,
		h1: (document.querySelector("h1") || {}).innerText || "(none)"})`))
	tb.fail("waiting for the app to start and draw this address (loader gone, main[data-ready] = the address, an <h1> visible); "+state, err)
}

// h1 returns the visible text of the page's first <h1>.
func (tb *tab) h1() string {
	tb.t.Helper()
	return normalizeSpace(eval[string](tb, "reading the <h1>", `(document.querySelector("h1") || {}).innerText || ""`))
}

// expectPage checks that the tab shows page p: it waits until the page is ready and its
// <h1> is p's, and says what it shows instead if that never comes.
func (tb *tab) expectPage(p pageInfo) {
	tb.t.Helper()
	want, _ := json.Marshal(p.h1)
	expr := `(` + pageReady + `) && ((document.querySelector("h1") || {}).innerText || "").replace(/\s+/g, " ").trim() === ` + string(want)
	if err := tb.poll(expr); err != nil {
		loc, _ := chromedp.Run(tb.ctx, chromedp.Location())
		tb.t.Errorf("%s shows the heading %q, want %q (the heading of %s)", loc, tb.h1(), p.h1, p.file)
	}
}

// count returns how many elements match a CSS selector now.
func count(tb *tab, selector string) int {
	tb.t.Helper()
	sel, _ := json.Marshal(selector)
	return eval[int](tb, "counting "+selector, "document.querySelectorAll("+string(sel)+").length")
}

// eval runs a JavaScript expression (awaiting a promise) and decodes its result into T.
func eval[T any](tb *tab, what, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.fail(what, err)
	}
	return v
}

// workerState describes the page's service worker.
type workerState struct {
	State      string `json:"state"`
	Scope      string `json:"scope"`
	Controlled bool   `json:"controlled"`
	Caches     int    `json:"caches"`
	Cached     int    `json:"cached"`
}

// waitForServiceWorker waits until the service worker is active (its install, which
// copies the whole site into the cache, has finished) and controls this page. It returns
// the worker's state.
func (tb *tab) waitForServiceWorker() workerState {
	tb.t.Helper()
	const js = `(async () => {
		if (!("serviceWorker" in navigator)) throw new Error("no navigator.serviceWorker (not a secure context?)");
		const reg = await Promise.race([navigator.serviceWorker.ready,
			new Promise((resolve) => setTimeout(resolve, 25000))]);
		if (!reg) {
			const r = await navigator.serviceWorker.getRegistration();
			const st = (w) => (w ? w.state : "none");
			return { state: r ? "not ready after 25 s: installing " + st(r.installing) + ", waiting " +
				st(r.waiting) + ", active " + st(r.active) : "not registered after 25 s",
				scope: r ? r.scope : "", controlled: false, caches: 0, cached: 0 };
		}
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => {
				navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true });
				setTimeout(resolve, 1000);
			});
		}
		let cached = 0;
		const names = await caches.keys();
		for (const name of names) cached += (await (await caches.open(name)).keys()).length;
		return { state: reg.active ? reg.active.state : "none", scope: reg.scope,
			controlled: !!navigator.serviceWorker.controller, caches: names.length, cached };
	})()`
	w := eval[workerState](tb, "waiting for the service worker (navigator.serviceWorker.ready)", js)
	if !w.Controlled {
		// A worker that does not claim open pages controls them from the next load on.
		tb.reload()
		w = eval[workerState](tb, "waiting for the service worker after a reload", js)
	}
	if w.State != "activated" || !w.Controlled || w.Cached == 0 {
		tb.t.Fatalf("service worker not ready for offline use: %+v\n(an install fails when a file in its "+
			"cache list cannot be fetched)\nrequests the server refused: %v\nconsole:%s", w, tb.site.failedRequests(), tb.consoleText())
	}
	return w
}

// ---------------------------------------------------------------------------------------
// Accessibility

var axeSource = sync.OnceValues(func() ([]byte, error) { return os.ReadFile(axePath) })

type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page as it is now, with its default rules (WCAG 2.x A and
// AA and best practices), and fails the test with a readable list of violations.
func checkAxe(t testing.TB, tb *tab) {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		t.Fatalf("axe-core: %v (run scripts/setup-test-tools.sh)", err)
	}
	if !eval[bool](tb, "loading axe-core", `typeof axe !== "undefined"`) {
		eval[bool](tb, "loading axe-core", string(src)+"\n;true")
	}
	vs := eval[[]axeViolation](tb, "running axe-core", `axe.run(document, { resultTypes: ["violations"] }).then((r) =>
		r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
			nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary })) })))`)
	if len(vs) == 0 {
		return
	}
	loc, _ := chromedp.Run(tb.ctx, chromedp.Location())
	var b strings.Builder
	fmt.Fprintf(&b, "axe-core found %d accessibility violation(s) on %s:", len(vs), loc)
	for _, v := range vs {
		fmt.Fprintf(&b, "\n- [%s] %s: %s\n  %s", v.Impact, v.ID, v.Help, v.HelpURL)
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "\n    ... and %d more", len(v.Nodes)-i)
				break
			}
			fmt.Fprintf(&b, "\n    at %s: %s", n.Target, truncate(n.HTML, 160))
			for _, line := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
				fmt.Fprintf(&b, "\n      %s", line)
			}
		}
	}
	t.Error(b.String())
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// ---------------------------------------------------------------------------------------
// Screenshots

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// screenshot saves the whole page, as a phone would show it scrolled through, to
// app/e2e/screenshots/TEST--NAME.png (git-ignored) for people to look at.
// (A full-page capture resizes the viewport for a moment, and Chromium may then put a
// later click on the same page in the wrong place: take it after the page's last click,
// or navigate first.)
func screenshot(t testing.TB, tb *tab, name string) string {
	t.Helper()
	buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return ""
	}

	if err := os.MkdirAll("screenshots", 0o755); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return ""
	}
	file := filepath.Join("screenshots", unsafeName.ReplaceAllString(t.Name()+"--"+name, "_")+".png")
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return ""
	}
	return file
}
