//go:build !js

package e2e

// Storage full or refused (issue 6): the parent is told plainly, what they entered stays
// on screen and in a backup, and nothing already saved is changed.
//
// No console error is allowed in these tests (no tb.allowConsoleError): the browser's
// QuotaExceededError and SecurityError are thrown into the app, which catches them and
// says so on the page; neither is logged. An uncaught one means the app stopped.

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"provisiontracker/backup"
	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// beforeScripts runs js before any script of every page the tab loads from now on.
func beforeScripts(tb *tab, js string) {
	tb.t.Helper()
	run := true
	if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: js, RunImmediately: &run})
		return err
	})); err != nil {
		tb.t.Fatalf("installing a script: %v", err)
	}
}

// fillStorage fills localStorage to the last character with one filler key, so the
// browser itself throws its QuotaExceededError at the app's next write. It returns the
// filler's length.
func fillStorage(tb *tab) int {
	tb.t.Helper()
	return eval[int](tb, "filling localStorage", `(() => {
		const fits = (n) => { try { localStorage.setItem("e2e-filler", "x".repeat(n)); return true; }
			catch (e) { if (e.name !== "QuotaExceededError") throw e; return false; } };
		let lo = 0, hi = 1 << 20;
		while (fits(hi)) { lo = hi; hi *= 2; }
		while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (fits(mid)) lo = mid; else hi = mid; }
		localStorage.setItem("e2e-filler", "x".repeat(lo));
		return lo })()`)
}

// backupCase decodes a downloaded (unlocked) backup file.
func backupCase(t *testing.T, d download) calc.Case {
	t.Helper()
	plan, err := backup.Import([]byte(d.Text), "", nil)
	if err != nil {
		t.Fatalf("the backup %s cannot be imported: %v", d.Name, err)
	}
	return plan.Case
}

// The headings of the strip that says a change is not saved, and that the browser refuses
// storage altogether.
const (
	warningTitle = "Your changes are not saved on this device"
	refusedTitle = "Nothing you enter can be saved on this device"
)

// Storage full: the change stays on screen and in a backup, the saved record is left as it
// was, and the next change after room is made saves everything.
func TestStorageFull(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, _ := storedRecords(t, dataSeed(t))
	seed(tb, records)
	goTo(tb, "/child/name")
	before := storage(tb)
	n := fillStorage(tb)
	t.Logf("localStorage took a filler of %d characters", n)

	setField(tb, "first-name", "Zara")
	press(tb, "form button[type=submit]")
	waitJS(tb, "the next question", `location.pathname === "/child/birth"`)
	full := casestore.ErrStorageFull.Error()
	waitText(tb, full)
	waitText(tb, warningTitle)
	waitText(tb, "Zara's record") // the header: the change is on screen
	if strings.Contains(pageText(tb), "Saved on this device") {
		t.Error("the page says the change was saved")
	}
	checkAxe(t, tb)
	screenshot(t, tb, "full-warning")
	if after := storage(tb); !sameRecords(before, after) {
		t.Errorf("the stored record changed when the save failed:\nbefore %v\nafter  %v", before, after)
	}

	// The backup page works from what is on screen.
	press(tb, `.data-notices a[href$="/backup"]`)
	waitJS(tb, "the backup page", `location.pathname === "/backup"`)
	press(tb, "form button[type=submit]")
	d := lastDownload(tb, 1)
	waitJS(tb, "the done message", `!!document.getElementById("backup-done")`)
	screenshot(t, tb, "full-backup")
	if c := backupCase(t, d); c.Child.FirstName != "Zara" {
		t.Errorf("the backup has the name %q, want the unsaved change Zara", c.Child.FirstName)
	}
	if after := storage(tb); !sameRecords(before, after) {
		t.Errorf("the download marked the stored record as backed up although it holds an older version:\n%v", after)
	}

	// Room is made: the next change saves, with the one that could not be saved.
	eval[bool](tb, "making room", `(() => { localStorage.removeItem("e2e-filler"); return true })()`)
	goTo(tb, "/child/birth")
	setField(tb, "birth-day", "27")
	setField(tb, "birth-month", "3")
	setField(tb, "birth-year", "2015")
	press(tb, "form button[type=submit]")
	waitJS(tb, "the next question", `location.pathname === "/child/council"`)
	waitText(tb, "Saved on this device")
	if strings.Contains(pageText(tb), warningTitle) || count(tb, ".data-notices .warning") > 0 {
		t.Error("the warning is still shown after a save that worked")
	}
	screenshot(t, tb, "full-then-saved")
	c, _ := storedCase(tb)
	if c.Child.FirstName != "Zara" || c.Child.DateOfBirth != calc.MustDate(2015, 3, 27) {
		t.Errorf("stored %q born %v, want Zara born 2015-03-27", c.Child.FirstName, c.Child.DateOfBirth)
	}
}

