//go:build !js

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Issue 11: the letters state only what is true. Two cases entered through
// the screens on a phone, their letters printed to PDF and read back.

// printedLetter opens a letter, waits for its heading, prints it on A4
// and returns its text with runs of spaces made one.
func printedLetter(t *testing.T, tb *tab, kind, title string) string {
	t.Helper()
	tb.navigate("/letter?kind=" + kind)
	tb.waitForText("h1", title)
	tb.waitFor("#letter")
	res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
	if err != nil {
		tb.fail("printing the letter to PDF", err)
	}
	return normalizeSpace(pdfText(t, res.Data, kind))
}

func wantIn(t *testing.T, what, text string, musts, nots []string) {
	t.Helper()
	for _, m := range musts {
		if !strings.Contains(text, m) {
			t.Errorf("%s lacks %q", what, m)
		}
	}
	for _, n := range nots {
		if strings.Contains(text, n) {
			t.Errorf("%s says %q", what, n)
		}
	}
	if t.Failed() {
		t.Logf("%s:\n%s", what, text)
	}
}

// A social-care care plan under a 12-month supervision order (after
// Bromley 23 008 648): weekly therapy for the mother, 4 sessions missed
// over Christmas entered as totals, the reviews at 3, 6 and 9 months, and
// the council's own 20 working days to answer.
func TestEnterCarePlanCase(t *testing.T) {
	tb := startRecordOnPhone(t, "Y")

	tb.navigate("/plan/kind")
	tb.click("#kind-2") // a care plan under a court order
	tb.continueTo("/plan/issued")
	tb.waitForText("h1", "What is the date of the care plan?")
	tb.fillDate("date", "15", "9", "2022")
	tb.continueTo("/plan/order")
	tb.fill("title", "12-month supervision order")
	tb.fillDate("made", "15", "9", "2022")
	tb.fillDate("ends", "14", "9", "2023")
	tb.continueTo("/plan/reviews")
	tb.click("#add-reviews")
	tb.waitFor("#done-2-day")
	if got := tb.text("main"); !strings.Contains(got, "Review of the care plan at 3 months: due 15 December 2022") {
		t.Errorf("the reviews page says: %s", got)
	}
	tb.continueTo("/tasks")

	tb.navigate("/provisions")
	tb.click("a[href$='/provision/type?new=1']")
	tb.waitPath("/provision/type")
	tb.click("#type-6") // another therapy
	tb.continueTo("/provision/section")
	tb.waitForText("h1", "Who must give this help?") // a care plan has no lettered sections
	tb.click("#section")                             // children's social care
	tb.continueTo("/provision/wording")
	tb.fill("wording", "Twelve months of weekly 50-minute therapy sessions for the mother.")
	tb.continueTo("/provision/amount")
	tb.fill("count", "1")
	tb.choose("per", "week")
	tb.continueTo("/provision/weeks")
	tb.click("#weeks-2")   // all year
	tb.click("#weekday-8") // the day changes
	tb.continueTo("/provision/dates")
	tb.fillDate("start", "6", "6", "2022")
	tb.fillDate("end", "30", "6", "2023")
	tb.continueTo("/provision/provider")
	tb.fill("provider", "Dr G")
	tb.continueTo("/provision/indirect")
	tb.click("#includes-2")
	tb.continueTo("/provision/check")
	tb.continueTo("/provisions")

	tb.navigate("/sessions")
	tb.click(".card-actions a[href*='/sessions/count']")
	tb.waitPath("/sessions/count")
	tb.fillDate("from", "12", "12", "2022")
	tb.fillDate("to", "6", "1", "2023")
	tb.fill("missed", "4")
	tb.continueTo("/sessions")
	// The sessions page is not a dead end after the totals.
	tb.waitFor("a[href$='/contacts'].button")

	tb.navigate("/complaint/timescales")
	tb.waitFor("#s1-answer")
	tb.fill("s1-answer", "20")
	tb.continueTo("/delays")

	text := printedLetter(t, tb, "social_care_stage1", "Stage 1 complaint to children's social care")
	wantIn(t, "the care-plan letter", text,
		[]string{
			"Y has a care plan (care plan under a 12-month supervision order) dated 15 September 2022",
			"The order ended on 14 September 2023",
			"Therapy (Dr G)",
			"I have recorded 4 sessions between 12 December 2022 and 6 January 2023",
			"4 sessions were missed",
			"Nothing is recorded from 6 June 2022",
			"within 20 working days",
			"Review of the care plan at 3 months: due 15 December 2022",
			"Children Act 1989",
			"while it was due",
		},
		[]string{"Section H of an EHC plan", "0%", "provision-", "gets all of the help in the plan from", "Section F"})
}

