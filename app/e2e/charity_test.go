//go:build !js

package e2e

// For charities (issue 14): the built site works as each hosting recipe in the README
// serves it, at a domain's root and under a sub-path, online and offline; a branded build
// shows its brand on the start page, in the footer, the manifest and a printed letter, and
// an unbranded one none; a share link presets the council of a new record only; "Share this
// tool" shares or copies the link.

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"provisiontracker/branding"
	"provisiontracker/calc"
	"provisiontracker/casestore"
	"provisiontracker/letters"
	"provisiontracker/statichost"
)

// exampleBrand is the README's example config, which the branded build uses.
func exampleBrand() string { return filepath.Join(repoRoot, "branding", "example", "branding.conf") }

// variants are sites built with extra build flags, by name, once per test run.
var variants = struct {
	mu    sync.Mutex
	sites map[string]*builtSite
}{sites: map[string]*builtSite{}}

// buildVariant builds the site for prefix with extra flags into its own folder.
func buildVariant(t *testing.T, name, prefix string, flags ...string) *builtSite {
	t.Helper()
	variants.mu.Lock()
	defer variants.mu.Unlock()
	if s, ok := variants.sites[name]; ok {
		return s
	}
	dir := filepath.Join(sitesRoot, "variant-"+name)
	args := append([]string{"build", "-out", dir, "-prefix", prefix, "-web", webDir, "-brotli=false"}, flags...)
	cmd := exec.Command(ptBin, args...)
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", ptBin, strings.Join(args, " "), err, out)
	}
	s := &builtSite{dir: dir, prefix: prefix}
	if err := s.readPages(); err != nil {
		t.Fatalf("site %s: %v", name, err)
	}
	variants.sites[name] = s
	return s
}

// hostRecipe serves a built site the way one of the README's recipes sets a host up.
type hostRecipe struct {
	name    string
	handler func(t *testing.T, s *builtSite) http.Handler
}

var hostRecipes = []hostRecipe{
	// GitHub Pages: no headers of the site's own (the policy is in each page's <meta>),
	// its fixed ten-minute cache, /privacy from privacy.html, 404.html for the rest.
	{"github-pages", func(t *testing.T, s *builtSite) http.Handler {
		return statichost.HandlerWith(s.dir, s.prefix, statichost.Options{CacheControl: "max-age=600"})
	}},
	// Netlify and Cloudflare Pages: the same, plus the _headers file the build writes, as
	// they read it. nginx and Apache send the same headers from the same table.
	{"netlify-cloudflare", func(t *testing.T, s *builtSite) http.Handler {
		data, err := os.ReadFile(filepath.Join(s.dir, "_headers"))
		if err != nil {
			t.Fatal(err)
		}
		rules, err := statichost.ParseHeaders(data)
		if err != nil {
			t.Fatal(err)
		}
		if len(rules) == 0 {
			t.Fatal("_headers has no rules")
		}
		return statichost.HandlerWith(s.dir, s.prefix, statichost.Options{Headers: rules})
	}},
}

// get asks the test server for a route, as a browser without a worker would.
func get(t *testing.T, s *site, route string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.url(route), nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// Every route starts under each hosting recipe, at the root and under a sub-path: online,
// then, once the worker is active, with the server gone (each route loaded anew, a deep
// link reloaded, and a deep link opened in a new tab).
func TestHostingRecipes(t *testing.T) {
	for _, recipe := range hostRecipes {
		t.Run(recipe.name, func(t *testing.T) {
			forEachPrefix(t, func(t *testing.T, prefix string) {
				s := serveWith(t, builds.get(t, prefix), recipe.handler(t, builds.get(t, prefix)))

				// What the host sends, as the README says it should.
				wasm := get(t, s, "/web/app.wasm")
				if ct := wasm.Header.Get("Content-Type"); ct != "application/wasm" {
					t.Errorf("app.wasm is served as %q", ct)
				}
				if wasm.Header.Get("Content-Encoding") != "gzip" {
					t.Errorf("app.wasm is not served from its pre-compressed copy")
				}
				if res := get(t, s, missingRoute); res.StatusCode != http.StatusNotFound {
					t.Errorf("%s answers %d, want 404 with 404.html", missingRoute, res.StatusCode)
				}
				start := get(t, s, "/")
				if recipe.name == "netlify-cloudflare" {
					if csp := start.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
						t.Errorf("the start page's policy header is %q", csp)
					}
				}

				tb := s.newTab(t, nil)
				tb.allowConsoleError(s.url(missingRoute), "404")
				for _, p := range s.pages {
					tb.navigate(p.route)
					tb.expectPage(p)
				}
				tb.navigate(missingRoute)
				tb.expectPage(s.notFound)

				tb.navigate("/")
				tb.waitForServiceWorker()
				s.stop()
				for _, p := range s.pages {
					tb.navigate(p.route)
					tb.expectPage(p)
				}
				deep := pageNamed(t, s, "/summary")
				tb.navigate(deep.route)
				tb.reload()
				tb.expectPage(deep)
				tb2 := s.newTab(t, tb)
				tb2.navigate(deep.route)
				tb2.expectPage(deep)
				screenshot(t, tb2, "offline-deep-link")
			})
		})
	}
}