// sameRecords compares the app's stored entries.
func sameRecords(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Storage refused, as some browsers do in private browsing: reading window.localStorage
// throws. The app starts, says it cannot save, keeps what the parent enters while the page
// is open, and can download it.
func TestStorageUnavailable(t *testing.T) {
	s := startSite(t, "/")
	tb := s.newTab(t, nil)
	watchPage(tb)
	beforeScripts(tb, `Object.defineProperty(window, "localStorage", { configurable: true,
		get() { throw new DOMException("The operation is insecure.", "SecurityError"); } })`)
	tb.navigate("/")
	waitText(tb, refusedTitle)
	waitText(tb, "This browser is not letting the app save anything on this device")
	waitText(tb, "what you enter is kept only while this page is open")
	screenshot(t, tb, "start")

	// A child and a provision, moving only inside the app: a reload would lose them.
	tb.click("a.button-start")
	tb.waitPath("/child/name")
	tb.fill("first-name", "Sam")
	tb.continueTo("/child/birth")
	waitText(tb, "Sam's record")
	goTo(tb, "/provisions")
	tb.click("a[href$='/provision/type?new=1']")
	tb.waitPath("/provision/type")
	tb.click("#type") // occupational therapy
	tb.continueTo("/provision/section")
	tb.click("#section")
	tb.continueTo("/provision/wording")
	tb.fill("wording", "Occupational therapy every week in term time.")
	tb.continueTo("/provision/amount")
	tb.fill("count", "1")
	tb.choose("per", "week")
	tb.continueTo("/provision/weeks")
	tb.click("#weeks")
	tb.click("#weekday-8")
	tb.continueTo("/provision/dates")
	tb.fillDate("start", "27", "2", "2023")
	tb.continueTo("/provision/provider")
	tb.fill("provider", "Company A")
	tb.continueTo("/provision/indirect")
	tb.click("#includes-2")
	tb.continueTo("/provision/check")
	tb.continueTo("/provisions")
	waitText(tb, "Occupational therapy")
	text := pageText(tb)
	if !strings.Contains(text, refusedTitle) {
		t.Errorf("the provisions page does not say the record is not saved: %s", text)
	}
	if strings.Contains(text, "Saved on this device") {
		t.Errorf("the page says the record is saved on this device: %s", text)
	}
	checkAxe(t, tb)
	screenshot(t, tb, "provisions")

	goTo(tb, "/backup")
	press(tb, "form button[type=submit]")
	d := lastDownload(tb, 1)
	waitJS(tb, "the done message", `!!document.getElementById("backup-done")`)
	screenshot(t, tb, "backup")
	c := backupCase(t, d)
	if c.Child.FirstName != "Sam" || len(provisionsIn(c)) != 1 || provisionsIn(c)[0].Provider != "Company A" {
		t.Errorf("the backup holds %q with provisions %+v, want Sam with the one provision entered", c.Child.FirstName, provisionsIn(c))
	}
}

// Some browsers give null for window.localStorage instead of throwing: the app starts and
// says the same.
func TestStorageNull(t *testing.T) {
	s := startSite(t, "/")
	tb := s.newTab(t, nil)
	watchPage(tb)
	beforeScripts(tb, `Object.defineProperty(window, "localStorage", { configurable: true, value: null })`)
	tb.navigate("/child/name")
	waitText(tb, refusedTitle)
	tb.fill("first-name", "Sam")
	tb.continueTo("/child/birth")
	waitText(tb, "Sam's record")
	waitText(tb, refusedTitle)
}