// An EHC plan with help entered only as totals, "12 missed between
// February and July 2023", no end date and no provider, and the council's
// own 20 working days: the letter counts only the recorded months, names
// the help without an internal ID and uses the council's 20 days.
func TestEnterTotalsOnlyCase(t *testing.T) {
	tb := startRecordOnPhone(t, "Kit")

	tb.navigate("/plan/kind")
	tb.click("#kind")
	tb.continueTo("/plan/issued")
	tb.fillDate("date", "1", "11", "2022")
	tb.continueTo("/plan/review")
	tb.continueTo("/plan/dates")
	tb.continueTo("/tasks")

	tb.navigate("/provisions")
	tb.click("a[href$='/provision/type?new=1']")
	tb.waitPath("/provision/type")
	tb.click("#type-6") // another therapy
	tb.continueTo("/provision/section")
	tb.click("#section") // Section F
	tb.continueTo("/provision/wording")
	tb.fill("wording", "Weekly Theraplay in term time.")
	tb.continueTo("/provision/amount")
	tb.fill("count", "1")
	tb.choose("per", "week")
	tb.continueTo("/provision/weeks")
	tb.click("#weeks")
	tb.click("#weekday-8")
	tb.continueTo("/provision/dates")
	tb.fillDate("start", "1", "2", "2023")
	tb.continueTo("/provision/provider")
	tb.continueTo("/provision/indirect")
	tb.click("#includes-2")
	tb.continueTo("/provision/check")
	tb.continueTo("/provisions")

	tb.navigate("/sessions")
	tb.click(".card-actions a[href*='/sessions/count']")
	tb.waitPath("/sessions/count")
	tb.fillDate("from", "1", "2", "2023")
	tb.fillDate("to", "31", "7", "2023")
	tb.fill("missed", "12")
	tb.continueTo("/sessions")

	tb.navigate("/complaint/timescales")
	tb.waitFor("#s1-answer")
	tb.fill("s1-answer", "20")
	tb.continueTo("/delays")

	tb.navigate("/summary")
	tb.waitFor(".summary-counts")
	summary := tb.text("main")
	wantIn(t, "the summary", summary, []string{"Sessions recorded 12", "Missed 12"}, []string{"0.0%", "provision-"})

	text := printedLetter(t, tb, "council_stage1", "Stage 1 complaint to the council")
	wantIn(t, "the council letter", text,
		[]string{
			"I have recorded 12 sessions between 1 February 2023 and 31 July 2023",
			"12 sessions were missed",
			"Nothing is recorded from",
			"within 20 working days",
		},
		[]string{"provision-", "0%", "sessions due. Kit had none", "Complaint Handling Code (in force"})
}

// On a 360-pixel phone: a letter's tables are stacked rows with every
// column named and nothing off the side, amounts are not broken inside a
// number, and a new page opens at its top.
func TestPhoneLettersAndScroll(t *testing.T) {
	c := lettersCase(t)
	s := startSite(t, "/")
	tb := s.openPage(t, "/privacy")
	tb.do("phone size", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile))
	loadCase(tb, c, "/letter?kind=council_stage1")
	tb.waitForText("h1", "Stage 1 complaint to the council")
	tb.waitFor(".letter-table td")

	type cellBox struct {
		Label, Text string
		Right       float64
	}
	cells := eval[[]cellBox](tb, "measuring the letter's table cells", `Array.from(document.querySelectorAll(".letter-table td")).map(td => {
		const r = td.getBoundingClientRect(); return {Label: td.dataset.label || "", Text: td.innerText.trim(), Right: r.right} })`)
	width := eval[float64](tb, "reading the width", `document.documentElement.clientWidth`)
	amounts := 0
	for _, c := range cells {
		if c.Label == "" {
			t.Errorf("a cell %q has no column name", c.Text)
		}
		if c.Right > width+0.5 {
			t.Errorf("cell %q (%s) ends at %.0f px, off a %.0f px screen", c.Text, c.Label, c.Right, width)
		}
		if c.Label == "Amount" && c.Text != "" {
			amounts++
		}
	}
	if amounts == 0 {
		t.Error("no Amount cell is shown on the phone")
	}
	// Each amount is on one line: as tall as one line of its text.
	broken := eval[[]string](tb, "looking for broken amounts", `Array.from(document.querySelectorAll(".letter-table td.n")).filter(td => {
		const lh = parseFloat(getComputedStyle(td).lineHeight) || 20; return td.getBoundingClientRect().height > lh * 1.6 && td.innerText.trim() !== "" }).map(td => td.innerText)`)
	if len(broken) > 0 {
		t.Errorf("amounts broken over lines: %q", broken)
	}

	// Scroll down, go to another page: it opens at its top.
	eval[bool](tb, "scrolling down", `(() => { window.scrollTo(0, document.body.scrollHeight); return true })()`)
	if y := eval[float64](tb, "reading the scroll", `window.scrollY`); y < 100 {
		t.Fatalf("the letter did not scroll (scrollY %.0f)", y)
	}
	tb.click("a.back-link")
	tb.waitPath("/summary")
	tb.waitForText("h1", "Summary for")
	for end := time.Now().Add(5 * time.Second); eval[float64](tb, "reading the scroll", `window.scrollY`) > 0; {
		if time.Now().After(end) {
			t.Fatalf("the next page opened %.0f px down, not at its top", eval[float64](tb, "reading the scroll", `window.scrollY`))
		}
		time.Sleep(50 * time.Millisecond)
	}

	// The session log's counts box stays small on the phone.
	tb.navigate("/sessions/log?id=ot")
	tb.waitFor(".counts-box")
	h := eval[float64](tb, "measuring the counts box", `document.querySelector(".counts-box").getBoundingClientRect().height`)
	if vh := eval[float64](tb, "reading the screen height", `window.innerHeight`); h > vh/5 {
		t.Errorf("the counts box is %.0f px high on a %.0f px screen: more than a fifth", h, vh)
	}
	// After the last month there is a way on.
	tb.waitFor("a.button[href$='/sessions']")
}

// startRecordOnPhone opens the site at phone size and starts a record through the screens:
// the child's first name, no date of birth, and Bromley as the council.
func startRecordOnPhone(t *testing.T, name string) *tab {
	t.Helper()
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	tb.do("phone size", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile))
	tb.click("a.button-start")
	tb.waitPath("/child/name")
	tb.fill("first-name", name)
	tb.continueTo("/child/birth")
	tb.continueTo("/child/council")
	tb.choose("council", "305") // Bromley
	tb.continueTo("/tasks")
	return tb
}