func pageNamed(t *testing.T, s *site, route string) pageInfo {
	t.Helper()
	for _, p := range s.pages {
		if p.route == route {
			return p
		}
	}
	t.Fatalf("the site has no page %s", route)
	return pageInfo{}
}

// letterText prints the first letter that fits the case on A4 and reads the PDF back.
func letterText(t *testing.T, tb *tab, c calc.Case) string {
	t.Helper()
	kinds := letters.Available(c)
	if len(kinds) == 0 {
		t.Fatal("no letter fits the case")
	}
	tb.navigate("/letter?kind=" + string(kinds[0]))
	res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
	if err != nil {
		tb.fail("printing to PDF", err)
	}
	return normalizeSpace(pdfText(t, res.Data, string(kinds[0])))
}

// A branded build shows the organisation on the start page (with its logo, from the site
// itself), in every page's footer, in the manifest and at the foot of a printed letter,
// and passes axe-core with its accent colour. Nothing goes to another origin.
func TestBrandedSite(t *testing.T) {
	brand, err := branding.Load(exampleBrand())
	if err != nil {
		t.Fatal(err)
	}
	b := brand.Brand
	built := buildVariant(t, "branded", "/", "-brand", exampleBrand())
	s := serveWith(t, built, statichost.Handler(built.dir, "/"))
	tb := s.openPage(t, "/")
	tb.waitForText(".brand-box", "Shared with you by "+b.Name)
	box := tb.text(".brand-box")
	for _, want := range []string{b.Description, b.Helpline, b.Hours, b.WebsiteLabel()} {
		if !strings.Contains(box, want) {
			t.Errorf("the start page's brand box lacks %q: %s", want, box)
		}
	}
	if w := eval[int](tb, "the logo's width", `(document.querySelector(".brand-logo") || {}).naturalWidth || 0`); w == 0 {
		t.Error("the logo did not load")
	}
	if got := eval[string](tb, "the brand colour", `getComputedStyle(document.documentElement).getPropertyValue("--brand").trim()`); got != b.Accent {
		t.Errorf("--brand is %q, want the accent %s", got, b.Accent)
	}
	checkAxe(t, tb)
	screenshot(t, tb, "branded-start")
	m := eval[map[string]any](tb, "reading the manifest", `fetch(document.querySelector("link[rel=manifest]").href).then((r) => r.json())`)
	if name, _ := m["name"].(string); !strings.Contains(name, b.Name) {
		t.Errorf("the manifest's name is %q", name)
	}
	if theme, _ := m["theme_color"].(string); theme != b.Accent {
		t.Errorf("the manifest's theme colour is %q", theme)
	}

	c := lettersCase(t)
	loadCase(tb, c, "/privacy")
	if foot := tb.text(".site-footer"); !strings.Contains(foot, "Free help from "+b.Name) || !strings.Contains(foot, b.Helpline) {
		t.Errorf("the footer lacks the brand: %s", foot)
	}
	text := letterText(t, tb, c)
	want := normalizeSpace(strings.Join(b.HelpLines(), " "))
	if !strings.Contains(text, want) {
		t.Errorf("the printed letter lacks %q at its foot:\n%s", want, text)
	}
	if i := strings.Index(text, want); i >= 0 && strings.Contains(text[i:], "Yours") {
		t.Error("the free-help lines are not at the foot of the letter")
	}
}

// An unbranded build shows no brand anywhere: start page, footer, manifest, letter.
func TestUnbrandedSiteShowsNoBrand(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	if n := count(tb, ".brand-box, .footer-brand, link[href$='brand.css']"); n > 0 {
		t.Errorf("the unbranded start page has %d brand elements", n)
	}
	m := eval[map[string]any](tb, "reading the manifest", `fetch(document.querySelector("link[rel=manifest]").href).then((r) => r.json())`)
	if name, _ := m["name"].(string); name != "Provision Tracker" {
		t.Errorf("the manifest's name is %q", name)
	}
	c := lettersCase(t)
	loadCase(tb, c, "/privacy")
	if text := letterText(t, tb, c); strings.Contains(text, "Free help from") {
		t.Errorf("the unbranded letter has a brand's foot:\n%s", text)
	}
}

