//go:build !js

package e2e

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"

	"provisiontracker/calc"
	"provisiontracker/letters"
)

// lettersCase is the Nottinghamshire seed with a few dated sessions added
// after its count-only period: two missed (one later made up) and one the
// parent paid for, so the letters list single dates too.
func lettersCase(t *testing.T) calc.Case {
	t.Helper()
	c := loadSeed(t, "notts-23-009-620.json")
	p := &c.Plans[0].Provisions[0]
	last := p.CountPeriods[len(p.CountPeriods)-1].To
	var after []calc.Session
	for _, s := range calc.Schedule(*p, calc.CalendarFor(c), last.AddMonths(3)) {
		if s.Date.After(last) {
			after = append(after, s)
		}
	}
	if len(after) < 4 {
		t.Fatalf("the seed has too few sessions after %s", last)
	}
	p.Outcomes = append(p.Outcomes,
		calc.Outcome{Date: after[0].Date, Seq: after[0].Seq, Status: calc.StatusMissed, Reason: calc.ReasonNoTherapist},
		calc.Outcome{Date: after[1].Date, Seq: after[1].Seq, Status: calc.StatusPrivate, Cost: decimal.RequireFromString("85.50")},
		calc.Outcome{Date: after[2].Date, Seq: after[2].Seq, Status: calc.StatusMissed, Reason: calc.ReasonProviderCancelled},
		calc.Outcome{Date: after[3].Date, Seq: after[3].Seq, Status: calc.StatusDelivered},
		calc.Outcome{Date: after[3].Date.AddDays(1), Status: calc.StatusMadeUp, Replaces: after[2].Date, ReplacesSeq: after[2].Seq},
	)
	c.Letter = calc.LetterDetails{SenderName: "Jo Bloggs", SenderAddress: []string{"1 Oak Road", "Nottingham NG1 1AA"},
		SenderEmail: "jo@example.com", Impact: "He stopped wanting to go to school.\n\nHis handwriting went backwards."}
	if probs := calc.Validate(c); len(probs) > 0 {
		t.Fatalf("the test case is not valid: %v", probs)
	}
	return c
}

// loadCase writes the case into the tab's localStorage, as the app would
// have saved it, and opens route fresh so the app reads it.
func loadCase(tb *tab, c calc.Case, route string) {
	tb.t.Helper()
	records, _ := storedRecords(tb.t.(*testing.T), c)
	seed(tb, records)
	tb.navigate(route)
}

// downloads sends the tab's downloads to a folder, under their own names.
func downloads(tb *tab) string {
	tb.t.Helper()
	dir := tb.t.TempDir()
	id := chromedp.FromContext(tb.ctx).BrowserContextID
	if _, err := chromedp.CallBrowser(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, BrowserContextID: id, DownloadPath: dir}); err != nil {
		tb.fail("allowing downloads", err)
	}
	return dir
}

// click clicks the element with this id, as a person would.
func click(tb *tab, id string) {
	tb.t.Helper()
	tb.do("clicking #"+id, chromedp.Click(chromedp.CSS("#"+id)))
}

