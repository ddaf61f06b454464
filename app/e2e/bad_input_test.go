//go:build !js

package e2e

import (
	"strings"
	"testing"
)

// storedData is everything the app keeps in this origin's storage, as text.
func (tb *tab) storedData() string {
	tb.t.Helper()
	return eval[string](tb, "reading storage", `JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]))`)
}

// expectProblem checks that a submitted page shows message both in the error summary and
// next to the field, and that nothing saved changed.
func (tb *tab) expectProblem(message, before string) {
	tb.t.Helper()
	// The app moves the focus to the summary once it is drawn, so keyboard and screen
	// reader users hear it.
	waitJS(tb, "the error summary, with the focus on it", `!!document.querySelector("#error-summary") && document.activeElement.id === "error-summary"`)
	summary := tb.text("#error-summary")
	inline := tb.text(".field-error")
	if !strings.Contains(summary, message) {
		tb.t.Errorf("the error summary says %q, want %q", summary, message)
	}
	if !strings.Contains(inline, message) {
		tb.t.Errorf("the message next to the field says %q, want %q", inline, message)
	}
	if after := tb.storedData(); after != before {
		tb.t.Errorf("a refused answer changed what is saved")
	}
}

// Each kind of bad input gets a specific message beside the field and in the error summary,
// and nothing already saved changes.
func TestBadInputIsExplainedAndNothingSavedChanges(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/child/name")

	tb.click("form button[type=submit]")
	tb.expectProblem("Enter your child's first name", tb.storedData())

	tb.fill("first-name", `<script>alert("x")</script><b>Sam</b>`)
	tb.continueTo("/child/birth")
	if h := tb.h1(); !strings.Contains(h, `<script>alert("x")</script><b>Sam</b>`) {
		t.Errorf("typed HTML is not shown as typed text: the heading is %q", h)
	}
	if n := count(tb, "main b, main script"); n > 0 {
		t.Errorf("typed HTML became %d real element(s) on the page", n)
	}

	tb.fillDate("birth", "31", "2", "2024")
	saved := tb.storedData()
	tb.click("form button[type=submit]")
	tb.expectProblem("February 2024 has no day 31", saved)

	tb.navigate("/provision/type?new=1")
	tb.click("#type")
	tb.continueTo("/provision/section")
	tb.click("#section")
	tb.continueTo("/provision/wording")
	tb.continueTo("/provision/amount")
	saved = tb.storedData()
	for _, c := range []struct{ count, message string }{
		{"0", "The number must be 1 or more"},
		{"-3", "The number must be 1 or more"},
		{"10000", "This looks too many for one week"},
	} {
		tb.fill("count", c.count)
		tb.choose("per", "week")
		tb.click("form button[type=submit]")
		tb.expectProblem(c.message, saved)
	}
	tb.fill("count", "1")
	tb.continueTo("/provision/weeks")
	tb.click("#weeks")
	tb.continueTo("/provision/dates")
	tb.fillDate("start", "1", "9", "2024")
	tb.fillDate("end", "1", "3", "2024")
	tb.click("form button[type=submit]")
	tb.expectProblem("End date must be after the start date", saved)
	tb.fillDate("end", "", "", "")
	tb.continueTo("/provision/provider")
	tb.fill("price", "1,000,000")
	tb.click("form button[type=submit]")
	tb.expectProblem("the most for one item is £100,000", saved)
	screenshot(t, tb, "absurd-price")
	checkAxe(t, tb)
}
