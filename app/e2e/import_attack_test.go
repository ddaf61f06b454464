//go:build !js

package e2e

// Backups and text (issue 10): every kind of bad or crafted file, chosen on the import page as
// a person would, is refused with its own plain message and changes nothing stored; text a
// parent types that looks like mail headers or web page code never blocks a backup; a
// passphrase that is easy to guess is refused next to its box.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"provisiontracker/backup"
	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// attackFile is one file chosen on the import page, with the words its own message has.
type attackFile struct {
	name string
	data []byte
	pass string // typed when the page asks for the passphrase
	want string // part of the message the page must show
}

// attackFiles are the files of issue 10's "attacked on purpose", made from the seed case.
func attackFiles(t *testing.T, c calc.Case) []attackFile {
	t.Helper()
	day := calc.MustDate(2026, 11, 25)
	_, good, err := backup.Export(c, day)
	if err != nil {
		t.Fatal(err)
	}
	_, locked, err := backup.ExportLocked(c, day, "purple kite river")
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]any
	json.Unmarshal(locked, &env)
	env["kdf"].(map[string]any)["iterations"] = 10_000_000
	slow, _ := json.Marshal(env)

	// 200 provisions, 25 sessions a week, all year, 1990 to 2100: valid in every other way.
	crafted := c
	crafted.Plans = []calc.Plan{{ID: "plan-1", Kind: calc.PlanEHC}}
	crafted.Contacts = nil
	for i := range 200 {
		crafted.Plans[0].Provisions = append(crafted.Plans[0].Provisions, calc.Provision{
			ID: "p" + strconv.Itoa(i), Section: calc.SectionF, Type: calc.TypeOT, Weeks: calc.AllYear,
			Frequency: calc.Frequency{Count: 25, Unit: calc.UnitSessions, Per: calc.PerWeek},
			Start:     calc.MustDate(1990, 1, 1), End: calc.MustDate(2100, 12, 31)})
	}
	craftedFile, _ := json.Marshal(crafted) // compact, as an attacker would send it
	rtl := bytes.Replace(good, []byte(`"first_name": "Amira"`), []byte(`"first_name": "Amira\u202egnp.exe"`), 1)
	nul := bytes.Replace(good, []byte(`"first_name": "Amira"`), []byte(`"first_name": "Am\u0000ira"`), 1)
	if bytes.Equal(rtl, good) || bytes.Equal(nul, good) {
		t.Fatal("could not make the files: the case file's layout changed")
	}
	return []attackFile{
		{name: "letter.json", data: []byte("Dear Ms Patel, I am writing about"), want: "it is not the right kind of file"},
		{name: "photo.json", data: []byte("\x89PNG\r\n\x1a\n\x00\x00"), want: "it looks like a picture"},
		{name: "empty.json", data: nil, want: "This file is empty"},
		{name: "list.json", data: []byte(`[` + string(good) + `]`), want: "it holds a list"},
		{name: "deep.json", data: bytes.Repeat([]byte("["), 200000), want: "lists inside lists"},
		{name: "bom.json", data: append([]byte("\xef\xbb\xbf"), good...), want: "byte order mark"},
		{name: "latin1.json", data: bytes.Replace(good, []byte(`"Amira"`), []byte("\"Am\xefra\""), 1), want: "not written in UTF-8"},
		{name: "null.json", data: []byte("null"), want: "only the word null"},
		{name: "two.json", data: append(append([]byte{}, good...), good...), want: "two backups joined together"},
		{name: "cut-locked.json", data: locked[:len(locked)*2/3], want: "This locked backup is damaged: its end is missing"},
		{name: "cut.json", data: good[:len(good)/2], want: "This backup is damaged: its end is missing"},
		{name: "crafted-1990-2100.json", data: craftedFile, want: "cannot run for more than 25 years"},
		{name: "slow-locked.json", data: slow, pass: "purple kite river", want: "far more work to open"},
		{name: "rtl-name.json", data: rtl, want: "changes the direction of the text"},
		{name: "nul-name.json", data: nul, want: "Keep this on one line"},
		{name: "wrong-pass-locked.json", data: locked, pass: "purple kite rivers", want: "the passphrase is not right"},
	}
}