// storedCouncils reads every record the tab stored: the council of each child, by name.
func storedCouncils(tb *tab) map[string]string {
	tb.t.Helper()
	mem := casestore.NewMemory()
	for k, v := range storage(tb) {
		mem.Set(k, v)
	}
	st, err := casestore.Open(mem, time.Now)
	if err != nil {
		tb.t.Fatal(err)
	}
	out := map[string]string{}
	for _, sum := range st.List() {
		c, _, err := st.Load(sum.ID)
		if err != nil {
			tb.t.Fatal(err)
		}
		out[c.Child.FirstName] = c.Council
	}
	return out
}

// A share link presets the council: on a fresh browser profile the new record has it (and
// the council question shows it chosen); where a record already exists, opening the link
// changes nothing, and a record started from it for another child gets the link's council.
// Under the sub-path, as on GitHub Pages.
func TestShareLinkPresetsTheCouncil(t *testing.T) {
	const notts, camden = "891", "202"
	nottsC, _ := calc.CouncilByCode(notts)
	camdenC, _ := calc.CouncilByCode(camden)
	s := startSite(t, "/provision-tracker/")
	tb := s.openPage(t, "/?council="+notts)
	tb.waitForText("#shared-council", "This link is for families in "+nottsC.ShortName)
	tb.click("#start-now")
	tb.waitPath("/child/name")
	tb.fill("first-name", "Amira")
	tb.continueTo("/child/birth")
	if got := storedCouncils(tb); got["Amira"] != notts || len(got) != 1 {
		t.Fatalf("records after the share link: %v, want Amira with %s", got, notts)
	}
	tb.navigate("/child/council")
	if v := eval[string](tb, "the chosen council", `(document.querySelector("select") || {}).value || (document.querySelector("input[type=radio]:checked") || {}).value || ""`); v != notts {
		t.Errorf("the council question shows %q, want %s", v, notts)
	}

	// The same browser opens another area's link: Amira's record stays as it is.
	tb.navigate("/?council=" + camden)
	tb.waitForText("#shared-council", "Amira's record is not changed")
	tb.reload()
	tb.waitForText("#shared-council", "Amira's record is not changed")
	if got := storedCouncils(tb); got["Amira"] != notts {
		t.Fatalf("opening a share link changed Amira's council to %q", got["Amira"])
	}
	tb.waitForText("#start-another", "another child in "+camdenC.ShortName)
	tb.click("#start-another")
	tb.waitPath("/child/name")
	tb.fill("first-name", "Ben")
	tb.continueTo("/child/birth")
	if got := storedCouncils(tb); got["Amira"] != notts || got["Ben"] != camden {
		t.Errorf("records: %v, want Amira with %s and Ben with %s", got, notts, camden)
	}

	// A link with a code that is no council is ignored.
	tb2 := s.openPage(t, "/?council=999999")
	if n := count(tb2, "#shared-council"); n != 0 {
		t.Error("an unknown council code shows a notice")
	}
}

// "Share this tool" opens the share sheet with the site's address where the browser has
// the Web Share API, and copies the address where it has not; a message says which.
func TestShareThisTool(t *testing.T) {
	s := startSite(t, "/provision-tracker/")
	home := s.url("/")

	// Headless Chromium has no navigator.share: the link is copied.
	tb := s.newTab(t, nil)
	beforeScripts(tb, `
		window.__copied = [];
		Object.defineProperty(navigator, "clipboard", { value: { writeText: (t) => { window.__copied.push(t); return Promise.resolve(); } } });`)
	tb.navigate("/")
	if eval[bool](tb, "looking for navigator.share", `"share" in navigator`) {
		t.Fatal("this Chromium has navigator.share: the copy path is not tested")
	}
	tb.click("#share-tool")
	tb.waitForText("#share-notice", "The link is copied: "+home)
	if got := eval[[]string](tb, "reading what was copied", `window.__copied`); len(got) != 1 || got[0] != home {
		t.Errorf("copied %q, want %q", got, home)
	}

	// With a share sheet: it gets the address, and the message thanks the person.
	tb2 := s.newTab(t, nil)
	beforeScripts(tb2, `
		window.__shared = [];
		navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };`)
	tb2.navigate("/")
	tb2.click("#share-tool")
	tb2.waitForText("#share-notice", "Thank you for sharing the link.")
	shared := eval[[]map[string]string](tb2, "reading what was shared", `window.__shared`)
	if len(shared) != 1 || shared[0]["url"] != home || shared[0]["title"] != "Provision Tracker" {
		t.Errorf("shared %v, want the address %s", shared, home)
	}
	checkAxe(t, tb2)
}
