//go:build !js

package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"provisiontracker/calc"
)

// Plans over time (issue 11): a phase transfer with an amended plan,
// entered through the screens on a phone with real key presses and clicks.

// planOf returns the stored plan with this id.
func planOf(t *testing.T, c calc.Case, id string) calc.Plan {
	t.Helper()
	i := calc.PlanByID(c, id)
	if i < 0 {
		t.Fatalf("no plan %s stored; plans: %+v", id, c.Plans)
	}
	return c.Plans[i]
}

// asJSON is v as the case file writes it, to compare stored values.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// countShown reads one of calc's counts from a provision's card on the
// summary.
func countShown(tb *tab, provisionID, key string) string {
	tb.t.Helper()
	sel := `section[aria-labelledby="prov-` + provisionID + `"] [data-count="` + key + `"] dd`
	tb.waitFor(sel)
	return tb.text(sel)
}

// A final plan of 1 September 2022 with weekly speech and language therapy
// from 6 February 2023, two sessions marked missed; then the amended plan
// of 24 May 2023 after the phase transfer (year entered on /plan/dates)
// carrying the therapy forward; its help is changed and a session missed.
// After a reload the first plan's records are as they were, the summary
// counts both periods and the stage 1 letter names both plans' dates.
func TestPhaseTransferAmendedPlan(t *testing.T) {
	tb := startRecordOnPhone(t, "Ava")

	tb.click("a[href$='/plan/kind']")
	tb.waitPath("/plan/kind")
	tb.click("#kind") // an EHC plan
	tb.continueTo("/plan/issued")
	tb.fillDate("date", "1", "9", "2022")
	tb.continueTo("/plan/review")
	tb.continueTo("/plan/dates")
	tb.continueTo("/tasks")

	tb.navigate("/provisions")
	tb.click("a[href$='/provision/type?new=1']")
	tb.waitPath("/provision/type")
	tb.click("#type-2") // speech and language therapy
	tb.continueTo("/provision/section")
	tb.click("#section") // Section F
	tb.continueTo("/provision/wording")
	tb.fill("wording", "Weekly speech and language therapy, 45 minutes, in term time.")
	tb.continueTo("/provision/amount")
	tb.fill("count", "1")
	tb.choose("per", "week")
	tb.continueTo("/provision/weeks")
	tb.click("#weeks")   // term time
	tb.click("#weekday") // Monday
	tb.continueTo("/provision/dates")
	tb.fillDate("start", "6", "2", "2023")
	tb.continueTo("/provision/provider")
	tb.fill("provider", "Riverside NHS Trust")
	tb.continueTo("/provision/indirect")
	tb.click("#includes-2")
	tb.continueTo("/provision/check")
	tb.continueTo("/provisions")

	visitPage(tb, "/sessions/log?id=provision-1", "li.session")
	markMissed(tb, 2)
	c, _ := storedCase(tb)
	first := planOf(t, c, "plan-1").Provisions[0].Outcomes
	if len(first) != 2 {
		t.Fatalf("%d sessions recorded in the first plan, want 2", len(first))
	}

	// The task opens the list of plans once the plan is dated.
	tb.navigate("/tasks")
	tb.click("a[href$='/plans']")
	tb.waitPath("/plans")
	tb.waitForText("main", "From 1 September 2022")
	tb.click("a[href$='/plans/new']")
	tb.waitPath("/plans/new")
	tb.waitForText("main", "follows the EHC plan of 1 September 2022")
	// Without a date: the error summary and the message by the date.
	tb.click("form button[type=submit]")
	tb.waitForText("#error-summary", "Enter the date of the newer plan")
	tb.waitForText("#date-error", "Enter the date of the newer plan")
	checkAxe(t, tb)
	tb.fillDate("date", "24", "5", "2023")
	tb.fill("title", "amended plan after the phase transfer")
	tb.click("#carry-provision-1")
	tb.continueTo("/plans")
	tb.waitForText("main", "From 1 September 2022 to 23 May 2023")
	tb.waitForText("main", "From 24 May 2023")
	checkAxe(t, tb)

	// The amended plan's own pages, by its id.
	tb.click("a[href$='/plan/kind?plan=plan-2']")
	tb.waitPath("/plan/kind")
	tb.continueTo("/plan/issued")
	if got := eval[string](tb, "reading the plan's date", `["date-day","date-month","date-year"].map(id => document.getElementById(id).value).join(" ")`); got != "24 5 2023" {
		t.Errorf("the amended plan's date page shows %q, want 24 5 2023", got)
	}
	tb.continueTo("/plan/review")
	tb.continueTo("/plan/dates")
	tb.fillDate("amended-final", "24", "5", "2023")
	tb.fill("phase", "2023")
	tb.continueTo("/plans")

	// Change the carried help in the second plan.
	tb.navigate("/provisions")
	tb.waitForText("main", "Amended plan after the phase transfer: From 24 May 2023")
	tb.click("a[href$='/provision/check?id=provision-2']")
	tb.waitPath("/provision/check")
	tb.click("a[href*='/provision/wording']")
	tb.waitPath("/provision/wording")
	tb.fill("wording", "Weekly speech and language therapy, 60 minutes, in term time.")
	tb.continueTo("/provision/check")
	tb.continueTo("/provisions")
	visitPage(tb, "/sessions/log?id=provision-2", "li.session")
	markMissed(tb, 1)

	tb.reload()
	c, _ = storedCase(tb)
	if problems := calc.Validate(c); len(problems) > 0 {
		t.Fatalf("the stored record is not valid: %v", problems)
	}
	p1, p2 := planOf(t, c, "plan-1"), planOf(t, c, "plan-2")
	if asJSON(t, p1.Provisions[0].Outcomes) != asJSON(t, first) || p1.Provisions[0].Wording != "Weekly speech and language therapy, 45 minutes, in term time." {
		t.Errorf("the first plan's help or records changed: %+v", p1.Provisions[0])
	}
	if p1.Ended != calc.MustDate(2023, 5, 23) || p2.Issued != calc.MustDate(2023, 5, 24) || p2.Process.PhaseTransferYear != 2023 ||
		p2.Process.AmendedFinalIssued != calc.MustDate(2023, 5, 24) || p1.Process.PhaseTransferYear != 0 {
		t.Errorf("plan dates: first %+v ended %s; amended %s %+v", p1.Process, p1.Ended, p2.Issued, p2.Process)
	}
	if len(p2.Provisions) != 1 || p2.Provisions[0].ID != "provision-2" || p2.Provisions[0].Start != calc.MustDate(2023, 5, 24) ||
		p2.Provisions[0].Wording != "Weekly speech and language therapy, 60 minutes, in term time." || len(p2.Provisions[0].Outcomes) != 1 {
		t.Errorf("the amended plan's help: %+v", p2.Provisions)
	}

	// The summary counts both periods, each with its own records.
	tb.navigate("/summary")
	if got := countShown(tb, "provision-1", "missed"); got != "2" {
		t.Errorf("the first plan's therapy shows %s missed, want 2", got)
	}
	if got := countShown(tb, "provision-2", "missed"); got != "1" {
		t.Errorf("the amended plan's therapy shows %s missed, want 1", got)
	}

	text := printedLetter(t, tb, "council_stage1", "Stage 1 complaint to the council")
	wantIn(t, "the stage 1 letter", text,
		[]string{
			"The help was written in the plan dated 1 September 2022 (in force from 1 September 2022 to 23 May 2023), then in the amended plan after the phase transfer dated 24 May 2023 (in force from 24 May 2023).",
			"the duty runs from the date of the plan then in force",
			"Speech and language therapy (from 6 February 2023)",
			"Speech and language therapy (from 24 May 2023)",
		},
		[]string{"The duty runs from the date of the final plan, 24 May 2023", "provision-"})
}

