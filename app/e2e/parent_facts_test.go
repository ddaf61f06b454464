//go:build !js

package e2e

import (
	"strconv"
	"strings"
	"testing"

	"provisiontracker/calc"
)

// Issue 12 part 4, facts a parent must be able to enter that had no screen: their own
// costs, the day the case stopped, and the missed sessions the council agreed to make up.
// Typed with real keys at phone size, kept through a reload, shown on the summary as calc
// works them out.

// shownAmounts reads every amount of the summary's estimate, by line key and "low",
// "typical" or "high" ("total typical" for the total).
func shownAmounts(tb *tab) map[string]string {
	tb.t.Helper()
	return eval[map[string]string](tb, "reading the estimate", `(() => {
		const out = {};
		for (const line of document.querySelectorAll("[data-line]"))
			for (const a of line.querySelectorAll("[data-amount]"))
				out[line.dataset.line + " " + a.dataset.amount] = a.querySelector("dd").innerText.trim();
		return out })()`)
}

// pressButton presses the button in <main> whose words include text.
func pressButton(tb *tab, text string) {
	tb.t.Helper()
	eval[bool](tb, "pressing the button "+jsString(text), `(() => { const b = [...document.querySelectorAll("main button")]
		.find(b => b.textContent.includes(`+jsString(text)+`)); if (!b) throw new Error("no such button"); b.click(); return true })()`)
}

func TestParentCostsTypedKeptAndShown(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	loadCase(tb, lettersCase(t), "/contacts")
	tb.click(`a[href="/costs"]`)
	tb.waitPath("/costs")
	waitText(tb, "You have not added any costs")
	tb.click(`a[href="/cost?new=1"]`)
	tb.waitPath("/cost")
	saved := tb.storedData()
	tb.fill("what-for", "taxis to school")
	tb.fill("amount", "lots")
	tb.click("#receipts")
	tb.click("form button[type=submit]")
	tb.expectProblem("use only digits", saved)
	tb.fill("amount", "45.50")
	tb.fillDate("date", "", "3", "2026")
	tb.continueTo("/costs")
	waitText(tb, "£45.50 for taxis to school in March 2026")

	tb.click(`a[href="/cost?new=1"]`)
	tb.waitPath("/cost")
	tb.fill("what-for", "a private report")
	tb.fill("amount", "300")
	tb.fillDate("date", "5", "2", "2026")
	tb.click("form button[type=submit]")
	tb.expectProblem("Choose yes if you kept receipts", tb.storedData())
	tb.click("#receipts-2")
	tb.continueTo("/costs")
	waitText(tb, "£300.00 for a private report on 5 February 2026")
	checkAxe(t, tb)
	screenshot(t, tb, "costs")

	// After a reload the summary prices each cost as calc does: in full with receipts,
	// nothing as the low figure without.
	tb.reload()
	goTo(tb, "/summary")
	c, _ := storedCase(tb)
	est := calc.EstimateCase(c, calc.DefaultRules(), todayDate())
	shown := shownAmounts(tb)
	text := normalizeSpace(pageText(tb))
	n := 0
	for _, l := range est.Lines {
		if l.Kind != calc.LineParentCosts {
			continue
		}
		n++
		if !strings.Contains(text, l.Title) {
			t.Errorf("the summary does not show the line %q", l.Title)
		}
		for k, v := range map[string]string{"low": calc.FormatMoney(l.Low), "typical": calc.FormatMoney(l.Typical), "high": calc.FormatMoney(l.High)} {
			if shown[l.Key+" "+k] != v {
				t.Errorf("%s %s: the summary shows %q, calc computes %s", l.Key, k, shown[l.Key+" "+k], v)
			}
		}
	}
	if n != 2 || shown["total typical"] != calc.FormatMoney(est.Typical) {
		t.Errorf("%d cost lines; total shown %q, calc %s", n, shown["total typical"], calc.FormatMoney(est.Typical))
	}

	// Change the first by its own Change link, remove the second by its Remove button.
	goTo(tb, "/costs")
	tb.click(`a[href="/cost?id=cost-1"]`)
	tb.waitPath("/cost")
	tb.fill("amount", "50")
	tb.continueTo("/costs")
	waitText(tb, "£50.00 for taxis to school in March 2026")
	pressButton(tb, "£300.00 for a private report")
	waitJS(tb, "the report gone", `!document.querySelector("main").innerText.includes("£300.00 for a private report")`)
	c, _ = storedCase(tb)
	if len(c.ParentCosts) != 1 || c.ParentCosts[0].ID != "cost-1" || c.ParentCosts[0].Amount.String() != "50" ||
		c.ParentCosts[0].WhatFor != "taxis to school" || !c.ParentCosts[0].Receipts {
		t.Errorf("stored costs %+v", c.ParentCosts)
	}
	// The removed one's address says so, and loses nothing.
	tb.navigate("/cost?id=cost-2")
	waitText(tb, "We could not find that cost")
}

