//go:build !js

package e2e

import (
	"encoding/json"
	"testing"

	"provisiontracker/letters"
)

// headingsSeen records, from before any script of each page the tab loads, every <h1>
// text the page shows once go-app's loading overlay is gone: what a person would see,
// however briefly. While the browser is still reading the page's HTML it has not yet
// reached the overlay, which comes after the prerendered page; the observer can run
// between the two and saw the prerendered heading ("Start a record first": the site is
// built with no record) that the overlay covers once it is read. So nothing counts until
// the HTML is read (readyState is no longer "loading"); the app's scripts are deferred,
// so it cannot start before that.
const headingsSeen = `window.__e2eHeadings = [];
new MutationObserver(() => {
	if (document.readyState === "loading" || document.getElementById("app-wasm-loader")) return;
	const h = document.querySelector("h1");
	const text = h ? h.textContent.replace(/\s+/g, " ").trim() : "";
	const seen = window.__e2eHeadings;
	if (text && seen[seen.length - 1] !== text) seen.push(text);
}).observe(document, {subtree: true, childList: true, characterData: true});`

// A page that reads its address (which letter, which provision) never shows another
// page's heading first. go-app draws a new page before it tells the page its address;
// before the fix, a parent opening a letter's link saw "Choose a letter" for a moment,
// and the browser tests sometimes read that instead of the letter.
func TestAddressedPagesShowOnlyTheirOwnHeading(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	c := lettersCase(t)
	loadCase(tb, c, "/tasks")
	beforeScripts(tb, headingsSeen)

	routes := []string{"/contact?new=1", "/provision/check?id=" + c.Plans[0].Provisions[0].ID}
	for _, k := range letters.Available(c) {
		routes = append(routes, "/letter?kind="+string(k))
	}
	for _, r := range routes {
		tb.navigate(r)
		final := tb.h1()
		var seen []string
		if err := json.Unmarshal([]byte(eval[string](tb, "reading the headings seen", `JSON.stringify(window.__e2eHeadings)`)), &seen); err != nil {
			t.Fatal(err)
		}
		if len(seen) != 1 || seen[0] != final {
			t.Errorf("%s showed the headings %q on its way to %q", r, seen, final)
		}
	}
}