// An imported record with a second plan: changing the help in that plan
// through the screens keeps it there with its sessions, and the record
// stays valid after a reload.
func TestEditHelpOfImportedSecondPlan(t *testing.T) {
	c := dataSeed(t)
	c.Plans[0].Issued = calc.MustDate(2023, 2, 27)
	older := c.Plans[0]
	if len(older.Provisions) == 0 {
		t.Fatalf("the seed has no help: %+v", older)
	}
	newer := calc.MustDate(2024, 2, 26) // after the seed's totals, which end on 15 January 2024
	c, problems := calc.CarryForward(c, older.ID, calc.Plan{Kind: older.Kind, Issued: newer}, []string{older.Provisions[0].ID}, calc.Date{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	second := &c.Plans[1].Provisions[0]
	second.Outcomes = []calc.Outcome{{Date: calc.Schedule(*second, calc.CalendarFor(c), newer.AddDays(30))[0].Date, Status: calc.StatusMissed}}
	want := c

	s := startSite(t, "/")
	tb := s.openPage(t, "/")
	tb.do("phone size", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile))
	seed(tb, mustRecords(t, c))
	// From the list, where the help is under its plan: remove it, Undo,
	// then change it.
	visitPage(tb, "/provisions", "h2#help-"+c.Plans[1].ID)
	card := "li:has(a[href$='/provision/check?id=" + second.ID + "'])"
	tb.click(card + " button.link-button")
	tb.waitFor(".notice button")
	if c2, _ := storedCase(tb); calc.PlanHolding(c2, second.ID) >= 0 {
		t.Fatal("Remove did not take the help out")
	}
	tb.click(".notice button")
	tb.waitFor(card)
	if c2, _ := storedCase(tb); calc.PlanHolding(c2, second.ID) != 1 {
		t.Fatal("Undo did not put the help back in the second plan")
	}
	tb.click(card + " a")
	tb.waitPath("/provision/check")
	tb.click("a[href*='/provision/wording']")
	tb.waitPath("/provision/wording")
	tb.fill("wording", "Changed in the second plan.")
	tb.continueTo("/provision/check")
	tb.continueTo("/provisions")
	tb.reload()
	got, _ := storedCase(tb)
	if problems := calc.Validate(got); len(problems) > 0 {
		t.Fatalf("the stored record is not valid: %v", problems)
	}
	if len(got.Plans) != 2 || asJSON(t, got.Plans[0]) != asJSON(t, want.Plans[0]) {
		t.Errorf("the first plan changed:\n%s\nwant\n%s", asJSON(t, got.Plans), asJSON(t, want.Plans[0]))
	}
	p := got.Plans[1].Provisions
	if len(p) != 1 || p[0].ID != second.ID || p[0].Wording != "Changed in the second plan." || asJSON(t, p[0].Outcomes) != asJSON(t, second.Outcomes) {
		t.Errorf("the second plan's help: %+v", p)
	}
}

// The plan was made final after a review without naming a school: typed on
// the plan's dates page, the wait is a deadline on /deadlines, overdue,
// then done late once the school is named. A school named before the
// parent asked is refused by the box, and nothing is saved.
func TestSchoolNotNamedInTheFinalPlan(t *testing.T) {
	tb := startRecordOnPhone(t, "Ava")
	ehcPlanIssued(tb, "9", "1", "2023")
	tb.waitPath("/plan/review")
	tb.fillDate("date", "4", "11", "2025")
	tb.continueTo("/plan/dates")
	tb.fillDate("amended-final", "27", "1", "2026")
	tb.fillDate("school-asked", "4", "11", "2025")
	tb.fillDate("school-named", "1", "10", "2025")
	tb.click("form button[type=submit]")
	tb.waitForText("#error-summary", "This must be on or after the date you asked for a school")
	tb.waitForText("#school-named-error", "This must be on or after the date you asked for a school")
	screenshot(t, tb, "school-error")
	if c, _ := storedCase(tb); !c.Plans[0].Process.AmendedFinalIssued.IsZero() || !c.Plans[0].Process.PlacementRequested.IsZero() {
		t.Errorf("a page with an error saved some of its dates: %+v", c.Plans[0].Process)
	}
	tb.fillDate("school-named", "", "", "")
	tb.continueTo("/tasks")
	// Back shows what was saved, and saving it again changes nothing.
	tb.back("/plan/dates")
	if got := eval[string](tb, "reading the school boxes", `["school-asked-day","school-asked-month","school-asked-year","school-named-day"].
		map(id => document.getElementById(id).value).join(" ")`); got != "4 11 2025 " {
		t.Errorf("after Back the school boxes show %q, want 4 11 2025 and an empty named date", got)
	}
	tb.continueTo("/tasks")

	row := func() string {
		goTo(tb, "/deadlines")
		waitText(tb, "A school or other place named in the plan when it is made final")
		return eval[string](tb, "reading the school's deadline", `[...document.querySelectorAll(".deadline-row")].
			find(r => r.querySelector(".deadline-rule-text").innerText.startsWith("A school or other place")).innerText.replace(/\s+/g, " ")`)
	}
	if got := row(); !strings.Contains(got, "27 January 2026") || !strings.Contains(got, "Overdue") {
		t.Errorf("the school's deadline reads %q, want due 27 January 2026 and overdue", got)
	}
	screenshot(t, tb, "deadlines")
	tb.reload()
	goTo(tb, "/plan/dates")
	tb.fillDate("school-named", "24", "3", "2026")
	tb.continueTo("/tasks")
	if got := row(); !strings.Contains(got, "24 March 2026") || !strings.Contains(got, "Done late") || !strings.Contains(got, "8 weeks") {
		t.Errorf("the school's deadline reads %q, want done 24 March 2026, late by 8 weeks", got)
	}
	c, _ := storedCase(tb)
	if pd := c.Plans[0].Process; pd.PlacementRequested != calc.MustDate(2025, 11, 4) || pd.PlacementNamed != calc.MustDate(2026, 3, 24) ||
		pd.AmendedFinalIssued != calc.MustDate(2026, 1, 27) {
		t.Errorf("stored dates: %+v", pd)
	}
	checkAxe(t, tb)
}
