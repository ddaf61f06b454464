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
// its page before the other saved. A next of "" means the edit saves itself (a tap).
type twoTabEdit struct {
	name          string
	routeA, next  string // the page tab A edits on, and where it goes after saving
	routeB, nextB string // the same for tab B; "" means tab A's
	typeA, typeB  func(tb *tab)
	kept          func(c calc.Case) error // both tabs' changes are in the record
	firstKept     func(c calc.Case) error // the first tab's change alone
	start         func(c *calc.Case)      // what the record holds before, if not the seed alone
}

// runTwoTabs opens both pages, lets one tab save, then the other, and checks that both
// changes are kept. If the app instead shows the second tab that the record changed
// underneath (the conflict choices), the first tab's change must still be stored.
func runTwoTabs(t *testing.T, e twoTabEdit, bFirst bool) {
	s := startSite(t, "/")
	a := s.openPage(t, "/")
	c := dataSeed(t)
	if e.start != nil {
		e.start(&c)
	}
	seed(a, mustRecords(t, c))
	b := s.newTab(t, a)
	b.navigate("/tasks")
	routeB, nextB := e.routeB, e.nextB
	if routeB == "" {
		routeB, nextB = e.routeA, e.next
	}
	visitPage(a, e.routeA, "main h1")
	visitPage(b, routeB, "main h1")
	type step struct {
		tb   *tab
		edit func(*tab)
		next string
	}
	steps := []step{{a, e.typeA, e.next}, {b, e.typeB, nextB}}
	if bFirst {
		steps[0], steps[1] = steps[1], steps[0]
	}
	for i, st := range steps {
		st.edit(st.tb)
		if st.next == "" {
			continue
		}
		st.tb.click("form button[type=submit]")
		if i == 1 && eval[bool](st.tb, "looking for a conflict", `!!document.getElementById("keep-mine") || !!document.getElementById("clash")`) {
			screenshot(t, st.tb, "conflict")
			c, _ := storedCase(st.tb)
			if err := e.firstKept(c); err != nil {
				t.Errorf("the second tab was shown a conflict, but the first tab's change is lost: %v", err)
			}
			return
		}
		st.tb.waitPath(st.next)
		if i == 0 {
			// A person cannot switch tabs within milliseconds: let the other tab's copy of
			// storage catch up with this save before it acts (see casestore's note on tabs).
			heads := `JSON.stringify(Object.keys(localStorage).filter(k => /^pt:case:[^:]+$/.test(k)).sort().map(k => [k, localStorage.getItem(k)]))`
			saved := eval[string](st.tb, "reading the saved heads", heads)
			waitJS(steps[1].tb, "the other tab seeing the first save", heads+` === `+jsString(saved))
		}
	}
	a.reload()
	c, _ = storedCase(a)
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

// both joins two checks of one record.
func both(f, g func(c calc.Case) error) func(c calc.Case) error {
	return func(c calc.Case) error {
		if err := f(c); err != nil {
			return err
		}
		return g(c)
	}
}

func contactOn(c calc.Case, d calc.Date) calc.Contact {
	for _, ct := range c.Contacts {
		if ct.Date == d {
			return ct
		}
	}
	return calc.Contact{}
}

func twoTabEdits() []twoTabEdit {
	name := func(c calc.Case) error { return want("the name", c.Child.FirstName, "Rowan") }
	born := func(c calc.Case) error { return want("the birth date", c.Child.DateOfBirth, date(2014, 7, 3)) }
	issued := func(c calc.Case) error { return want("the date of the plan", c.Plans[0].Issued, date(2023, 2, 14)) }
	review := func(c calc.Case) error { return want("the last review", c.Plans[0].LastReview, date(2023, 10, 2)) }
	wording := func(c calc.Case) error {
		return want("the wording", c.Plans[0].Provisions[0].Wording, "Words from tab A")
	}
	provider := func(c calc.Case) error {
		return want("the provider", c.Plans[0].Provisions[0].Provider, "Company B")
	}
	missed := func(c calc.Case) error {
		return want("the session records", len(c.Plans[0].Provisions[0].Outcomes), 2)
	}
	nov8 := date(2023, 11, 8)
	promised := func(c calc.Case) error {
		return want("the promise", contactOn(c, nov8).Promised, "An update by Friday")
	}
	with := func(c calc.Case) error { return want("who it was with", contactOn(c, nov8).With, "Case officer") }
	answered := func(c calc.Case) error {
		return want("stage 1 answered", c.Complaint.Stage1Answered, date(2023, 5, 22))
	}
	ack := func(c calc.Case) error {
		return want("stage 1 acknowledged", c.Complaint.Stage1Acknowledged, date(2023, 4, 12))
	}
	impact := func(c calc.Case) error {
		return want("the impact", c.Letter.Impact, "Rowan stopped wanting to go to school.")
	}
	school := func(c calc.Case) error { return want("the school", c.Letter.School, "Hill Top School") }
	asked := func(c calc.Case) error {
		return want("the date a school was asked for", c.Plans[0].Process.PlacementRequested, date(2025, 11, 4))
	}
	named := func(c calc.Case) error {
		return want("the date a school was named", c.Plans[0].Process.PlacementNamed, date(2026, 3, 24))
	}
	return []twoTabEdit{
		{name: "child", routeA: "/child/name", next: "/child/birth", routeB: "/child/birth", nextB: "/child/council",
			typeA: func(tb *tab) { tb.fill("first-name", "Rowan") },
			typeB: func(tb *tab) { tb.fillDate("birth", "3", "7", "2014") },
			kept:  both(name, born), firstKept: name},
		{name: "plan", routeA: "/plan/issued", next: "/plan/review", routeB: "/plan/review", nextB: "/plan/dates",
			typeA: func(tb *tab) { tb.fillDate("date", "14", "2", "2023") },
			typeB: func(tb *tab) { tb.fillDate("date", "2", "10", "2023") },
			kept:  both(issued, review), firstKept: issued},
		{name: "provision", routeA: "/provision/wording?id=ot&return=/provision/check", next: "/provisions",
			routeB: "/provision/provider?id=ot&return=/provision/check", nextB: "/provisions",
			typeA: func(tb *tab) { tb.fill("wording", "Words from tab A"); tb.continueTo("/provision/check") },
			typeB: func(tb *tab) { tb.fill("provider", "Company B"); tb.continueTo("/provision/check") },
			kept:  both(wording, provider), firstKept: wording},
		{name: "session", routeA: "/sessions/log?id=ot", next: "",
			routeB: "/provision/wording?id=ot&return=/provision/check", nextB: "/provisions",
			typeA: func(tb *tab) { markMissed(tb, 2) },
			typeB: func(tb *tab) { tb.fill("wording", "Words from tab A"); tb.continueTo("/provision/check") },
			kept:  both(missed, wording), firstKept: missed},
		{name: "contact", routeA: "/contact?id=contact-3", next: "/contacts",
			typeA: func(tb *tab) { tb.fill("promised", "An update by Friday") },
			typeB: func(tb *tab) { tb.fill("with", "Case officer") },
			kept:  both(promised, with), firstKept: promised},
		{name: "complaint dates", routeA: "/complaint/stage1", next: "/complaint/stage2",
			start: func(c *calc.Case) { c.Complaint.Stage1Sent = date(2023, 4, 10) },
			typeA: func(tb *tab) { tb.fillDate("ack", "12", "4", "2023") },
			typeB: func(tb *tab) { tb.fillDate("answered", "22", "5", "2023") },
			kept:  both(ack, answered), firstKept: ack},
		{name: "plan dates", routeA: "/plan/dates", next: "/tasks",
			typeA: func(tb *tab) { tb.fillDate("school-asked", "4", "11", "2025") },
			typeB: func(tb *tab) { tb.fillDate("school-named", "24", "3", "2026") },
			kept:  both(asked, named), firstKept: asked},
		{name: "letter details", routeA: "/letter/details", next: "/summary",
			typeA: func(tb *tab) { tb.fill("impact", "Rowan stopped wanting to go to school.") },
			typeB: func(tb *tab) { tb.fill("school", "Hill Top School") },
			kept:  both(impact, school), firstKept: impact},
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