// waitForFile waits until the browser has written name in dir, and returns it.
func waitForFile(tb *tab, dir, name string) []byte {
	tb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(data) > 0 {
			return data
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	tb.t.Fatalf("no download %s after 10 s; the folder has %v; notice: %q", name, got,
		eval[string](tb, "reading the notice", `(document.querySelector(".export-notice")||{}).innerText||""`))
	return nil
}

func pdfText(t *testing.T, pdf []byte, name string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Pages as PNG, for people to look at.
	if err := os.MkdirAll("screenshots", 0o755); err == nil {
		exec.Command("pdftoppm", "-png", "-r", "60", file, filepath.Join("screenshots", unsafeName.ReplaceAllString(t.Name()+"--"+name, "_"))).Run()
	}
	return string(out)
}

// The summary and every letter of a seed case: the letters print on A4 with
// the child, the council, the totals and every missed date; the downloads
// are the letter as shown; the CSV's counts are calc's.
func TestLettersPrintAndExport(t *testing.T) {
	c := lettersCase(t)
	s := startSite(t, "/")
	tb := s.openPage(t, "/privacy")
	dir := downloads(tb)
	loadCase(tb, c, "/summary")
	y, m, d := time.Now().Date()
	now := calc.MustDate(y, int(m), d)
	if h := tb.h1(); h != "Summary for "+c.Child.FirstName {
		t.Fatalf("the summary shows %q", h)
	}
	checkAxe(t, tb)
	tb.do("phone size", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile))
	screenshot(t, tb, "summary-360")

	// The session log as CSV: its counts add up to calc's.
	click(tb, "download-csv")
	data := waitForFile(tb, dir, "provision-tracker-ms-b-s-son-session-log-"+now.String()+".csv")
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	sum := map[string]int{}
	cost := decimal.Zero
	for _, r := range recs[1:] {
		for _, k := range []string{"due", "delivered", "missed", "made_up", "child_absent", "paid_privately"} {
			n, err := strconv.Atoi(r[col[k]])
			if err != nil {
				t.Fatalf("CSV %s %q: %v", k, r[col[k]], err)
			}
			sum[k] += n
		}
		cost = cost.Add(decimal.RequireFromString(r[col["private_cost"]]))
	}
	p := c.Plans[0].Provisions[0]
	n := calc.Tally(p, calc.Schedule(p, calc.CalendarFor(c), now), calc.Date{}, now)
	want := map[string]int{"due": n.Due, "delivered": n.Delivered, "missed": n.Missed, "made_up": n.MadeUp,
		"child_absent": n.ChildAbsent, "paid_privately": n.PaidPrivately}
	for k, v := range want {
		if sum[k] != v {
			t.Errorf("CSV %s adds up to %d, calc says %d", k, sum[k], v)
		}
	}
	if !cost.Equal(n.PrivateCost) {
		t.Errorf("CSV private costs add up to %s, calc says %s", cost, n.PrivateCost)
	}

	council, _ := calc.CouncilByCode(c.Council)
	for i, k := range letters.Available(c) {
		l, err := letters.Build(k, c, letters.InputsFrom(c), now)
		if err != nil {
			t.Fatal(err)
		}
		tb.navigate("/letter?kind=" + string(k))
		if h := tb.h1(); h != l.Title {
			t.Fatalf("%s: the page shows %q, want %q", k, h, l.Title)
		}
		if i == 0 {
			checkAxe(t, tb)
			screenshot(t, tb, "letter-360")
		}

		// Print on A4 and read it back.
		res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
		if err != nil {
			tb.fail("printing to PDF", err)
		}
		text := normalizeSpace(pdfText(t, res.Data, string(k)))
		musts := []string{c.Child.FirstName, council.Name, "He stopped wanting to go to school."}
		for _, pr := range provisionsIn(c) {
			for _, m := range letters.MissedSessions(c, pr, now) {
				musts = append(musts, m.When)
			}
		}
		for _, b := range l.Blocks {
			if b.Table != nil && len(b.Table.Totals) > 0 {
				musts = append(musts, b.Table.Totals[len(b.Table.Totals)-1])
			}
		}
		musts = append(musts, calc.FormatMoney(calc.EstimateCase(c, calc.DefaultRules(), now).Typical))
		for _, m := range musts {
			if !strings.Contains(text, normalizeSpace(m)) {
				t.Errorf("%s: the printed letter lacks %q", k, m)
			}
		}
		for _, not := range []string{"Provision Tracker is not a government", "Download as text", "Getting Provision Tracker ready"} {
			if strings.Contains(text, not) {
				t.Errorf("%s: the printed letter shows the app's %q", k, not)
			}
		}

		// The downloads are the letter as shown.
		base := "provision-tracker-ms-b-s-son-" + strings.ReplaceAll(string(k), "_", "-") + "-" + now.String()
		click(tb, "letter-download-txt")
		if got := string(waitForFile(tb, dir, base+".txt")); got != l.PlainText() {
			t.Errorf("%s: the downloaded text is not the letter:\n%s", k, got)
		}
		shown := eval[string](tb, "reading the letter", `document.getElementById("letter").innerText`)
		// On a phone a table's cells stack one a line; the text download
		// lays them out in columns, so a cell is checked against the table.
		cells := map[string]bool{}
		for _, b := range l.Blocks {
			if b.Table != nil {
				for _, r := range append(append([][]string{b.Table.Headers}, b.Table.Rows...), b.Table.Totals) {
					for _, c := range r {
						cells[normalizeSpace(c)] = true
					}
				}
			}
		}
		for _, para := range strings.Split(shown, "\n") {
			if para = strings.TrimSpace(para); para != "" && !cells[normalizeSpace(para)] && !strings.Contains(normalizeSpace(l.PlainText()), normalizeSpace(para)) && !strings.Contains(para, "\t") {
				t.Errorf("%s: on screen but not in the download: %q", k, para)
			}
		}
		click(tb, "letter-download-html")
		if got := string(waitForFile(tb, dir, base+".html")); got != l.StandaloneHTML() {
			t.Errorf("%s: the downloaded web page is not the letter", k)
		}

		// Copy works or says it did not; Share shows only where the browser has it.
		click(tb, "letter-copy")
		// Copy works or says it did not: either way it says so.
		waitJS(tb, string(k)+": a message after Copy", `document.getElementById("letter-notice").innerText.trim() !== ""`)
		hasShare := eval[bool](tb, "looking for navigator.share", `typeof navigator.share === "function"`)
		if got := count(tb, "#letter-share") > 0; got != hasShare {
			t.Errorf("%s: Share button shown %v, navigator.share present %v", k, got, hasShare)
		}
	}
}

func provisionsIn(c calc.Case) []calc.Provision {
	var out []calc.Provision
	for _, pl := range c.Plans {
		out = append(out, pl.Provisions...)
	}
	return out
}

func ptr[T any](v T) *T { return &v }