// Every attack file, chosen on the import page, is refused with its own message (in the
// error summary and next to the box) and storage stays exactly as it was.
func TestImportAttackFiles(t *testing.T) {
	c := dataSeed(t)
	files := attackFiles(t, c)
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, _ := storedRecords(t, c)
	seed(tb, records) // a record is on the device: none of the files may touch it
	before := tb.storedData()
	goTo(tb, "/import")
	dir := t.TempDir()
	seen := map[string]string{}
	for _, f := range files {
		plan, err := backup.ImportAt(f.data, f.pass, nil, calc.MustDate(2026, 11, 25))
		if err == nil {
			t.Fatalf("%s: backup imports it: %+v", f.name, plan.ChildName)
		}
		msg := err.Error()
		if !strings.Contains(msg, f.want) {
			t.Fatalf("%s: backup says %q, want %q", f.name, msg, f.want)
		}
		if other, dup := seen[msg]; dup {
			t.Errorf("%s has the same message as %s", f.name, other)
		}
		seen[msg] = f.name
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		tb.do("choosing "+f.name, chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{p}))
		if f.pass != "" {
			tb.waitFor("#import-passphrase")
			tb.fill("import-passphrase", f.pass)
			tb.click("form button[type=submit]")
		}
		waitText(tb, f.want)
		took := time.Since(start)
		summary, inline := tb.text("#error-summary"), tb.text(".field-error")
		if !strings.Contains(normalizeSpace(summary), f.want) || !strings.Contains(normalizeSpace(inline), f.want) {
			t.Errorf("%s: the summary says %q and the field %q, want %q in both", f.name, summary, inline, f.want)
		}
		if count(tb, ".import-plan") > 0 {
			t.Errorf("%s: the page offers to import it", f.name)
		}
		if after := tb.storedData(); after != before {
			t.Errorf("%s: storage changed", f.name)
		}
		t.Logf("%s (%d bytes): refused in %.1fs: %s", f.name, len(f.data), took.Seconds(), truncate(msg, 100))
		if f.name == "crafted-1990-2100.json" {
			screenshot(t, tb, "crafted-file")
		}
	}
	checkAxe(t, tb)
	// The record on the device still opens, and the app starts as before.
	tb.reload()
	goTo(tb, "/tasks")
	waitText(tb, "Amira")
}

// Loss 6: a contact note typed like a forwarded email, or with a word in angle brackets,
// is saved, and the plain and the locked backup are both made with it and import back the same.
func TestTextLikeCodeNeverBlocksABackup(t *testing.T) {
	c := dataSeed(t)
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, _ := storedRecords(t, c)
	seed(tb, records)
	const with, said = "From: Jane Smith <jane.smith@example.org>", "Meeting moved to <Tuesday>. See <b>notes</b> & \"agenda\"."
	tb.navigate("/contact?new=1")
	tb.fillDate("date", "4", "11", "2025")
	tb.click("#kind")
	tb.fill("with", with)
	tb.fill("said", said)
	tb.continueTo("/contacts")
	waitText(tb, with)
	if n := count(tb, "main b"); n > 0 {
		t.Errorf("typed HTML became %d real element(s)", n)
	}
	saved, _ := storedCase(tb)
	last := saved.Contacts[len(saved.Contacts)-1]
	if last.With != with || last.Said != said {
		t.Fatalf("saved contact = %q / %q", last.With, last.Said)
	}

	goTo(tb, "/backup")
	tb.click("form button[type=submit]")
	plain := lastDownload(tb, 1)
	waitJS(tb, "the done message", `!!document.getElementById("backup-done")`)
	if count(tb, "#error-summary") > 0 {
		t.Fatalf("the plain backup was refused: %s", tb.text("#error-summary"))
	}
	tb.click("#lock-2")
	tb.waitFor("#passphrase")
	tb.fill("passphrase", "purple kite river")
	tb.fill("passphrase-again", "purple kite river")
	tb.click("form button[type=submit]")
	locked := lastDownload(tb, 2)
	for _, d := range []struct {
		name, text, pass string
	}{{"plain", plain.Text, ""}, {"locked", locked.Text, "purple kite river"}} {
		plan, err := backup.Import([]byte(d.text), d.pass, nil)
		if err != nil {
			t.Fatalf("the %s backup does not import: %v", d.name, err)
		}
		if caseFile(t, plan.Case) != caseFile(t, saved) {
			t.Errorf("the %s backup differs from what was saved", d.name)
		}
	}
	screenshot(t, tb, "backup-with-angle-brackets")
}

