//go:build !js

package e2e

// Closing or reloading the page with an unsaved change asks first, and "Update now" keeps
// the change through the reload (issue 10, item 5).

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

// A change storage refused is still there after "Update now", and is saved once there is
// room: the banner's promise that the information stays is kept.
func TestUpdateNowKeepsAnUnsavedChange(t *testing.T) {
	s, deploy := twoVersions(t)
	tb := s.openPage(t, "/")
	seed(tb, mustRecords(t, dataSeed(t)))
	tb.waitForServiceWorker()
	visit(tb, "/child/name")
	fillStorage(tb)
	tb.fill("first-name", "Zara")
	tb.continueTo("/child/birth")
	waitText(tb, warningTitle)

	deploy()
	waitForUpdateBanner(tb)
	markPage(tb)
	press(tb, ".update-banner button")
	waitAcrossReload(tb)
	waitForVersion2(tb)
	waitText(tb, "Zara's record") // the carried change, on screen in the new version
	waitText(tb, warningTitle)    // and still said to be unsaved: storage is still full
	if got, _ := storedCase(tb); got.Child.FirstName == "Zara" {
		t.Fatal("the change is said to be unsaved but storage has it")
	}

	eval[bool](tb, "making room", `(() => { localStorage.removeItem("e2e-filler"); return true })()`)
	goTo(tb, "/child/birth")
	tb.fillDate("birth", "27", "3", "2015")
	tb.continueTo("/child/council")
	waitText(tb, "Saved on this device")
	if got, _ := storedCase(tb); got.Child.FirstName != "Zara" {
		t.Errorf("after the update and a save, the record says %q, not the change typed before it", got.Child.FirstName)
	}
}
