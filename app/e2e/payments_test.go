//go:build !js

package e2e

import (
	"strings"
	"testing"
)

// Issue 12, facts a parent must be able to enter: what the council already paid or
// offered. Typed on its own pages, kept by id through a reload, a change and a removal,
// taken off the estimate once when paid, and stated (not taken off) when only offered.
func TestPaymentsPaidAndOffered(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	loadCase(tb, lettersCase(t), "/contacts")
	tb.click(`a[href="/payments"]`)
	tb.waitPath("/payments")
	waitText(tb, "You have not added any payments or offers")
	tb.click(`a[href="/payment?new=1"]`)
	tb.waitPath("/payment")
	saved := tb.storedData()
	tb.fill("amount", "lots")
	tb.click("form button[type=submit]")
	tb.expectProblem("use only digits", saved)
	tb.fill("amount", "100")
	tb.fillDate("date", "2", "2", "2026")
	tb.fill("what-for", "the missed occupational therapy")
	tb.continueTo("/payments")
	waitText(tb, "£100.00 paid on 2 February 2026")

	tb.click(`a[href="/payment?new=1"]`)
	tb.waitPath("/payment")
	tb.fill("amount", "250")
	tb.click("#offered-2")
	tb.fillDate("date", "", "3", "2026")
	tb.continueTo("/payments")
	waitText(tb, "£250.00 offered in March 2026")
	checkAxe(t, tb)
	screenshot(t, tb, "payments")

	tb.reload()
	goTo(tb, "/summary")
	text := normalizeSpace(pageText(tb))
	for _, want := range []string{"Already paid by the council", "-£100.00", "The council offered £250.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary does not show %q", want)
		}
	}

	// Change the first by its own Change link, remove the second by its Remove button.
	goTo(tb, "/payments")
	tb.click(`a[href="/payment?id=payment-1"]`)
	tb.waitPath("/payment")
	tb.fill("amount", "120")
	tb.continueTo("/payments")
	waitText(tb, "£120.00 paid on 2 February 2026")
	eval[bool](tb, "removing the offer", `(() => { [...document.querySelectorAll("main button")]
		.find(b => b.textContent.includes("£250.00 offered")).click(); return true })()`)
	waitJS(tb, "the offer gone", `!document.querySelector("main").innerText.includes("£250.00 offered")`)
	c, _ := storedCase(tb)
	if len(c.Payments) != 1 || c.Payments[0].ID != "payment-1" || c.Payments[0].Amount.String() != "120" || c.Payments[0].WhatFor != "the missed occupational therapy" {
		t.Errorf("stored payments %+v", c.Payments)
	}
}
