//go:build !js

package e2e

// Nothing a parent saved is lost by saving something else (issue 10, items 2 to 5): a
// page writes only what it changed, into the latest saved record, addressed by id; an
// answer changed underneath (another tab, another page) is shown with both versions.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"provisiontracker/calc"
)

// markMissed taps "Missed" on the first n sessions with nothing recorded in the open
// month of the log, with real clicks, and waits to see each one marked.
func markMissed(tb *tab, n int) {
	tb.t.Helper()
	waitJS(tb, "a session to record", `document.querySelectorAll("li.session").length > 0`)
	for i := 0; i < n; i++ {
		id := eval[string](tb, "finding a session not recorded", `(() => {
			for (const li of document.querySelectorAll("li.session"))
				if (li.querySelector(".tag").innerText.trim() === "Not recorded") return li.id;
			return "" })()`)
		if id == "" {
			// Open the next month with sessions not recorded.
			month := eval[string](tb, "finding a month to open", `(() => {
				for (const b of document.querySelectorAll(".month-toggle"))
					if (b.getAttribute("aria-expanded") === "false" && b.innerText.includes("not recorded")) return b.getAttribute("aria-controls");
				return "" })()`)
			if month == "" {
				tb.t.Fatalf("no session left to record; the log says: %s", tb.text("main"))
			}
			tb.click(`button[aria-controls="` + month + `"]`)
			waitJS(tb, month+" open", `!!document.getElementById("`+month+`")`)
			i--
			continue
		}
		tb.click("#" + id + " .choices button:nth-child(2)")
		waitJS(tb, id+" marked missed", `document.querySelector("#`+id+` .tag").innerText.trim() === "Missed"`)
	}
}

// outcomes are the session records of a provision in the stored case.
func outcomes(tb *tab, id string) []calc.Outcome {
	tb.t.Helper()
	c, _ := storedCase(tb)
	for _, p := range c.Plans[0].Provisions {
		if p.ID == id {
			return p.Outcomes
		}
	}
	tb.t.Fatalf("no provision %s stored", id)
	return nil
}

// back goes back in the tab's history, as the browser's Back button does.
func (tb *tab) back(path string) {
	tb.t.Helper()
	tb.do("going back", chromedp.NavigateBack())
	tb.waitPath(path)
}

// One tab: change a provision, open its session log, mark 2 sessions missed, go Back,
// save the help: the 2 records are still there after a reload.
func TestSavingHelpKeepsSessionsMarkedMeanwhile(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	seed(tb, mustRecords(t, dataSeed(t)))
	visit(tb, "/provision/wording?id=ot&return=/provision/check")
	tb.fill("wording", "Weekly OT in term time, 45 minutes.")
	tb.continueTo("/provision/check")
	visitPage(tb, "/sessions/log?id=ot", "li.session")
	markMissed(tb, 2)
	tb.back("/provision/check")
	waitText(tb, "Weekly OT in term time, 45 minutes.")
	tb.continueTo("/provisions")
	tb.reload()
	if n := len(outcomes(tb, "ot")); n != 2 {
		t.Errorf("%d session records after saving the help, want 2", n)
	}
	c, _ := storedCase(tb)
	if w := c.Plans[0].Provisions[0].Wording; w != "Weekly OT in term time, 45 minutes." {
		t.Errorf("the wording is %q", w)
	}
}

// Two tabs: B marks sessions while A has the provision open; A saves it (unchanged, or
// changed) and B's records are kept. Then both orders of changing the same answer: the
// second to save is shown both versions and chooses.
func TestTwoTabsProvisionAndSessions(t *testing.T) {
	for _, reword := range []bool{false, true} {
		t.Run(fmt.Sprintf("A rewords %v", reword), func(t *testing.T) {
			s := startSite(t, "/")
			a := s.openPage(t, "/")
			seed(a, mustRecords(t, dataSeed(t)))
			visit(a, "/provision/check?id=ot")
			if reword {
				visit(a, "/provision/wording?id=ot&return=/provision/check")
				a.fill("wording", "Words from tab A")
				a.continueTo("/provision/check")
			}
			b := s.newTab(t, a)
			b.navigate("/sessions/log?id=ot")
			markMissed(b, 2)
			a.continueTo("/provisions")
			a.reload()
			if n := len(outcomes(a, "ot")); n != 2 {
				t.Errorf("%d session records after tab A saved the help, want tab B's 2", n)
			}
			c, _ := storedCase(a)
			if w, want := c.Plans[0].Provisions[0].Wording, map[bool]string{false: dataSeed(t).Plans[0].Provisions[0].Wording, true: "Words from tab A"}[reword]; w != want {
				t.Errorf("the stored words are %q, want %q", w, want)
			}
		})
	}
}

