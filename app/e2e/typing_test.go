//go:build !js

package e2e

// Typing as a person does (issue 10): every question page of the app gets an answer typed
// with real key events (chromedp.SendKeys sends keyDown/char/keyUp, never sets .value),
// confirmed with a real click on its button; after a reload every answer must be in the
// stored record and on "Check your answers". A page that binds its boxes to values it then
// replaces (the complaint dates of issue 10, item 1) fails here.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"provisiontracker/calc"
)

// typedAnswer is one question page: what to type there, where the app goes after it, how
// the stored record must show it and what "Check your answers" must say.
type typedAnswer struct {
	route, next string
	typeIt      func(tb *tab)
	stored      func(c calc.Case) error
	shown       []string // texts of rows on /check, "Key=Value"
}

// pickByKeys chooses in a <select> the way a keyboard does: focus it and type the start of
// the option's words (the browser's type-ahead), which fires the change event itself.
func (tb *tab) pickByKeys(id, words string) {
	tb.t.Helper()
	eval[bool](tb, "focusing #"+id, `(() => { document.getElementById(`+jsString(id)+`).focus(); return true })()`)
	tb.do("typing "+words+" in #"+id, chromedp.SendKeys(chromedp.CSS("#"+id), words))
	got := eval[string](tb, "reading #"+id, `(() => { const s = document.getElementById(`+jsString(id)+`); return s.options[s.selectedIndex].text })()`)
	if !strings.HasPrefix(got, words) {
		tb.t.Fatalf("typing %q in #%s chose %q", words, id, got)
	}
}

// checkRows reads every row of the summary lists on the page as "Key=Value".
func checkRows(tb *tab) map[string]bool {
	tb.t.Helper()
	rows := eval[[]string](tb, "reading the answers", `[...document.querySelectorAll(".summary-row")].map((r) =>
		r.querySelector("dt").innerText.trim().replace(/\s+/g, " ") + "=" + r.querySelector("dd").innerText.trim().replace(/\s+/g, " "))`)
	out := map[string]bool{}
	for _, r := range rows {
		out[r] = true
	}
	return out
}

func want[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s is %v, want %v", what, got, want)
	}
	return nil
}

func date(y, m, d int) calc.Date { return calc.MustDate(y, m, d) }

