//go:build !js

package e2e

// Closing or reloading the page with an unsaved change asks first (issue 10, item 5).
// "Update now" keeping the change is tested in app (TestUpdateKeepsAnUnsavedChange): the
// browser test of an update (TestUpdateKeepsData) does not see the banner on this machine,
// on main too, so a browser test of it here could not pass yet.

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Reloading with a change that is not saved asks first; staying keeps it on screen.
func TestReloadWithAnUnsavedChangeAsks(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	seed(tb, mustRecords(t, dataSeed(t)))
	visit(tb, "/child/name")
	fillStorage(tb)
	tb.fill("first-name", "Zara")
	tb.continueTo("/child/birth")
	waitText(tb, warningTitle)

	dialogs := make(chan string, 4)
	opened := chromedp.Events(tb.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range opened {
			if err != nil {
				return
			}
			dialogs <- string(ev.Type)
			// Stay on the page, as a parent who presses Cancel.
			chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	eval[bool](tb, "reloading", `(() => { setTimeout(() => location.reload(), 0); return true })()`)
	select {
	case typ := <-dialogs:
		if typ != "beforeunload" {
			t.Errorf("the browser asked with a %q dialog", typ)
		}
	case <-time.After(waitTimeout):
		t.Fatal("reloading with an unsaved change did not ask (no beforeunload dialog)")
	}
	waitText(tb, "Zara's record")
	waitText(tb, warningTitle)
}