func TestCloseAndReopenRecord(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	open := lettersCase(t)
	closeOn := open.Plans[0].Provisions[0].CountPeriods[0].To // before the dated sessions the test case adds
	loadCase(tb, open, "/tasks")
	tb.click(`a[href="/closed"]`)
	tb.waitPath("/closed")
	saved := tb.storedData()
	tb.click("form button[type=submit]")
	tb.expectProblem("Choose how it stopped", saved)
	tb.click("#why-4")
	waitJS(tb, "the box for another reason", `!!document.getElementById("other-why")`)
	tb.fill("other-why", "The council agreed a new plan")
	tb.fillDate("date", itoa(closeOn.Day()), itoa(closeOn.Month()), itoa(closeOn.Year()))
	checkAxe(t, tb)
	tb.continueTo("/tasks")
	sentence := "This record is closed. It stopped on " + closeOn.Long() + ": The council agreed a new plan. " +
		"Deadlines and what is still missing stop on that day."
	waitText(tb, sentence)
	screenshot(t, tb, "closed")

	// After a reload the summary says it, and its total is calc's for the closed record,
	// which stops on that day.
	tb.reload()
	goTo(tb, "/summary")
	waitText(tb, sentence)
	c, _ := storedCase(tb)
	if c.Closed != closeOn || c.ClosedWhy != "The council agreed a new plan" {
		t.Fatalf("stored %s %q", c.Closed, c.ClosedWhy)
	}
	now := todayDate()
	closed, still := calc.EstimateCase(c, calc.DefaultRules(), now), calc.EstimateCase(open, calc.DefaultRules(), now)
	if closed.Typical.Equal(still.Typical) {
		t.Fatalf("the test case's estimate does not change when closed (%s): it cannot show the stop", closed.Typical)
	}
	if got := shownAmounts(tb)["total typical"]; got != calc.FormatMoney(closed.Typical) {
		t.Errorf("the summary's total is %q, calc's for the closed record %s (open: %s)", got, calc.FormatMoney(closed.Typical), calc.FormatMoney(still.Typical))
	}

	// Open it again: the task list no longer says it is closed, nothing else is lost.
	goTo(tb, "/closed")
	waitText(tb, "You said this stopped on "+closeOn.Long())
	pressButton(tb, "Open the record again")
	tb.waitPath("/tasks")
	waitText(tb, "Has the missing help stopped?")
	c, _ = storedCase(tb)
	if !c.Closed.IsZero() || c.ClosedWhy != "" || len(c.Plans[0].Provisions[0].Outcomes) != len(open.Plans[0].Provisions[0].Outcomes) {
		t.Errorf("after reopening: closed %s %q, %d outcomes", c.Closed, c.ClosedWhy, len(c.Plans[0].Provisions[0].Outcomes))
	}
}

func TestMakeUpAgreedLowersTheEstimate(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	before := lettersCase(t)
	loadCase(tb, before, "/sessions")
	pr := before.Plans[0].Provisions[0]
	tb.click(`a[href="/sessions/makeup?id=` + pr.ID + `"]`)
	tb.waitPath("/sessions/makeup")
	missed := calc.ProvisionLog(pr, calc.CalendarFor(before), calc.Date{}, todayDate()).Counts.MissedNotMadeUp
	if missed < 2 {
		t.Fatalf("the test case has %d missed sessions to make up", missed)
	}
	waitText(tb, "You have recorded "+itoa(missed)+" missed sessions that are not made up yet.")
	saved := tb.storedData()
	tb.fill("make-up", itoa(missed+1))
	tb.click("form button[type=submit]")
	tb.expectProblem("Enter "+itoa(missed)+" or fewer", saved)
	tb.fill("make-up", "2")
	checkAxe(t, tb)
	tb.continueTo("/sessions")
	waitText(tb, "The council agreed to make up 2 missed sessions in kind.")

	tb.reload()
	goTo(tb, "/summary")
	c, _ := storedCase(tb)
	if got := c.Plans[0].Provisions[0].MakeUpAgreed; got != 2 {
		t.Fatalf("stored %d", got)
	}
	now := todayDate()
	after, was := calc.EstimateCase(c, calc.DefaultRules(), now), calc.EstimateCase(before, calc.DefaultRules(), now)
	if !after.Typical.LessThan(was.Typical) {
		t.Fatalf("calc's estimate did not go down: %s then %s", was.Typical, after.Typical)
	}
	if got := shownAmounts(tb)["total typical"]; got != calc.FormatMoney(after.Typical) {
		t.Errorf("the summary's total is %q, calc's after make-up %s (before: %s)", got, calc.FormatMoney(after.Typical), calc.FormatMoney(was.Typical))
	}

	// Changed back to 0 by keyboard: the figure goes back up.
	goTo(tb, "/sessions")
	tb.click(`a[href="/sessions/makeup?id=` + pr.ID + `"]`)
	tb.waitPath("/sessions/makeup")
	tb.fill("make-up", "0")
	tb.continueTo("/sessions")
	waitJS(tb, "the make-up line gone", `!document.querySelector("main").innerText.includes("agreed to make up")`)
	c, _ = storedCase(tb)
	if got := c.Plans[0].Provisions[0].MakeUpAgreed; got != 0 {
		t.Errorf("stored %d after 0", got)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
