//go:build !js

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Every page, with a real record in it, fits a 320-pixel-wide phone: nothing makes the
// page scroll sideways (wide tables scroll inside their own box, which is allowed).
func TestEveryPageFitsA320PixelScreen(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	records, _ := storedRecords(t, lettersCase(t))
	seed(tb, records)
	tb.do("making the screen 320 pixels wide", chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
	for _, p := range s.pages {
		route := p.route
		switch {
		case strings.HasPrefix(route, "/sessions/"), route == "/provision/check", strings.HasPrefix(route, "/provision/") && route != "/provision/type":
			route += "?id=ot" // pages about one provision
		case route == "/provision/type":
			route += "?new=1"
		case route == "/letter":
			route += "?kind=council_stage1"
		}
		tb.navigate(route)
		if w := eval[int](tb, "reading the width", `document.documentElement.clientWidth`); w != 320 {
			t.Fatalf("the page is %d pixels wide, not 320: the test would prove nothing", w)
		}
		over := eval[string](tb, "measuring "+route, `(() => {
			const w = document.documentElement.clientWidth;
			if (document.documentElement.scrollWidth <= w) return "";
			const wide = [...document.querySelectorAll("main *")].filter(e => {
				const r = e.getBoundingClientRect();
				if (r.right <= w + 1) return false;
				for (let a = e.parentElement; a; a = a.parentElement)
					if (getComputedStyle(a).overflowX !== "visible") return false; // scrolls in its own box
				return true });
			return document.documentElement.scrollWidth + "px wide; too wide: " +
				wide.slice(0, 3).map(e => e.tagName.toLowerCase() + "." + e.className).join(", ") })()`)
		if over != "" {
			t.Errorf("%s does not fit 320 pixels: %s", route, over)
		}
	}
}
