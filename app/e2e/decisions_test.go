//go:build !js

package e2e

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"provisiontracker/calc"
	"provisiontracker/calc/similar"
)

var decisionLinks = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, d := range similar.Decisions() {
		m[d.URL] = true
	}
	return m
})

// isDecisionLink says whether u is the address of a decision in the set:
// the decisions page shows it as a plain link, which the browser follows
// only when it is tapped (TestStaticSiteHasNoOtherOrigins allows these).
func isDecisionLink(u string) bool { return decisionLinks()[u] }

// shownDecision is one decision card as the page shows it.
type shownDecision struct {
	Ref   string   `json:"ref"`
	Title string   `json:"title"`
	Href  string   `json:"href"`
	Rel   string   `json:"rel"`
	Items []string `json:"items"`
	Why   []string `json:"why"`
}

func shownDecisions(tb *tab, list string) []shownDecision {
	tb.t.Helper()
	return eval[[]shownDecision](tb, "reading the decisions in "+list, `Array.from(document.querySelectorAll(`+jsString(list+" article.decision")+`)).map((a) => ({
		ref: a.dataset.ref, title: a.querySelector(".card-title").innerText.trim(),
		href: a.querySelector("a.decision-link").getAttribute("href"), rel: a.querySelector("a.decision-link").rel,
		items: Array.from(a.querySelectorAll(".decision-items li")).map((li) => li.innerText.trim()),
		why: Array.from(a.querySelectorAll(".decision-why li")).map((li) => li.innerText.trim()) }))`)
}

// checkCard compares a card with the decision it shows.
func checkCard(t *testing.T, got shownDecision, d similar.Decision) {
	t.Helper()
	if got.Ref != d.Ref || got.Href != d.URL || !strings.Contains(got.Rel, "noreferrer") {
		t.Errorf("card %s links to %q (rel %q), want decision %s at %s", got.Ref, got.Href, got.Rel, d.Ref, d.URL)
	}
	if d.Council != "" && !strings.HasPrefix(got.Title, d.Council+", ") {
		t.Errorf("card %s is titled %q, want the council %q", d.Ref, got.Title, d.Council)
	}
	if len(got.Items) != len(d.Items) {
		t.Fatalf("card %s shows %d payments, the decision has %d", d.Ref, len(got.Items), len(d.Items))
	}
	for i, it := range d.Items {
		if want := calc.FormatMoney(it.Amount) + " " + similar.CategoryName(it.Category); got.Items[i] != want {
			t.Errorf("card %s payment %d is %q, want %q", d.Ref, i, got.Items[i], want)
		}
	}
}

// waitStatus waits for the list page's count of decisions shown.
func waitStatus(tb *tab, n, all int) {
	tb.t.Helper()
	want := "Showing all " + strconv.Itoa(all) + " decisions."
	if n != all {
		want = "Showing " + strconv.Itoa(n) + " of " + strconv.Itoa(all) + " decisions."
	}
	waitJS(tb, "the list to say "+want+" and show "+strconv.Itoa(n)+" decisions",
		`document.getElementById("decisions-status").innerText.trim() === `+jsString(want)+
			` && document.querySelectorAll(".decision-list article.decision").length === `+strconv.Itoa(n))
}

// The summary's "Decisions like yours" and the page of every decision work
// offline: the nearest decisions are calc/similar's, each with its council,
// payments, reasons and a plain link to the Ombudsman's page; the filters
// work with the keyboard; axe finds nothing; nothing is fetched from
// another origin (the links are not followed).
func TestDecisionsLikeYoursOffline(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	c := loadSeed(t, "notts-23-009-620.json")
	loadCase(tb, c, "/summary")
	tb.waitForServiceWorker()
	s.stop() // from here on the app runs from its cache only
	tb.navigate("/summary")
	tb.waitFor("#decisions-like-yours")

	want := similar.Nearest(c, todayDate()).Matches
	if len(want) < 3 {
		t.Fatalf("calc/similar finds %d decisions for the seed", len(want))
	}
	shown := shownDecisions(tb, ".similar-list")
	if len(shown) != len(want) {
		t.Fatalf("the summary shows %d decisions like yours, calc/similar finds %d", len(shown), len(want))
	}
	for i, m := range want {
		checkCard(t, shown[i], m.Decision)
		if len(shown[i].Why) != len(m.Why) || !strings.Contains(strings.ToLower(strings.Join(shown[i].Why, " ")), "ot missed") {
			t.Errorf("card %s says why %q, want %q", m.Decision.Ref, shown[i].Why, m.Why)
		}
	}
	if text := pageText(tb); !strings.Contains(text, "Each case turns on its own facts.") {
		t.Error("the summary does not say that each case turns on its facts")
	}
	checkAxe(t, tb)

	// The list of every decision, reached by its link.
	press(tb, `a[href="/decisions"]`)
	tb.waitPath("/decisions")
	all := similar.Decisions()
	waitStatus(tb, len(all), len(all))
	list := shownDecisions(tb, ".decision-list")
	byRef := map[string]similar.Decision{}
	for _, d := range all {
		byRef[d.Ref] = d
	}
	for _, got := range list {
		checkCard(t, got, byRef[got.Ref])
	}
	checkAxe(t, tb)

	// Kind of help, with the keyboard: the first choice after "Any" is OT.
	tb.do("choosing a kind of help with the keyboard", chromedp.Focus(chromedp.CSS("#help")), chromedp.KeyEvent(kb.ArrowDown))
	f := similar.Filter{Help: similar.HelpOT}
	waitStatus(tb, len(f.Apply(all)), len(all))
	for i, got := range shownDecisions(tb, ".decision-list") {
		if d := f.Apply(all)[i]; got.Ref != d.Ref || !byRef[got.Ref].Has(similar.HelpOT) {
			t.Errorf("OT filter shows %s at %d, want %s", got.Ref, i, d.Ref)
		}
	}
	// Then what went wrong, the year and the council.
	tb.choose("fault", string(similar.FaultHelpMissed))
	f.Fault = similar.FaultHelpMissed
	waitStatus(tb, len(f.Apply(all)), len(all))
	year := f.Apply(all)[0].Date.Year()
	tb.choose("year", strconv.Itoa(year))
	f.Year = year
	waitStatus(tb, len(f.Apply(all)), len(all))
	f = similar.Filter{Council: "Hertfordshire County Council"}
	tb.do("showing all again", chromedp.Click(chromedp.CSS("#clear-filters")))
	waitStatus(tb, len(all), len(all))
	tb.choose("council", f.Council)
	waitStatus(tb, len(f.Apply(all)), len(all))
	for _, got := range shownDecisions(tb, ".decision-list") {
		if !strings.HasPrefix(got.Title, f.Council+", ") {
			t.Errorf("council filter shows %q", got.Title)
		}
	}
	checkAxe(t, tb)
	tb.checkClean("on the decisions pages, offline")
	screenshot(t, tb, "decisions-list")
}

// With too little recorded, the summary says what to add instead of
// showing poor matches.
func TestDecisionsLikeYoursSaysWhatToAdd(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	c := loadSeed(t, "notts-23-009-620.json")
	c.Plans[0].Provisions = nil
	loadCase(tb, c, "/summary")
	tb.waitFor("#decisions-like-yours")
	if n := count(tb, ".similar-list article.decision"); n != 0 {
		t.Errorf("%d decisions shown for a record with no help in it", n)
	}
	waitText(tb, "record which sessions were missed")
	checkAxe(t, tb)
}