// typedAnswers are the app's question pages, in an order a parent may take them.
func typedAnswers() []typedAnswer {
	return []typedAnswer{
		{route: "/child/name", next: "/child/birth",
			typeIt: func(tb *tab) { tb.fill("first-name", "Rowan") },
			stored: func(c calc.Case) error { return want("the name", c.Child.FirstName, "Rowan") },
			shown:  []string{"First name=Rowan"}},
		{route: "/child/birth", next: "/child/council",
			typeIt: func(tb *tab) { tb.fillDate("birth", "3", "7", "2014") },
			stored: func(c calc.Case) error { return want("the birth date", c.Child.DateOfBirth, date(2014, 7, 3)) },
			shown:  []string{"Date of birth=3 July 2014"}},
		{route: "/child/council", next: "/tasks",
			typeIt: func(tb *tab) { tb.pickByKeys("council", "Derbyshire") },
			stored: func(c calc.Case) error {
				co, _ := calc.CouncilByCode(c.Council)
				return want("the council", co.ShortName, "Derbyshire")
			},
			shown: []string{"Council=Derbyshire"}},
		{route: "/plan/kind", next: "/plan/issued",
			typeIt: func(tb *tab) { tb.click("#kind-3") },
			stored: func(c calc.Case) error { return want("the kind of plan", c.Plans[0].Kind, calc.PlanOther) },
			shown:  []string{"Kind of plan=Something else"}},
		{route: "/plan/issued", next: "/plan/review",
			typeIt: func(tb *tab) { tb.fillDate("date", "14", "2", "2023") },
			stored: func(c calc.Case) error { return want("the date of the plan", c.Plans[0].Issued, date(2023, 2, 14)) },
			shown:  []string{"Date of the plan=14 February 2023"}},
		{route: "/plan/review", next: "/plan/dates",
			typeIt: func(tb *tab) { tb.fillDate("date", "2", "10", "2023") },
			stored: func(c calc.Case) error { return want("the last review", c.Plans[0].LastReview, date(2023, 10, 2)) },
			shown:  []string{"Last annual review=2 October 2023"}},
		{route: "/plan/dates", next: "/tasks",
			typeIt: func(tb *tab) {
				tb.fillDate("requested", "5", "5", "2022")
				tb.fillDate("final", "14", "2", "2023")
			},
			stored: func(c calc.Case) error {
				pd := c.Plans[0].Process
				if err := want("the assessment request", pd.AssessmentRequested, date(2022, 5, 5)); err != nil {
					return err
				}
				return want("the final plan", pd.FinalIssued, date(2023, 2, 14))
			},
			shown: []string{"Dates in making or changing the plan=You asked for an EHC needs assessment: 5 May 2022 " +
				"The council sent the first final plan: 14 February 2023"}},
		// The help, changed step by step: nothing joins the record until "Save this help".
		{route: "/provision/type?id=ot", next: "/provision/section",
			typeIt: func(tb *tab) { tb.click("#type") }},
		{route: "/provision/section", next: "/provision/wording",
			typeIt: func(tb *tab) { tb.click("#section") }},
		{route: "/provision/wording", next: "/provision/amount",
			typeIt: func(tb *tab) { tb.fill("wording", "OT for 45 minutes each week, in term time.") }},
		{route: "/provision/amount", next: "/provision/weeks",
			typeIt: func(tb *tab) { tb.fill("count", "2") }},
		{route: "/provision/weeks", next: "/provision/dates",
			typeIt: func(tb *tab) { tb.fill("minutes", "45") }},
		{route: "/provision/dates", next: "/provision/provider",
			typeIt: func(tb *tab) { tb.fillDate("start", "6", "3", "2023") }},
		{route: "/provision/provider", next: "/provision/indirect",
			typeIt: func(tb *tab) {
				tb.fill("provider", "Company B")
				tb.fill("price", "85.50")
			}},
		{route: "/provision/indirect", next: "/provision/check",
			typeIt: func(tb *tab) { tb.click("#includes-2") }},
		{route: "/provision/check", next: "/provisions",
			typeIt: func(tb *tab) {},
			stored: func(c calc.Case) error {
				p := c.Plans[0].Provisions[0]
				got := fmt.Sprintf("%s|%d|%d|%s|%s|%s", p.Wording, p.Frequency.Count, p.SessionMinutes, p.Start, p.Provider, p.PricePerSession.StringFixed(2))
				return want("the help", got, "OT for 45 minutes each week, in term time.|2|45|2023-03-06|Company B|85.50")
			}},
		{route: "/sessions/count?id=ot", next: "/sessions",
			typeIt: func(tb *tab) {
				tb.fillDate("from", "1", "2", "2024")
				tb.fillDate("to", "28", "3", "2024")
				tb.fill("delivered", "9")
				tb.fill("missed", "5")
			},
			stored: func(c calc.Case) error {
				cps := c.Plans[0].Provisions[0].CountPeriods
				last := cps[len(cps)-1]
				return want("the totals", fmt.Sprintf("%s %s %d %d", last.From, last.To, last.Delivered, last.Missed), "2024-02-01 2024-03-28 9 5")
			}},
		{route: "/contact?new=1", next: "/contacts",
			typeIt: func(tb *tab) {
				tb.fillDate("date", "12", "12", "2023")
				tb.click("#kind-2")
				tb.fill("with", "Case officer")
				tb.fill("said", "Said a therapist starts in January.")
				tb.fill("promised", "A call back")
				tb.fillDate("reply-due", "19", "12", "2023")
			},
			stored: func(c calc.Case) error {
				for _, ct := range c.Contacts {
					if ct.Date == date(2023, 12, 12) {
						return want("the new contact", fmt.Sprintf("%s|%s|%s|%s|%s", ct.Kind, ct.With, ct.Said, ct.Promised, ct.ReplyDueBy),
							"phone|Case officer|Said a therapist starts in January.|A call back|2023-12-19")
					}
				}
				return fmt.Errorf("no contact on 12 December 2023")
			},
			shown: []string{"Contacts with the council=5 contacts"}},
		{route: "/complaint/noticed", next: "/complaint/stage1",
			typeIt: func(tb *tab) { tb.fillDate("noticed", "1", "3", "2023") },
			stored: func(c calc.Case) error { return want("when you knew", c.Complaint.ProblemNoticed, date(2023, 3, 1)) },
			shown:  []string{"You knew of the problem=1 March 2023"}},
		{route: "/complaint/stage1", next: "/complaint/stage2",
			typeIt: func(tb *tab) {
				tb.fillDate("sent", "10", "4", "2023")
				tb.fillDate("ack", "12", "4", "2023")
				tb.fillDate("answered", "22", "5", "2023")
			},
			stored: func(c calc.Case) error {
				cp := c.Complaint
				return want("stage 1", fmt.Sprint(cp.Stage1Sent, cp.Stage1Acknowledged, cp.Stage1Answered), "2023-04-10 2023-04-12 2023-05-22")
			},
			shown: []string{"Stage 1: complaint sent=10 April 2023", "Stage 1: council said it got it=12 April 2023", "Stage 1: council answered=22 May 2023"}},
		// The case has no social care: the review panel (stage 3) is not
		// on the way, but its page still works when opened.
		{route: "/complaint/stage2", next: "/complaint/ombudsman",
			typeIt: func(tb *tab) {
				tb.fillDate("sent", "1", "6", "2023")
				tb.fillDate("answered", "20", "7", "2023")
			},
			stored: func(c calc.Case) error {
				cp := c.Complaint
				return want("stage 2", fmt.Sprint(cp.Stage2Sent, cp.Stage2Answered), "2023-06-01 2023-07-20")
			},
			shown: []string{"Stage 2: complaint sent=1 June 2023", "Stage 2: council answered=20 July 2023"}},
		{route: "/complaint/stage3", next: "/complaint/ombudsman",
			typeIt: func(tb *tab) { tb.fillDate("asked", "1", "8", "2023") },
			stored: func(c calc.Case) error { return want("stage 3", c.Complaint.Stage3Requested, date(2023, 8, 1)) },
			shown:  []string{"Stage 3: review panel asked for=1 August 2023"}},
		{route: "/complaint/ombudsman", next: "/complaint/procedure",
			typeIt: func(tb *tab) { tb.fillDate("ombudsman", "2", "10", "2023") },
			stored: func(c calc.Case) error {
				return want("the Ombudsman date", c.Complaint.OmbudsmanSent, date(2023, 10, 2))
			},
			shown: []string{"Complaint to the Ombudsman=2 October 2023"}},
		{route: "/complaint/procedure", next: "/complaint/timescales",
			typeIt: func(tb *tab) { tb.click("#procedure") },
			stored: func(c calc.Case) error {
				return want("the procedure", c.Complaint.Policy.Procedure, calc.ProcedureCorporate)
			},
			shown: []string{"Complaints procedure=The council's own complaints procedure"}},
		{route: "/complaint/timescales", next: "/delays",
			typeIt: func(tb *tab) {
				tb.fill("s1-answer", "15")
				tb.fill("source", "The council's policy, May 2024")
			},
			stored: func(c calc.Case) error {
				pol := c.Complaint.Policy
				return want("the time limits", fmt.Sprint(pol.Stage1AnswerDays, " ", pol.Source), "15 The council's policy, May 2024")
			}},
		{route: "/calendar/inset", next: "/calendar",
			typeIt: func(tb *tab) { tb.fillDate("date", "4", "9", "2023") },
			stored: func(c calc.Case) error {
				for _, d := range c.Calendar.InsetDays {
					if d == date(2023, 9, 4) {
						return nil
					}
				}
				return fmt.Errorf("INSET days %v, want 4 September 2023 among them", c.Calendar.InsetDays)
			},
			shown: []string{"INSET days=1 day"}},
		{route: "/letter/details", next: "/summary",
			typeIt: func(tb *tab) {
				tb.fill("sender-name", "Sam Parent")
				tb.fill("school", "Hill Top School")
				tb.fill("impact", "Rowan stopped wanting to go to school.")
				tb.fill("reference", "COMP-123")
			},
			stored: func(c calc.Case) error {
				l := c.Letter
				return want("the letter details", strings.Join([]string{l.SenderName, l.School, l.Impact, l.Stage1Reference}, "|"),
					"Sam Parent|Hill Top School|Rowan stopped wanting to go to school.|COMP-123")
			}},
	}
}