// Both tabs change the words of the same help: whichever saves second is shown both
// versions and keeps the one it chooses; the first tab's words are never silently lost.
func TestTwoTabsChangeTheSameHelp(t *testing.T) {
	for _, keep := range []string{"keep-yours", "keep-saved"} {
		t.Run(keep, func(t *testing.T) {
			s := startSite(t, "/")
			a := s.openPage(t, "/")
			seed(a, mustRecords(t, dataSeed(t)))
			b := s.newTab(t, a)
			for _, tb := range []*tab{a, b} {
				if tb == b {
					b.navigate("/tasks")
				}
				visit(tb, "/provision/wording?id=ot&return=/provision/check")
				tb.fill("wording", "Words from tab "+map[*tab]string{a: "A", b: "B"}[tb])
				tb.continueTo("/provision/check")
			}
			b.continueTo("/provisions")
			a.click("form button[type=submit]")
			waitJS(a, "the clash", `!!document.getElementById("clash")`)
			checkAxe(t, a)
			screenshot(t, a, "clash")
			text := pageText(a)
			for _, must := range []string{"Yours: Words from tab A", "Saved: Words from tab B"} {
				if !strings.Contains(text, must) {
					t.Errorf("the clash does not say %q: %s", must, text)
				}
			}
			c, _ := storedCase(a)
			if w := c.Plans[0].Provisions[0].Wording; w != "Words from tab B" {
				t.Fatalf("before choosing, the stored words are %q", w)
			}
			a.click("#" + keep)
			a.waitPath("/provisions")
			want := map[string]string{"keep-yours": "Words from tab A", "keep-saved": "Words from tab B"}[keep]
			c, _ = storedCase(a)
			if w := c.Plans[0].Provisions[0].Wording; w != want {
				t.Errorf("after %s the stored words are %q, want %q", keep, w, want)
			}
		})
	}
}

// twoTabEdit is one kind of edit made in two tabs of one browser, each tab having opened
// its page before the other saved.
type twoTabEdit struct {
	name          string
	routeA, next  string // the page tab A edits on, and where it goes after saving
	routeB, nextB string
	typeA, typeB  func(tb *tab)
	kept          func(c calc.Case) error // both tabs' changes are in the record
}

// runTwoTabs opens both pages, then lets first save, then second, and checks that both
// changes are kept (or that the second tab is shown the clash, when clash is set).
func runTwoTabs(t *testing.T, e twoTabEdit, bFirst bool) {
	s := startSite(t, "/")
	a := s.openPage(t, "/")
	seed(a, mustRecords(t, dataSeed(t)))
	b := s.newTab(t, a)
	b.navigate("/tasks")
	routeB, nextB := e.routeB, e.nextB
	if routeB == "" {
		routeB, nextB = e.routeA, e.next
	}
	visit(a, e.routeA)
	visit(b, routeB)
	steps := []func(){
		func() { e.typeA(a); a.continueTo(e.next) },
		func() { e.typeB(b); b.continueTo(nextB) },
	}
	if bFirst {
		steps[0], steps[1] = steps[1], steps[0]
	}
	for _, step := range steps {
		step()
	}
	a.reload()
	c, _ := storedCase(a)
	if err := e.kept(c); err != nil {
		t.Error(err)
		screenshot(t, a, "lost")
	}
}

func TestTwoTabsEveryKindOfEdit(t *testing.T) {
	for _, e := range twoTabEdits() {
		for _, bFirst := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/B first %v", e.name, bFirst), func(t *testing.T) { runTwoTabs(t, e, bFirst) })
		}
	}
}

