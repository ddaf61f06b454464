//go:build !js

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"provisiontracker/calc"
)

// The summary prints on A4 without the app around it: the child, the counts and the
// estimate's total are on paper; the header, the footer, buttons and the loader are not.
func TestSummaryPrintsOnA4(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	c := lettersCase(t)
	loadCase(tb, c, "/summary")
	res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	text := normalizeSpace(pdfText(t, res.Data, "summary"))
	est := calc.EstimateCase(c, calc.DefaultRules(), todayDate())
	for _, want := range []string{c.Child.FirstName, calc.FormatMoney(est.Typical), "not legal advice"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed summary lacks %q", want)
		}
	}
	for _, not := range []string{"Skip to main content", "Back up or import", "Getting Provision Tracker ready", "Privacy"} {
		if strings.Contains(text, not) {
			t.Errorf("the printed summary shows the app's %q", not)
		}
	}
}