// Every question page keeps what was typed into it, after Continue and a reload.
func TestTypedAnswersAreSaved(t *testing.T) {
	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	c := dataSeed(t)
	seed(tb, mustRecords(t, c))
	for _, a := range typedAnswers() {
		visit(tb, a.route)
		a.typeIt(tb)
		tb.continueTo(a.next)
	}
	tb.reload()
	got, _ := storedCase(tb)
	for _, a := range typedAnswers() {
		if a.stored == nil {
			continue
		}
		if err := a.stored(got); err != nil {
			t.Errorf("after typing on %s and a reload: %v", a.route, err)
		}
	}
	goTo(tb, "/check")
	screenshot(t, tb, "check-your-answers")
	rows := checkRows(tb)
	for _, a := range typedAnswers() {
		for _, row := range a.shown {
			if !rows[row] {
				t.Errorf("after typing on %s, Check your answers does not show %q", a.route, row)
			}
		}
	}
	if t.Failed() {
		t.Logf("Check your answers shows: %v", rows)
	}
}

// visit moves to a question page inside the app, as a link does, and waits for its form.
func visit(tb *tab, route string) {
	tb.t.Helper()
	visitPage(tb, route, "main form button[type=submit]")
}

// visitPage moves to a page inside the app, as a link does, and waits until its address
// is route (with its query) and an element matching selector is on it.
func visitPage(tb *tab, route, selector string) {
	tb.t.Helper()
	u := tb.site.url(route)
	eval[bool](tb, "going to "+route, `(() => { goappNav(`+jsString(u)+`); return true })()`)
	waitJS(tb, selector+" on "+route+", drawn", `location.href === `+jsString(u)+` && `+pageReady+` && !!document.querySelector(`+jsString(selector)+`)`)
}

// mustRecords is what the app stores for c, with c open.
func mustRecords(t *testing.T, c calc.Case) map[string]string {
	t.Helper()
	r, _ := storedRecords(t, c)
	return r
}