func twoTabEdits() []twoTabEdit {
	return []twoTabEdit{
		{name: "letter details", routeA: "/letter/details", next: "/summary",
			typeA: func(tb *tab) { tb.fill("impact", "Rowan stopped wanting to go to school.") },
			typeB: func(tb *tab) { tb.fill("school", "Hill Top School") },
			kept: func(c calc.Case) error {
				return want("the letter details", c.Letter.Impact+"|"+c.Letter.School, "Rowan stopped wanting to go to school.|Hill Top School")
			}},
	}
}

// Both tabs change the same letter box: the second to save is shown both and chooses.
func TestTwoTabsSameLetterBox(t *testing.T) {
	s := startSite(t, "/")
	a := s.openPage(t, "/")
	seed(a, mustRecords(t, dataSeed(t)))
	b := s.newTab(t, a)
	b.navigate("/tasks")
	visit(a, "/letter/details")
	visit(b, "/letter/details")
	b.fill("impact", "Words from tab B")
	b.continueTo("/summary")
	a.fill("impact", "Words from tab A")
	a.click("form button[type=submit]")
	waitJS(a, "the clash", `!!document.getElementById("clash")`)
	screenshot(t, a, "clash")
	checkAxe(t, a)
	if c, _ := storedCase(a); c.Letter.Impact != "Words from tab B" {
		t.Fatalf("before choosing, the stored words are %q", c.Letter.Impact)
	}
	a.click("#keep-saved")
	a.waitPath("/summary")
	if c, _ := storedCase(a); c.Letter.Impact != "Words from tab B" {
		t.Errorf("after keeping the saved words, %q", c.Letter.Impact)
	}
}

// card returns a selector for the contact card whose title starts with the date.
func card(tb *tab, date string) string {
	tb.t.Helper()
	waitJS(tb, "the card of "+date, `[...document.querySelectorAll("li.contact-card")].some((li) => li.querySelector("h2").innerText.startsWith(`+jsString(date)+`))`)
	n := eval[int](tb, "finding the card of "+date, `[...document.querySelectorAll("li.contact-card")].findIndex((li) => li.querySelector("h2").innerText.startsWith(`+jsString(date)+`)) + 1`)
	return fmt.Sprintf("li.contact-card:nth-child(%d)", n)
}

// Tab B removes a contact while tab A shows the list: Change on the 8 November card in
// tab A changes that contact, and Remove on the 20 November card removes that one.
func TestTwoTabsContactsByID(t *testing.T) {
	s := startSite(t, "/")
	a := s.openPage(t, "/")
	seed(a, mustRecords(t, dataSeed(t)))
	visitPage(a, "/contacts", "li.contact-card")
	b := s.newTab(t, a)
	b.navigate("/contacts")
	b.click(card(b, "4 April 2023") + " .card-actions button")
	waitText(b, "You removed the contact on 4 April 2023")

	a.click(card(a, "8 November 2023") + " .card-actions a")
	a.waitPath("/contact")
	if got := eval[string](a, "reading the date", `document.getElementById("date-month").value`); got != "11" {
		t.Fatalf("Change on the 8 November card opened a contact of month %q", got)
	}
	a.fill("promised", "An update by Friday")
	a.continueTo("/contacts")
	c, _ := storedCase(a)
	if len(c.Contacts) != 3 {
		t.Fatalf("%d contacts stored, want 3", len(c.Contacts))
	}
	for _, ct := range c.Contacts {
		if (ct.Promised == "An update by Friday") != (ct.Date == date(2023, 11, 8)) {
			t.Errorf("the change went to the wrong contact: %+v", ct)
		}
	}

	// B removes the 26 May contact; A, without reloading, removes the 20 November one.
	b.navigate("/contacts")
	b.click(card(b, "26 May 2023") + " .card-actions button")
	waitText(b, "You removed the contact on 26 May 2023")
	a.click(card(a, "20 November 2023") + " .card-actions button")
	waitText(a, "You removed the contact on 20 November 2023")
	c, _ = storedCase(a)
	if len(c.Contacts) != 1 || c.Contacts[0].Date != date(2023, 11, 8) {
		t.Errorf("after both removals the contacts are %+v, want only 8 November", c.Contacts)
	}
	screenshot(t, a, "after-removals")
}
