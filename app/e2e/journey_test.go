//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"provisiontracker/calc"
)

// Helpers that act as a person does: type into a labelled box, tick a radio, press the
// form's button, and wait for the next page.

// fill replaces what a box holds, as a person does: select what is there, then type (or
// delete it).
func (tb *tab) fill(id, text string) {
	tb.t.Helper()
	eval[bool](tb, "selecting #"+id, `(() => { const e = document.getElementById("`+id+`"); e.focus(); e.select(); return true })()`)
	if text == "" {
		text = kb.Delete
	}
	tb.do("typing into #"+id, chromedp.SendKeys(chromedp.CSS("#"+id), text))
}

func (tb *tab) fillDate(id string, d, m, y string) {
	tb.t.Helper()
	tb.fill(id+"-day", d)
	tb.fill(id+"-month", m)
	tb.fill(id+"-year", y)
}

func (tb *tab) click(selector string) {
	tb.t.Helper()
	tb.do("clicking "+selector, chromedp.Click(chromedp.CSS(selector)))
}

// choose picks an option of a <select> the way a keyboard does: focus, then the value is set
// and a change event fired, as the browser does when a person picks from the list.
func (tb *tab) choose(id, value string) {
	tb.t.Helper()
	v, _ := json.Marshal(value)
	eval[bool](tb, "choosing "+value+" in #"+id, `(() => { const s = document.getElementById("`+id+`");
		s.focus(); s.value = `+string(v)+`; s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
}

// continueTo presses the form's main button and waits until the app shows path.
func (tb *tab) continueTo(path string) {
	tb.t.Helper()
	tb.click("form button[type=submit]")
	tb.waitPath(path)
}

// waitPath waits until the page's address is path (without its query) and the app has
// drawn the page for it (pageReady).
func (tb *tab) waitPath(path string) {
	tb.t.Helper()
	want := strings.TrimSuffix(tb.site.url(path), "/")
	waitJS(tb, "the app to be at "+path+" and to have drawn it",
		`(location.origin + location.pathname).replace(/\/$/, "") === `+jsString(want)+` && `+pageReady)
}

func (tb *tab) text(selector string) string {
	tb.t.Helper()
	sel, _ := json.Marshal(selector)
	return normalizeSpace(eval[string](tb, "reading "+selector, `(document.querySelector(`+string(sel)+`) || {}).innerText || ""`))
}

// shownCounts reads the numbers in the first counts list on the page, by their labels.
func (tb *tab) shownCounts() map[string]string {
	tb.t.Helper()
	return eval[map[string]string](tb, "reading the counts", `(() => {
		const out = {};
		for (const c of document.querySelectorAll(".counts")[0].querySelectorAll(".count")) {
			out[c.querySelector("dt").innerText.trim()] = c.querySelector("dd").innerText.trim();
		}
		return out })()`)
}

func loadSeed(t *testing.T, name string) calc.Case {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "calc", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := calc.DecodeCaseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func todayDate() calc.Date {
	y, m, d := time.Now().Date()
	return calc.MustDate(y, int(m), d)
}

// The Nottinghamshire seed case (Ombudsman decision 23 009 620), entered from scratch by
// a parent on a phone: weekly term-time occupational therapy from February 2023, 12 of 36
// sessions missed up to mid January 2024, and the parent's emails to the council. After a
// reload every count and amount on screen must be what calc computes for
// calc/testdata/seeds/notts-23-009-620.json.
func TestEnterNottinghamshireCase(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")

	tb.click("a.button-start")
	tb.waitPath("/child/name")
	tb.fill("first-name", "Alex")
	tb.continueTo("/child/birth")
	tb.continueTo("/child/council") // date of birth is optional
	tb.choose("council", "891")
	tb.continueTo("/tasks")

	tb.navigate("/plan/kind")
	tb.click("#kind")
	tb.continueTo("/plan/issued")
	tb.fillDate("date", "27", "2", "2023")
	tb.continueTo("/plan/review")
	tb.fillDate("date", "29", "9", "2023")
	tb.continueTo("/plan/dates")
	tb.continueTo("/tasks")

	tb.navigate("/provisions")
	tb.click("a[href$='/provision/type?new=1']")
	tb.waitPath("/provision/type")
	tb.click("#type") // occupational therapy
	tb.continueTo("/provision/section")
	tb.click("#section") // Section F
	tb.continueTo("/provision/wording")
	tb.fill("wording", "Occupational therapy every week in term time.")
	tb.continueTo("/provision/amount")
	tb.fill("count", "1")
	tb.choose("per", "week")
	tb.continueTo("/provision/weeks")
	tb.click("#weeks")     // term time only
	tb.click("#weekday-8") // the day changes
	tb.continueTo("/provision/dates")
	tb.fillDate("start", "27", "2", "2023")
	tb.continueTo("/provision/provider")
	tb.fill("provider", "Company A")
	tb.continueTo("/provision/indirect")
	tb.click("#includes-2") // no indirect work
	tb.continueTo("/provision/check")
	screenshot(t, tb, "check-provision")
	tb.continueTo("/provisions")

	tb.navigate("/sessions")
	tb.click(".card-actions a[href*='/sessions/count']")
	tb.waitPath("/sessions/count")
	tb.fillDate("from", "27", "2", "2023")
	tb.fillDate("to", "15", "1", "2024")
	tb.fill("due", "36")
	tb.fill("delivered", "24")
	tb.fill("missed", "12")
	tb.continueTo("/sessions")

	tb.reload()
	screenshot(t, tb, "sessions-after-reload")
	seed := loadSeed(t, "notts-23-009-620.json")
	p := seed.Plans[0].Provisions[0]
	now := todayDate()
	want := calc.Tally(p, calc.Schedule(p, calc.CalendarFor(seed), now), calc.Date{}, now)
	got := tb.shownCounts()
	for label, n := range map[string]int{
		"Due so far": want.Due, "Delivered": want.Delivered, "Missed": want.Missed, "Made up": want.MadeUp,
		"Child absent": want.ChildAbsent, "Paid for by you": want.PaidPrivately, "Not recorded yet": want.Unrecorded,
	} {
		if got[label] != strconv.Itoa(n) {
			t.Errorf("%s: the page shows %q, calc computes %d for the seed file", label, got[label], n)
		}
	}
	if share := want.PercentDelivered.StringFixed(1) + "%"; got["Delivered, of those recorded"] != share {
		t.Errorf("share delivered: the page shows %q, calc computes %s", got["Delivered, of those recorded"], share)
	}
	if want.Missed != 12 {
		t.Errorf("calc counts %d missed sessions for the seed, the decision says 12", want.Missed)
	}
	checkAxe(t, tb)

	// The contacts with the council, as the decision tells them.
	for _, ct := range seed.Contacts {
		tb.navigate("/contact?new=1")
		d := strings.Split(ct.Date.String(), "-")
		tb.fillDate("date", d[2], d[1], d[0])
		tb.click("#kind") // email, as in the decision
		tb.fill("with", ct.With)
		tb.fill("said", ct.Said)
		if ct.Promised != "" {
			tb.fill("promised", ct.Promised)
		}
		if !ct.ReplyDueBy.IsZero() {
			r := strings.Split(ct.ReplyDueBy.String(), "-")
			tb.fillDate("reply-due", r[2], r[1], r[0])
		}
		if !ct.Replied.IsZero() {
			r := strings.Split(ct.Replied.String(), "-")
			tb.fillDate("replied", r[2], r[1], r[0])
		}
		tb.continueTo("/contacts")
	}

	// Every amount of the estimate on the summary equals calc's for the seed file.
	tb.navigate("/summary")
	tb.reload()
	est := calc.EstimateCase(seed, calc.DefaultRules(), now)
	shown := eval[map[string]string](tb, "reading the estimate", `(() => {
		const out = {};
		for (const line of document.querySelectorAll("[data-line]"))
			for (const a of line.querySelectorAll("[data-amount]"))
				out[line.dataset.line.split(":")[0] + " " + a.dataset.amount] = a.querySelector("dd").innerText.trim();
		return out })()`)
	wantShown := map[string]string{
		"total low": calc.FormatMoney(est.Low), "total typical": calc.FormatMoney(est.Typical), "total high": calc.FormatMoney(est.High),
	}
	for _, l := range est.Lines {
		kind := strings.Split(l.Key, ":")[0]
		wantShown[kind+" low"], wantShown[kind+" typical"], wantShown[kind+" high"] =
			calc.FormatMoney(l.Low), calc.FormatMoney(l.Typical), calc.FormatMoney(l.High)
	}
	for k, v := range wantShown {
		if shown[k] != v {
			t.Errorf("estimate %s: the summary shows %q, calc computes %s", k, shown[k], v)
		}
	}
	if len(shown) != len(wantShown) {
		t.Errorf("the summary shows %d amounts, calc has %d: %v", len(shown), len(wantShown), shown)
	}
	if wantShown["missed_sessions typical"] != "£600.00" {
		t.Errorf("calc's missed-session line is %s, the Ombudsman's was 12 × £50 = £600.00", wantShown["missed_sessions typical"])
	}
	tr := calc.DefaultRules().Tested
	if got, want := tb.text(".estimate-tested"), "on "+strconv.Itoa(tr.Decisions)+" past Ombudsman decisions, each time using only the other decisions. The payment was between the low and high figures in "+strconv.Itoa(tr.Inside)+" of them"; !strings.Contains(got, want) {
		t.Errorf("the summary's track record says %q, want it to include %q", got, want)
	}
	screenshot(t, tb, "summary")
}

// One provision, start to end, with the keyboard alone: Tab to move, Space to tick,
// arrow keys in a radio group or a list, typing into boxes, Enter to continue. Each page
// starts from its first field, where a person lands after tabbing past the header.
func TestProvisionWithKeyboardOnly(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/child/name")
	tb.fill("first-name", "Sam")
	tb.continueTo("/child/birth")
	tb.navigate("/provision/type?new=1")

	keys := func(ks ...string) {
		tb.t.Helper()
		for _, k := range ks {
			tb.do("pressing "+k, chromedp.KeyEvent(k))
		}
	}
	start := func(selector string) {
		tb.t.Helper()
		tb.do("moving to "+selector, chromedp.Focus(chromedp.CSS(selector)))
	}
	enterTo := func(path string) { tb.t.Helper(); keys(kb.Enter); tb.waitPath(path) }

	start("#type")
	keys(" ") // tick occupational therapy
	enterTo("/provision/section")
	start("#section")
	keys(" ")
	enterTo("/provision/wording")
	start("#wording")
	keys("Weekly OT", kb.Tab) // Enter in a text area is a new line: Tab to the button
	enterTo("/provision/amount")
	start("#count")
	keys("1", kb.Tab, kb.Tab, kb.ArrowDown, kb.Tab) // number, past "Sessions", "a week", to Continue
	enterTo("/provision/weeks")
	start("#weeks")
	// Term time; then the day group, where "it changes" is ticked until a day is chosen:
	// Down wraps round to Monday, Down again is Tuesday; then 45 minutes.
	// A person waits to see each radio ticked before the next key; so does the test (the
	// app redraws the page after each change, and a key pressed within that moment can be
	// undone by the redraw).
	keys(" ", kb.Tab, kb.ArrowDown)
	tb.waitFor("#weekday:checked") // Monday
	tb.do("seeing Monday ticked", chromedp.Sleep(200*time.Millisecond))
	keys(kb.ArrowDown)
	tb.waitFor("#weekday-2:checked") // Tuesday
	keys(kb.Tab, "45")
	enterTo("/provision/dates")
	start("#start-day")
	keys("6", kb.Tab, "3", kb.Tab, "2023")
	enterTo("/provision/provider")
	start("#provider")
	keys("Company A")
	enterTo("/provision/indirect")
	start("#includes-2")
	keys(" ", kb.Tab) // "No" (the second question is asked only after "Yes"), to Continue
	enterTo("/provision/check")
	for _, want := range []string{"Occupational therapy", "Weekly OT", "1 session a week, term time only, 45 minutes each",
		"Tuesday", "6 March 2023", "Company A"} {
		if !strings.Contains(tb.text("main"), want) {
			t.Errorf("the check page does not show %q:\n%s", want, tb.text("main"))
		}
	}
	start("main form button[type=submit]")
	enterTo("/provisions")
	if !strings.Contains(tb.text("main"), "Occupational therapy") {
		t.Errorf("the list does not show the new provision: %s", tb.text("main"))
	}
}

// waitFor waits until an element matching selector is on the page.
func (tb *tab) waitFor(selector string) {
	tb.t.Helper()
	waitJS(tb, selector+" on the page", `!!document.querySelector(`+jsString(selector)+`)`)
}

// waitForText waits until the element matching selector contains text.
func (tb *tab) waitForText(selector, text string) {
	tb.t.Helper()
	waitJS(tb, selector+" to say "+jsString(text), `((document.querySelector(`+jsString(selector)+`) || {}).innerText || "").replace(/\s+/g, " ").includes(`+jsString(text)+`)`)
}