// A passphrase that is easy to guess is refused next to its box, kindly, with an example of
// a good one; nothing is downloaded.
func TestGuessablePassphraseRefused(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	records, _ := storedRecords(t, dataSeed(t))
	seed(tb, records)
	goTo(tb, "/backup")
	tb.click("#lock-2")
	tb.waitFor("#passphrase")
	for _, p := range []struct{ pass, want string }{
		{"password", "one of the most common ones"},
		{"12345678", "a simple pattern"},
		{"        ", "cannot be only spaces"},
	} {
		before := tb.storedData()
		tb.fill("passphrase", p.pass)
		tb.fill("passphrase-again", p.pass)
		tb.click("form button[type=submit]")
		tb.expectProblem(p.want, before)
		if inline := tb.text(".field-error"); !strings.Contains(inline, `like "purple kite river"`) {
			t.Errorf("%q: no example of a good passphrase in %q", p.pass, inline)
		}
		if n := eval[int](tb, "counting downloads", `(window.__downloads || []).length`); n > 0 {
			t.Fatalf("%q: a file was downloaded", p.pass)
		}
	}
	screenshot(t, tb, "guessable-passphrase")
}

// The child's first name refuses hidden characters by the same rule as every other text,
// with the message next to the box.
func TestFirstNameRefusesHiddenCharacters(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/child/name")
	before := tb.storedData()
	tb.fill("first-name", "Amira")
	// A right-to-left override cannot be typed on a keyboard: it comes with pasted text.
	eval[bool](tb, "pasting a right-to-left override", `document.execCommand("insertText", false, "\u202egnp")`)
	tb.click("form button[type=submit]")
	tb.expectProblem("changes the direction of the text", before)
}

// Storage damaged by hand: each way is told plainly, nothing is written over, and a
// "record inside" download is offered only when import takes it.
func TestStorageDamagedByHand(t *testing.T) {
	c := dataSeed(t)
	versionOf := func(records map[string]string, id string) string {
		for k := range records {
			if strings.HasPrefix(k, "pt:case:"+id+":v") {
				return k
			}
		}
		t.Fatal("no saved version")
		return ""
	}
	s := startSite(t, "/")

	t.Run("the only version missing", func(t *testing.T) {
		tb := s.openPage(t, "/")
		watchPage(tb)
		records, id := storedRecords(t, c)
		delete(records, versionOf(records, id))
		seed(tb, records)
		before := tb.storedData()
		goTo(tb, "/problems")
		waitText(tb, "Amira's record is missing its saved information")
		if n := count(tb, "button.button-secondary"); n > 0 {
			t.Error("offers a record inside that is not there")
		}
		if tb.storedData() != before {
			t.Error("what was left was changed")
		}
		screenshot(t, tb, "missing-version")
	})

	t.Run("the current-record key missing", func(t *testing.T) {
		tb := s.openPage(t, "/")
		watchPage(tb)
		records, _ := storedRecords(t, c)
		delete(records, "pt:current")
		seed(tb, records)
		goTo(tb, "/tasks")
		waitText(tb, "Amira")
		if strings.Contains(pageText(tb), "no record on this device") {
			t.Error("the task list says there is no record while the list of children has one")
		}
	})

	t.Run("a damaged record inside is not offered for import", func(t *testing.T) {
		tb := s.openPage(t, "/")
		watchPage(tb)
		records, id := storedRecords(t, c)
		v := versionOf(records, id)
		var env map[string]json.RawMessage
		json.Unmarshal([]byte(records[v]), &env)
		env["case"] = json.RawMessage(`{"schema_version":1,"child":{"first_name":"Amira"},"plans":[{"id":7}]}`)
		b, _ := json.Marshal(env)
		records[v] = string(b)
		seed(tb, records)
		goTo(tb, "/problems")
		waitText(tb, "The record inside it is damaged too, so it cannot be imported as a backup")
		if n := count(tb, "button.button-secondary"); n > 0 {
			t.Error("offers a download that import would refuse")
		}
	})
}

