//go:build !js

package e2e

import (
	"strings"
	"testing"
)

// Issue 12: the parent can ask for a figure of their own. A bad amount is explained next
// to the box and changes nothing; a good one is the total the letter asks for, beside the
// estimate's own total and range.
func TestAskForAnotherFigure(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	watchPage(tb)
	loadCase(tb, lettersCase(t), "/letter/details")
	saved := tb.storedData()
	tb.fill("ask-for", "12.345")
	tb.click("form button[type=submit]")
	tb.expectProblem("use at most two digits for pence", saved)
	screenshot(t, tb, "ask-for-error")

	tb.fill("ask-for", "1,234.50")
	tb.continueTo("/summary")
	tb.navigate("/letter?kind=council_stage1")
	text := normalizeSpace(pageText(tb))
	for _, want := range []string{"In total I ask for £1,234.50.", "The items above, worked out from the Ombudsman's past decisions, come to £",
		"the range for a case like this is £"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter does not say %q:\n%s", want, text)
		}
	}
	tb.reload()
	goTo(tb, "/letter/details")
	if got := eval[string](tb, "reading the amount", `document.getElementById("ask-for").value`); got != "1234.50" {
		t.Errorf("after a reload the box shows %q", got)
	}
}
