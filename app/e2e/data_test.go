//go:build !js

package e2e

// Data safety in a real browser (issue 6): a parent's record survives reloads, going
// offline, a tab closed in the middle of a save, damaged storage, bad backup files, two
// tabs and an app update; backups round-trip through a passphrase; every page keeps to its
// Content-Security-Policy.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"provisiontracker/backup"
	"provisiontracker/calc"
	"provisiontracker/casestore"
	"provisiontracker/statichost"
)

// dataSeed is the case the tests start from.
func dataSeed(t *testing.T) calc.Case {
	t.Helper()
	c := loadSeed(t, "notts-23-009-620.json")
	c.Child.FirstName = "Amira"
	return c
}

// storedRecords makes what the app would have stored for c, with the case open.
func storedRecords(t *testing.T, c calc.Case) (map[string]string, string) {
	t.Helper()
	mem := casestore.NewMemory()
	s, err := casestore.Open(mem, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := s.Create(c)
	if err != nil {
		t.Fatal(err)
	}
	s.SetCurrent(id)
	return dump(mem), id
}

func dump(mem *casestore.Memory) map[string]string {
	out := map[string]string{}
	keys, _ := mem.Keys()
	for _, k := range keys {
		out[k], _, _ = mem.Get(k)
	}
	return out
}

// watchPage installs, before any script of every page the tab loads, a recorder of CSP
// violations and of downloads (the app's Blob + <a download>; the file is recorded, not
// saved).
func watchPage(tb *tab) {
	tb.t.Helper()
	const js = `(() => {
		window.__csp = [];
		document.addEventListener("securitypolicyviolation", (e) =>
			window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
		window.__blobs = {};
		window.__downloads = [];
		const create = URL.createObjectURL;
		URL.createObjectURL = function (b) { const u = create.call(URL, b); window.__blobs[u] = b; return u; };
		const click = HTMLAnchorElement.prototype.click;
		HTMLAnchorElement.prototype.click = function () {
			if (this.download) { window.__downloads.push({ name: this.download, url: this.href }); return; }
			return click.call(this);
		};
	})()`
	beforeScripts(tb, js)
	tb.t.Cleanup(func() { checkCSP(tb) })
}

// checkCSP fails the test on any CSP violation the page reported since it loaded.
func checkCSP(tb *tab) {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
	if err == nil && len(v) > 0 {
		tb.t.Errorf("%s: Content-Security-Policy violations:\n  %s", tb.name, strings.Join(v, "\n  "))
	}
}

type download struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// lastDownload waits for the n-th file the page offered (1-based) and returns it.
func lastDownload(tb *tab, n int) download {
	tb.t.Helper()
	waitJS(tb, fmt.Sprintf("download %d", n), fmt.Sprintf(`(window.__downloads || []).length >= %d`, n))
	return eval[download](tb, "reading the download", fmt.Sprintf(`(async () => {
		const d = window.__downloads[%d];
		return { name: d.name, text: await window.__blobs[d.url].text() } })()`, n-1))
}

// waitJS waits until a JavaScript expression is true.
func waitJS(tb *tab, what, expr string) {
	tb.t.Helper()
	if err := tb.poll(expr); err != nil {
		tb.fail("waiting for "+what+" ("+expr+")", err)
	}
}

func jsString(s string) string { b, _ := json.Marshal(s); return string(b) }

// pageText is what the page's <main> says, spaces tidied.
func pageText(tb *tab) string {
	tb.t.Helper()
	return normalizeSpace(eval[string](tb, "reading the page", `(document.querySelector("main") || document.body).innerText`))
}

// waitText waits until the page says text.
func waitText(tb *tab, text string) {
	tb.t.Helper()
	waitJS(tb, "the page to say "+jsString(text), `document.body.innerText.replace(/\s+/g, " ").includes(`+jsString(text)+`)`)
}

// press clicks an element with JavaScript, as a tap would.
func press(tb *tab, selector string) {
	tb.t.Helper()
	waitJS(tb, selector, `!!document.querySelector(`+jsString(selector)+`)`)
	eval[bool](tb, "clicking "+selector, `(() => { document.querySelector(`+jsString(selector)+`).click(); return true })()`)
}

// setField types a value into a box and fires the change event, as leaving the box does.
func setField(tb *tab, id, value string) {
	tb.t.Helper()
	eval[bool](tb, "typing into #"+id, `(() => { const e = document.getElementById(`+jsString(id)+`);
		e.focus(); e.value = `+jsString(value)+`; e.dispatchEvent(new Event("input", {bubbles: true}));
		e.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
}

// goTo moves to a page inside the app (no reload), as a link does.
func goTo(tb *tab, route string) {
	tb.t.Helper()
	eval[bool](tb, "going to "+route, `(() => { goappNav(`+jsString(tb.site.url(route))+`); return true })()`)
	waitJS(tb, route+" drawn", `location.pathname === `+jsString(strings.TrimPrefix(tb.site.url(route), tb.site.origin))+` && `+pageReady)
}

// storage returns every localStorage entry of the app.
func storage(tb *tab) map[string]string {
	tb.t.Helper()
	return eval[map[string]string](tb, "reading localStorage",
		`Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("pt:")).map((k) => [k, localStorage.getItem(k)]))`)
}

// seed puts records into the tab's storage and reloads, as if the parent had entered them.
func seed(tb *tab, records map[string]string) {
	tb.t.Helper()
	b, _ := json.Marshal(records)
	eval[bool](tb, "seeding localStorage", `(() => { const m = `+string(b)+`; for (const k in m) localStorage.setItem(k, m[k]); return true })()`)
	tb.reload()
}

// storedCase opens what the tab stored, as the app would, and returns the open case.
func storedCase(tb *tab) (calc.Case, *casestore.Store) {
	tb.t.Helper()
	mem := casestore.NewMemory()
	for k, v := range storage(tb) {
		mem.Set(k, v)
	}
	s, err := casestore.Open(mem, time.Now)
	if err != nil {
		tb.t.Fatal(err)
	}
	if len(s.Problems()) > 0 {
		tb.t.Errorf("unreadable data in storage: %+v", s.Problems())
	}
	list := s.List()
	if len(list) != 1 {
		tb.t.Fatalf("%d records in storage, want 1", len(list))
	}
	c, _, err := s.Load(list[0].ID)
	if err != nil {
		tb.t.Fatal(err)
	}
	return c, s
}

// The ids given are recorded first, as the app does when it keeps a record,
// so a case made in a test compares equal to the same case stored.
func caseFile(t *testing.T, c calc.Case) string {
	t.Helper()
	calc.RecordIDs(&c)
	b, err := calc.EncodeCaseFile(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A change survives a reload, and a reload with no network.
func TestDataSurvivesReloadAndOffline(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, _ := storedRecords(t, dataSeed(t))
	seed(tb, records)
	goTo(tb, "/child/name")
	setField(tb, "first-name", "Zara")
	press(tb, "form button[type=submit]")
	waitJS(tb, "the next question", `location.pathname === "/child/birth"`)
	tb.reload()
	waitText(tb, "Zara")
	if c, _ := storedCase(tb); c.Child.FirstName != "Zara" {
		t.Errorf("stored name %q after a reload", c.Child.FirstName)
	}
	tb.waitForServiceWorker()
	s.stop()
	tb.navigate("/tasks")
	waitText(tb, "Zara's record")
	screenshot(t, tb, "offline-tasks")
}

// A tab closed while the parent types and saves leaves the last complete save, and a save
// cut between writing the new version and switching to it is finished at the next start.
func TestClosedMidSaveKeepsLastCompleteState(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	c := dataSeed(t)
	records, id := storedRecords(t, c)
	seed(tb, records)

	// A second tab types and saves as fast as it can and is closed in the middle.
	tb2 := s.newTab(t, tb)
	tb2.navigate("/child/name")
	eval[bool](tb2, "typing and saving in a loop", `(() => {
		let i = 0;
		const step = () => {
			const e = document.getElementById("first-name");
			if (e) { e.value = "Name " + (++i); window.__e2eTyped = i; e.dispatchEvent(new Event("change", {bubbles: true}));
				e.form.requestSubmit(); goappNav(location.origin + "/child/name"); }
			setTimeout(step, 0);
		};
		step();
		return true })()`)
	waitJS(tb2, "typing and saving 20 times", `window.__e2eTyped >= 20 && localStorage.length > 0`)
	if err := chromedp.Do(tb2.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.Close, cdp.Empty{})
		return err
	})); err != nil {
		t.Fatalf("closing the tab: %v", err)
	}
	// The closed tab's page may still run a moment after Close returns; only once its
	// target is gone can it write nothing more.
	closed := chromedp.FromContext(tb2.ctx).Target.TargetID
	for end := time.Now().Add(waitTimeout); ; time.Sleep(50 * time.Millisecond) {
		infos, err := chromedp.Targets(tb.ctx)
		if err == nil && !slices.ContainsFunc(infos, func(i *target.Info) bool { return i.TargetID == closed }) {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("the closed tab is still there after %v", waitTimeout)
		}
	}
	tb.reload()
	got, store := storedCase(tb)
	if !strings.HasPrefix(got.Child.FirstName, "Name ") && got.Child.FirstName != "Amira" {
		t.Errorf("after the tab closed, the stored name is %q", got.Child.FirstName)
	}
	waitText(tb, got.Child.FirstName)
	t.Logf("last complete save: %q (revision %d)", got.Child.FirstName, store.List()[0].Revision)

	// Now a save cut between its two writes: the new version is there, the head is not
	// switched. The app finishes it.
	mem := casestore.NewMemory()
	for k, v := range records {
		mem.Set(k, v)
	}
	st, _ := casestore.Open(mem, time.Now)
	_, rev, _ := st.Load(id)
	oldHead, _, _ := mem.Get("pt:case:" + id)
	c.Child.FirstName = "Finished"
	if _, err := st.Save(id, c, rev); err != nil {
		t.Fatal(err)
	}
	mem.Set("pt:case:"+id, oldHead)
	eval[bool](tb, "clearing", `(() => { localStorage.clear(); return true })()`)
	seed(tb, dump(mem))
	goTo(tb, "/tasks")
	waitText(tb, "Finished's record")
	if got, _ := storedCase(tb); got.Child.FirstName != "Finished" {
		t.Errorf("the interrupted save was not finished: %q", got.Child.FirstName)
	}
}

// Damaged storage: the app starts, says so, and lets the parent download the data as it is.
func TestCorruptStoredData(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, id := storedRecords(t, dataSeed(t))
	var version string
	for k := range records {
		if strings.HasPrefix(k, "pt:case:"+id+":v") {
			version = k
		}
	}
	records[version] = `{"format":"provision-tracker/saved-case","layout":1, damaged`
	seed(tb, records)
	waitText(tb, "Some saved information could not be read")
	screenshot(t, tb, "warning")
	press(tb, `a[href$="/problems"]`)
	waitJS(tb, "the problems page", `location.pathname === "/problems"`)
	waitText(tb, "Download it as it is")
	checkAxe(t, tb)
	screenshot(t, tb, "problems")
	press(tb, "#download-problem-1")
	d := lastDownload(tb, 1)
	if d.Text != records[version] || !strings.HasSuffix(d.Name, ".txt") {
		t.Errorf("downloaded %s: %q, want the stored text %q", d.Name, d.Text, records[version])
	}
	if got := storage(tb)[version]; got != records[version] {
		t.Errorf("the damaged data was changed to %q", got)
	}
}

// Every kind of bad backup file is refused with backup's own message, and nothing changes.
func TestBadImportFiles(t *testing.T) {
	c := dataSeed(t)
	dir := t.TempDir()
	_, good, err := backup.Export(c, calc.MustDate(2026, 11, 25))
	if err != nil {
		t.Fatal(err)
	}
	_, locked, err := backup.ExportLocked(c, calc.MustDate(2026, 11, 25), "purple kite river")
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]any
	json.Unmarshal(locked, &env)
	ct := env["ciphertext"].(string)
	env["ciphertext"] = ct[:10] + strings.Map(func(r rune) rune {
		if r == 'A' {
			return 'B'
		}
		return 'A'
	}, ct[10:14]) + ct[14:]
	tampered, _ := json.Marshal(env)
	newer := bytes.Replace(good, []byte(fmt.Sprintf(`"schema_version": %d`, calc.SchemaVersion)), []byte(`"schema_version": 99`), 1)
	// A right-to-left override is refused by the one rule for text.
	script := bytes.Replace(good, []byte(`"first_name": "Amira"`), []byte(`"first_name": "Amira\u202egnp.exe"`), 1)
	if bytes.Equal(newer, good) || bytes.Equal(script, good) {
		t.Fatal("could not make the bad files: the case file's layout changed")
	}
	big := append(bytes.Repeat([]byte(" "), backup.MaxFileSize), good...)
	files := []struct {
		name     string
		data     []byte
		pass     string
		wantKind error
	}{
		{"not-json.json", []byte("this is not a backup"), "", backup.ErrNotBackup},
		{"wrong-schema.json", []byte(`{"hello": "world"}`), "", backup.ErrNotBackup},
		{"newer.json", newer, "", backup.ErrNewer},
		{"too-big.json", big, "", backup.ErrTooBig},
		{"script.json", script, "", backup.ErrInvalid},
		{"wrong-pass-locked.json", locked, "wrong passphrase", backup.ErrWrongPassphrase},
		{"tampered-locked.json", tampered, "purple kite river", backup.ErrWrongPassphrase},
	}
	s := startSite(t, "/")
	tb := s.openPage(t, "/import")
	watchPage(tb)
	for _, f := range files {
		_, err := backup.Import(f.data, f.pass, nil)
		if err == nil || !errors.Is(err, f.wantKind) {
			t.Fatalf("%s: backup.Import says %v, want %v", f.name, err, f.wantKind)
		}
		p := filepath.Join(dir, f.name)
		os.WriteFile(p, f.data, 0o644)
		// A fresh page for each file: two files can get the same message, and the last
		// file's message must not pass for this one's while the app still opens it.
		tb.reload()
		tb.do("choosing "+f.name, chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{p}))
		if f.pass != "" {
			waitJS(tb, "the passphrase box", `!!document.getElementById("import-passphrase")`)
			setField(tb, "import-passphrase", f.pass)
			press(tb, "form button[type=submit]")
		}
		msg := err.Error()
		waitText(tb, msg[:60])
		if n := count(tb, "#error-summary"); n != 1 {
			t.Errorf("%s: no error summary", f.name)
		}
		if f.name == "script.json" {
			screenshot(t, tb, "bad-file")
		}
		if st := storage(tb); len(st) > 0 {
			t.Errorf("%s: storage changed: %v", f.name, st)
		}
		if count(tb, ".import-plan") > 0 {
			t.Errorf("%s: the page offers to import it", f.name)
		}
	}
}

// Export a locked backup in the browser, delete everything, import it back: the same case.
func TestEncryptedBackupRoundTrip(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	c := dataSeed(t)
	records, id := storedRecords(t, c)
	seed(tb, records)
	goTo(tb, "/tasks")
	waitText(tb, "Make a backup")
	screenshot(t, tb, "tasks-reminder")
	goTo(tb, "/backup")
	checkAxe(t, tb)
	screenshot(t, tb, "backup")
	press(tb, "#lock-2")
	waitJS(tb, "the passphrase boxes", `!!document.getElementById("passphrase")`)
	setField(tb, "passphrase", "purple kite river")
	setField(tb, "passphrase-again", "purple kite river")
	screenshot(t, tb, "backup-locked")
	start := time.Now()
	press(tb, "form button[type=submit]")
	d := lastDownload(tb, 1)
	t.Logf("locked export took %.1fs in wasm", time.Since(start).Seconds())
	waitJS(tb, "the done message", `!!document.getElementById("backup-done")`)
	screenshot(t, tb, "backup-done")
	if want := backup.FileName("Amira", calc.MustDate(time.Now().Year(), int(time.Now().Month()), time.Now().Day()), true); d.Name != want {
		t.Errorf("file name %q, want %q", d.Name, want)
	}
	if !backup.IsLocked([]byte(d.Text)) {
		t.Fatalf("the file is not locked: %.200s", d.Text)
	}
	if _, ok := storage(tb)["pt:case:"+id+":backup"]; !ok {
		t.Error("no backup mark after the download")
	}
	goTo(tb, "/tasks")
	if strings.Contains(pageText(tb), "Make a backup") {
		t.Error("the tasks page still asks for a backup")
	}

	// Delete everything.
	goTo(tb, "/delete")
	checkAxe(t, tb)
	screenshot(t, tb, "delete")
	press(tb, "#delete-everything")
	waitJS(tb, "the confirmation", `!!document.getElementById("delete-yes")`)
	screenshot(t, tb, "delete-confirm")
	press(tb, "#delete-yes")
	waitJS(tb, "deleted", `!!document.getElementById("delete-done")`)
	if st := storage(tb); len(st) > 0 {
		t.Fatalf("left in storage after deleting everything: %v", st)
	}

	// Import it back.
	p := filepath.Join(t.TempDir(), d.Name)
	os.WriteFile(p, []byte(d.Text), 0o644)
	goTo(tb, "/import")
	tb.do("choosing the backup", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{p}))
	waitJS(tb, "the passphrase box", `!!document.getElementById("import-passphrase")`)
	setField(tb, "import-passphrase", "purple kite river")
	press(tb, "form button[type=submit]")
	waitJS(tb, "what is in the file", `!!document.querySelector(".import-plan")`)
	checkAxe(t, tb)
	screenshot(t, tb, "import-plan")
	press(tb, ".import-plan button[type=submit]")
	waitJS(tb, "imported", `!!document.getElementById("import-done")`)
	screenshot(t, tb, "import-done")
	got, _ := storedCase(tb)
	if caseFile(t, got) != caseFile(t, c) {
		t.Error("the case imported back is not the case exported")
	}
}

// Two tabs edit the same record: the other tab's change is loaded with a notice; when both
// changed, the parent chooses.
func TestTwoTabsEditingTheSameRecord(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, _ := storedRecords(t, dataSeed(t))
	seed(tb, records)
	goTo(tb, "/tasks")
	tb2 := s.newTab(t, tb)
	watchPage(tb2)
	tb2.navigate("/child/name")
	setField(tb2, "first-name", "Zoe")
	press(tb2, "form button[type=submit]")
	waitJS(tb2, "saved", `location.pathname === "/child/birth"`)
	waitText(tb, "Updated from another tab")
	waitText(tb, "Zoe's record")
	screenshot(t, tb, "updated")

	// Tab 2 saves again, and tab 1 has not heard of it yet when it saves its own change: a
	// conflict. (The save is written from tab 1's own page, so tab 1 gets no storage event,
	// as when the event comes late; tab 2 hears it.)
	goTo(tb, "/child/name")
	mem := casestore.NewMemory()
	for k, v := range storage(tb) {
		mem.Set(k, v)
	}
	other, _ := casestore.Open(mem, time.Now)
	id := other.List()[0].ID
	c, rev, err := other.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	c.Child.FirstName = "From tab two"
	if _, err := other.Save(id, c, rev); err != nil {
		t.Fatal(err)
	}
	after := dump(mem)
	b, _ := json.Marshal(after)
	eval[bool](tb, "saving as another tab", `(() => { const m = `+string(b)+`;
		for (const k of Object.keys(localStorage)) if (k.startsWith("pt:") && !(k in m)) localStorage.removeItem(k);
		for (const k in m) if (k.startsWith("pt:case:") && k !== "pt:case:" + `+jsString(id)+`) localStorage.setItem(k, m[k]);
		localStorage.setItem("pt:case:" + `+jsString(id)+`, m["pt:case:" + `+jsString(id)+`]);
		return true })()`)
	waitText(tb2, "From tab two's record")
	setField(tb, "first-name", "From tab one")
	press(tb, "form button[type=submit]")
	waitJS(tb, "the choices", `!!document.getElementById("keep-mine")`)
	checkAxe(t, tb)
	screenshot(t, tb, "conflict")
	if got, _ := storedCase(tb); got.Child.FirstName != "From tab two" {
		t.Errorf("the conflict overwrote tab two's save: %q", got.Child.FirstName)
	}
	press(tb, "#keep-mine")
	waitText(tb, "Saved this tab's version")
	if got, _ := storedCase(tb); got.Child.FirstName != "From tab one" {
		t.Errorf("kept this tab's version, stored %q", got.Child.FirstName)
	}
	waitText(tb2, "From tab one's record")
}

// Build two versions, open the first, deploy the second: the update is offered, and the
// parent's record is still there after it.
func TestUpdateKeepsData(t *testing.T) {
	s, deploy := twoVersions(t)
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, _ := storedRecords(t, dataSeed(t))
	seed(tb, records)
	tb.waitForServiceWorker()
	deploy()
	tb.reload() // the app starts from version 1's copy and looks for an update
	waitForUpdateBanner(tb)
	screenshot(t, tb, "update-offered")
	markPage(tb)
	press(tb, ".update-banner button")
	waitAcrossReload(tb)
	waitForVersion2(tb)
	goTo(tb, "/tasks")
	waitText(tb, "Amira's record")
	if got, _ := storedCase(tb); got.Child.FirstName != "Amira" {
		t.Errorf("after the update the record says %q", got.Child.FirstName)
	}
}

// twoVersions builds two versions of the site behind one address, serving the first;
// deploy switches it to the second, as a charity publishing a new release.
func twoVersions(t *testing.T) (s *site, deploy func()) {
	t.Helper()
	dirs := [2]string{}
	for i := range dirs {
		web := filepath.Join(t.TempDir(), "web")
		if err := os.CopyFS(web, os.DirFS(webDir)); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(web, "version-marker.txt"), []byte(fmt.Sprintf("version %d\n", i+1)), 0o644)
		dirs[i] = filepath.Join(sitesRoot, fmt.Sprintf("%s-v%d", t.Name(), i+1))
		out, err := exec.Command(ptBin, "build", "-out", dirs[i], "-prefix", "/", "-web", web, "-brotli=false").CombinedOutput()
		if err != nil {
			t.Fatalf("building version %d: %v\n%s", i+1, err, out)
		}
	}
	var current atomic.Int32
	handlers := [2]http.Handler{statichost.Handler(dirs[0], "/"), statichost.Handler(dirs[1], "/")}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handlers[current.Load()].ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s = &site{builtSite: &builtSite{dir: dirs[0], prefix: "/"}, srv: srv, origin: srv.URL}
	return s, func() { current.Store(1) }
}

// waitForUpdateBanner waits for "Update now". It comes once the new version's worker has
// copied the whole site (12 MB of wasm among it) and taken over: on a busy two-core machine
// that can take longer than one ordinary wait.
func waitForUpdateBanner(tb *tab) {
	tb.t.Helper()
	// The browser looks for a new version by itself, and the app asks on every page. A
	// check already under way when the new version went up finds nothing, and the browser
	// folds a second request into it; so this asks again each second until the banner
	// shows, as the parent's next pages would. This once timed out in one run of about
	// thirty with no new worker in sight; if it does again, the message says which version
	// the cache holds and whether the checks were answered or failed.
	if err := tb.pollFor(`(() => { if (document.querySelector(".update-banner")) return true;
		const now = Date.now(); if (!(now - (window.__e2eAsked || 0) < 1000)) { window.__e2eAsked = now;
			navigator.serviceWorker.getRegistration().then(r => r && r.update())
				.then(() => { window.__e2eUpdates = (window.__e2eUpdates || 0) + 1 })
				.catch(e => { window.__e2eUpdateError = String(e) }); }
		return false })()`, 3*waitTimeout); err != nil {
		state := eval[string](tb, "reading the workers", `(async () => { const r = await navigator.serviceWorker.getRegistration();
			const w = x => x ? x.state : "none";
			return JSON.stringify({installing: w(r && r.installing), waiting: w(r && r.waiting), active: w(r && r.active),
				controlled: !!navigator.serviceWorker.controller, caches: await caches.keys(), updatedBeforeWasm: window.goappUpdatedBeforeWasmLoaded,
				cachedMarker: await caches.match("/web/version-marker.txt").then(m => m ? m.text() : "none"),
				updatesAnswered: window.__e2eUpdates || 0, lastUpdateError: window.__e2eUpdateError || "none"}) })()`)
		tb.fail("waiting for the update banner (the new version's worker installed and active); workers: "+state, err)
	}
}

// waitForVersion2 waits until the second version's files are the ones in the cache.
func waitForVersion2(tb *tab) {
	tb.t.Helper()
	waitJS(tb, "version 2's files", `(async () => { for (const n of await caches.keys())
		if (await (await caches.open(n)).match("/web/version-marker.txt")) return true; return false })()`)
}

// markPage marks the page now shown, so waitAcrossReload can tell a new one.
func markPage(tb *tab) {
	tb.t.Helper()
	eval[bool](tb, "marking the page", `window.__e2eOldPage = true`)
}

// waitAcrossReload waits until the page marked by markPage has gone and a new one has
// started the app and drawn its address. The page's JavaScript context goes away in the
// middle, so errors are retried.
func waitAcrossReload(tb *tab) {
	tb.t.Helper()
	ready := `!window.__e2eOldPage && document.readyState === "complete" && ` + pageReady
	var last error
	for end := time.Now().Add(waitTimeout); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](ready))
		if err == nil && ok {
			return
		}
		last = err
	}
	tb.fail("waiting for a new page with the app started (the marked page gone, "+ready+")", fmt.Errorf("not ready: %v", last))
}

// Every page carries the policy and reports no violation; and the policy is really in force.
func TestContentSecurityPolicy(t *testing.T) {
	s := startSite(t, "/")
	tb := s.newTab(t, nil)
	watchPage(tb)
	for _, p := range s.pages {
		tb.navigate(p.route)
		if n := count(tb, `meta[http-equiv="Content-Security-Policy"]`); n != 1 {
			t.Errorf("%s: %d CSP meta tags", p.route, n)
		}
		checkCSP(tb)
	}
	// An inline style the policy must refuse: the browser reports it and logs an error.
	tb.allowConsoleError("", "Content Security Policy")
	tb.allowConsoleError(s.url("/privacy"), "Content Security Policy")
	tb.navigate("/privacy")
	eval[bool](tb, "adding an inline style", `(() => { const e = document.createElement("style");
		e.textContent = "body { background: red }"; document.head.appendChild(e); return true })()`)
	waitJS(tb, "the violation report", `window.__csp.length > 0`)
	eval[bool](tb, "forgetting the expected violation", `(() => { window.__csp = []; return true })()`)
}