// Issue 14, handing cases over: a family or an advocate downloads every record in one locked
// file whose name and contents show no child's name; on another browser profile (another
// site address, so its own storage) the advocate imports them beside their other cases.
func TestHandOverSeveralCases(t *testing.T) {
	amira := dataSeed(t)
	sam := loadSeed(t, "herts-24-006-445.json")
	sam.Child.FirstName = "Sam"
	records, _ := storedRecords(t, amira)
	more, _ := storedRecords(t, sam)
	for k, v := range more {
		if k != "pt:current" {
			records[k] = v
		}
	}

	family := startSite(t, "/")
	tb := family.openPage(t, "/")
	watchPage(tb)
	seed(tb, records)
	goTo(tb, "/summary")
	waitText(tb, "Amira")
	familySummary := printedSummary(t, tb)
	if !strings.Contains(familySummary, "Amira") || !strings.Contains(familySummary, "£") {
		t.Fatalf("the family's printed summary has no child or amounts: %s", familySummary)
	}
	goTo(tb, "/backup")
	tb.click("#which-2")
	tb.click("#lock-2")
	tb.waitFor("#passphrase")
	tb.fill("passphrase", "purple kite river")
	tb.fill("passphrase-again", "purple kite river")
	screenshot(t, tb, "backup-all-locked")
	tb.click("form button[type=submit]")
	d := lastDownload(tb, 1)
	now := time.Now()
	if want := backup.RecordsFileName(2, calc.MustDate(now.Year(), int(now.Month()), now.Day()), true); d.Name != want {
		t.Errorf("file name %q, want %q", d.Name, want)
	}
	// The ciphertext is random-looking base64, which holds "Sam" by chance in about one
	// file in five: look everywhere else.
	var env map[string]any
	if err := json.Unmarshal([]byte(d.Text), &env); err != nil {
		t.Fatalf("the locked file is not JSON: %v", err)
	}
	delete(env, "ciphertext")
	outside, _ := json.Marshal(env)
	for _, name := range []string{"Amira", "Sam", "amira", "sam"} {
		if strings.Contains(d.Name, name) || strings.Contains(string(outside), name) {
			t.Errorf("the locked file shows %q", name)
		}
	}

	// The advocate's own copy, with a case of their own already in it.
	advocate := startSite(t, "/")
	ta := advocate.openPage(t, "/")
	watchPage(ta)
	zoe := loadSeed(t, "notts-23-009-620.json")
	zoe.Child.FirstName = "Zoë"
	own, _ := storedRecords(t, zoe)
	seed(ta, own)
	goTo(ta, "/import")
	p := filepath.Join(t.TempDir(), d.Name)
	os.WriteFile(p, []byte(d.Text), 0o644)
	ta.do("choosing the file", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{p}))
	ta.waitFor("#import-passphrase")
	ta.fill("import-passphrase", "purple kite river")
	ta.click("form button[type=submit]")
	ta.waitFor("#import-records")
	if list := ta.text("#import-records"); !strings.Contains(list, "Amira") || !strings.Contains(list, "Sam") {
		t.Errorf("the page lists %q", list)
	}
	checkAxe(t, ta)
	screenshot(t, ta, "import-several")
	ta.click(".import-plan button[type=submit]")
	ta.waitFor("#import-done")
	waitText(ta, "2 records have been imported")

	mem := casestore.NewMemory()
	for k, v := range storage(ta) {
		mem.Set(k, v)
	}
	st, err := casestore.Open(mem, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range st.List() {
		c, _, err := st.Load(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		got[s.ChildName] = caseFile(t, c)
	}
	for _, c := range []calc.Case{amira, sam, zoe} {
		if got[c.Child.FirstName] != caseFile(t, c) {
			t.Errorf("%s's record on the advocate's copy is not the family's", c.Child.FirstName)
		}
	}
	if len(got) != 3 {
		t.Errorf("%d records on the advocate's copy, want 3", len(got))
	}
	goTo(ta, "/children")
	waitText(ta, "Zoë")
	waitText(ta, "Sam")

	// The advocate opens Amira's record and prints the same summary, figure for figure.
	// (Unless the import left it open: then its card says "Open now" and has no button.)
	eval[bool](ta, "opening Amira's record", `(() => { const b = [...document.querySelectorAll("main button")]
		.find(b => b.textContent.includes("Open") && b.textContent.includes("Amira's record")); if (b) b.click(); return true })()`)
	waitJS(ta, "Amira's record open", `(document.querySelector(".header-link")||{}).textContent === "Amira's record"`)
	goTo(ta, "/summary")
	waitText(ta, "Amira")
	if got := printedSummary(t, ta); got != familySummary {
		t.Errorf("the advocate's printed summary differs from the family's:\nfamily:   %s\nadvocate: %s", familySummary, got)
	}
}

// printedSummary is the summary page as printed to PDF, in words, without the time of
// the last save (the two copies were saved at different times).
func printedSummary(t *testing.T, tb *tab) string {
	t.Helper()
	res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
	if err != nil {
		tb.fail("printing the summary", err)
	}
	text := normalizeSpace(pdfText(t, res.Data, "summary"))
	return savedAt.ReplaceAllString(text, "")
}

var savedAt = regexp.MustCompile(`Saved on this device at \d\d:\d\d`)
