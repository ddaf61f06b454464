//go:build !js

package main

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// Plans over time on screen: the list of plans, adding a newer plan with
// help carried forward, and every plan and provision page finding its
// plan by id.

// phaseCase is a final plan of 1 September 2022 with weekly speech and
// language therapy from 6 February 2023, two sessions missed.
func phaseCase() calc.Case {
	c := newCase("Ava")
	c.Plans[0].Issued = calc.MustDate(2022, 9, 1)
	c.Plans[0].Provisions = []calc.Provision{{ID: "provision-1", Section: calc.SectionF, Type: calc.TypeSALT,
		Wording: "Weekly SALT", Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek},
		Weeks: calc.TermTime, Weekdays: []string{"monday"}, Start: calc.MustDate(2023, 2, 6),
		Outcomes: []calc.Outcome{{Date: calc.MustDate(2023, 2, 6), Status: calc.StatusMissed},
			{Date: calc.MustDate(2023, 2, 13), Status: calc.StatusMissed}}}}
	return c
}

func TestAddNewerPlanCarriesHelpForward(t *testing.T) {
	c := phaseCase()
	logsBook(t, &c)
	before := book.current().Plans[0].Provisions[0].Outcomes

	p := &planNewPage{book: book}
	renderText(t, p) // go-app draws a page before its OnNav
	p.OnNav(app.Context{})
	text := renderText(t, p)
	if !strings.Contains(text, "follows the EHC plan of 1 September 2022") || !strings.Contains(text, "Speech and language therapy") {
		t.Fatalf("the newer-plan page: %s", text)
	}
	// A date before the older plan is refused, with nothing stored.
	saved := logsSaved(t)
	p.date = dt("1", "5", "2022")
	if _, ok := p.save(); ok || !strings.Contains(p.errs.of("date"), "after the older plan") || logsSaved(t) != saved {
		t.Fatalf("a newer plan dated before the older one: ok=%v errs=%v", ok, p.errs)
	}
	p.date, p.title = dt("24", "5", "2023"), "amended plan after the phase transfer"
	*p.carry["provision-1"] = true
	id, ok := p.save()
	if !ok {
		t.Fatalf("refused: %v", p.errs)
	}
	got := book.current()
	if id != "plan-2" || len(got.Plans) != 2 || got.Plans[0].Ended != calc.MustDate(2023, 5, 23) {
		t.Fatalf("plans after adding: %+v", got.Plans)
	}
	if !reflect.DeepEqual(got.Plans[0].Provisions[0].Outcomes, before) {
		t.Error("the older plan's session records changed")
	}
	carried := got.Plans[1].Provisions
	if len(carried) != 1 || carried[0].ID == "provision-1" || carried[0].Start != calc.MustDate(2023, 5, 24) || len(carried[0].Outcomes) > 0 {
		t.Fatalf("carried: %+v", carried)
	}

	// Correcting the newer plan's date moves the older plan's end along.
	issued := &planIssuedPage{planDatePage{book: book, q: planIssued}}
	issued.load(url.Values{"plan": {"plan-2"}})
	issued.date = dt("5", "6", "2023")
	if !issued.save() {
		t.Fatalf("refused: %v", issued.errs)
	}
	moved := book.current()
	if moved.Plans[0].Ended != calc.MustDate(2023, 6, 4) || moved.Plans[0].Provisions[0].End != calc.MustDate(2023, 6, 4) ||
		moved.Plans[1].Provisions[0].Start != calc.MustDate(2023, 6, 5) {
		t.Errorf("after moving the newer plan to 5 June 2023: older ends %s, its help %s, carried help starts %s",
			moved.Plans[0].Ended, moved.Plans[0].Provisions[0].End, moved.Plans[1].Provisions[0].Start)
	}
	issued.date = dt("24", "5", "2023")
	if !issued.save() {
		t.Fatalf("refused: %v", issued.errs)
	}

	list := renderText(t, &plansPage{book: book})
	for _, want := range []string{"EHC plan", "From 1 September 2022 to 23 May 2023", "Amended plan after the phase transfer", "From 24 May 2023", "1 kind of help in it", "Add a newer plan"} {
		if !strings.Contains(list, want) {
			t.Errorf("the plans list lacks %q: %s", want, list)
		}
	}
	if html := app.HTMLString(&plansPage{book: book}); !strings.Contains(html, `href="/plan/kind?plan=plan-2"`) {
		t.Errorf("no Change link for the newer plan by its id:\n%s", html)
	}
}

func TestPlanPagesEditThePlanInTheAddress(t *testing.T) {
	c := phaseCase()
	c.Plans[0].Provisions[0].End = calc.MustDate(2023, 5, 23)
	c.Plans = append(c.Plans, calc.Plan{ID: "plan-2", Kind: calc.PlanEHC, Issued: calc.MustDate(2023, 5, 24)})
	logsBook(t, &c)

	dates := &planDatesPage{book: book}
	dates.load(url.Values{"plan": {"plan-2"}})
	dates.phase = "2023"
	dates.dates[5] = dt("24", "5", "2023") // the final amended plan
	if !dates.save() {
		t.Fatalf("refused: %v", dates.errs)
	}
	got := book.current()
	if got.Plans[1].Process.PhaseTransferYear != 2023 || got.Plans[1].Process.AmendedFinalIssued != calc.MustDate(2023, 5, 24) {
		t.Errorf("plan-2 process: %+v", got.Plans[1].Process)
	}
	if got.Plans[0].Process != (calc.ProcessDates{}) {
		t.Errorf("plan-1 changed: %+v", got.Plans[0].Process)
	}
	if dates.listPath(book) != "/plans" || dates.path("/plan/review") != "/plan/review?plan=plan-2" {
		t.Errorf("links: %s %s", dates.listPath(book), dates.path("/plan/review"))
	}

	// The older plan's date, moved after the newer one's, is refused with
	// calc's words next to the date.
	issued := &planIssuedPage{planDatePage{book: book, q: planIssued}}
	issued.load(url.Values{"plan": {"plan-1"}})
	if issued.date != dateTextOf(calc.MustDate(2022, 9, 1)) {
		t.Fatalf("plan-1's date shown as %+v", issued.date)
	}
	saved := logsSaved(t)
	issued.date = dt("1", "6", "2023")
	if issued.save() || !strings.Contains(issued.errs.of("date"), "date order") || logsSaved(t) != saved {
		t.Errorf("unordered plans: %v", issued.errs)
	}

	// No plan in the address: the newest. An id not in the record: a page
	// that says so, and nothing saved.
	kind := &planKindPage{book: book}
	kind.load(nil)
	if i := kind.index(book.current()); i != 1 {
		t.Errorf("with no id the page is about plan %d", i)
	}
	kind.load(url.Values{"plan": {"plan-9"}})
	if text := renderText(t, kind); !strings.Contains(text, "We could not find this plan") {
		t.Errorf("a missing plan: %s", text)
	}
	kind.kind = string(calc.PlanCarePlan)
	if kind.save() || logsSaved(t) != saved {
		t.Error("saved into a plan that is not there")
	}
}

// An imported record with a second plan: changing its help keeps it in
// that plan with its sessions, the record stays valid, and new help goes
// into the plan the parent chose (else the newest).
func TestProvisionOfSecondPlan(t *testing.T) {
	c := phaseCase()
	second := c.Plans[0].Provisions[0]
	second.ID, second.Start = "provision-7", calc.MustDate(2023, 6, 5)
	second.Outcomes = []calc.Outcome{{Date: calc.MustDate(2023, 6, 5), Status: calc.StatusDelivered}}
	c.Plans[0].Ended = calc.MustDate(2023, 5, 23)
	c.Plans[0].Provisions[0].End = calc.MustDate(2023, 5, 23)
	c.Plans = append(c.Plans, calc.Plan{ID: "plan-2", Kind: calc.PlanEHC, Issued: calc.MustDate(2023, 5, 24), Provisions: []calc.Provision{second}})
	logsBook(t, &c)

	wording := &provisionWordingPage{provisionStep: provisionStep{book: book}}
	wording.load(url.Values{"id": {"provision-7"}})
	if book.draft == nil || book.draft.ID != "provision-7" {
		t.Fatal("the second plan's help did not open")
	}
	wording.wording = "Weekly SALT, 45 minutes"
	if !wording.save() {
		t.Fatal(wording.errs)
	}
	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{"id": {"provision-7"}})
	if !check.save() {
		t.Fatalf("refused: %v", check.errs)
	}
	got := book.current()
	if problems := calc.Validate(got); len(problems) > 0 {
		t.Fatalf("the record is not valid: %v", problems)
	}
	if len(got.Plans[1].Provisions) != 1 || got.Plans[1].Provisions[0].Wording != "Weekly SALT, 45 minutes" ||
		len(got.Plans[1].Provisions[0].Outcomes) != 1 || len(got.Plans[0].Provisions) != 1 || got.Plans[0].Provisions[0].Wording != "Weekly SALT" {
		t.Fatalf("after the change: %+v", got.Plans)
	}

	// New help: into the plan named in the address, else the newest.
	for _, tc := range []struct {
		q    url.Values
		plan int
	}{{url.Values{"new": {"1"}, "plan": {"plan-1"}}, 0}, {url.Values{"new": {"1"}}, 1}} {
		(&provisionTypePage{provisionStep: provisionStep{book: book}}).load(tc.q)
		d := book.draft
		d.Type, d.Frequency, d.Weeks, d.Start = calc.TypeOT, calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerMonth}, calc.TermTime, calc.MustDate(2023, 1, 9)
		if tc.plan == 1 {
			d.Start = calc.MustDate(2023, 9, 4)
		} else {
			// Help in the older plan must stop when the newer one starts.
			if check.save() || !strings.Contains(check.errs.of("main"), "after its plan was replaced on 24 May 2023") {
				t.Fatalf("open-ended help in the older plan: %v", check.errs)
			}
			d.End = calc.MustDate(2023, 5, 23)
		}
		id := d.ID
		if !check.save() {
			t.Fatalf("new help refused: %v", check.errs)
		}
		if i := calc.PlanHolding(book.current(), id); i != tc.plan {
			t.Errorf("new help %s went into plan %d, want %d", id, i, tc.plan)
		}
	}

	// Remove and Undo put it back in its own plan.
	saved := logsSaved(t)
	list := &provisionsPage{book: book}
	list.remove(app.Context{}, "provision-7")
	if calc.PlanHolding(book.current(), "provision-7") >= 0 {
		t.Fatal("not removed")
	}
	list.undo(app.Context{}, app.Event{})
	if logsSaved(t) != saved {
		t.Error("Undo did not put the help back where it was")
	}
	if html := app.HTMLString(list); !strings.Contains(html, `/provision/type?new=1&plan=plan-2`) || !strings.Contains(html, "From 24 May 2023") {
		t.Errorf("the list does not group the help by plan:\n%s", html)
	}
}

func TestPlanNameKeepsWholeLetters(t *testing.T) {
	for title, want := range map[string]string{"": "EHC plan", "amended plan": "Amended plan", "éire plan": "Éire plan"} {
		if got := planName(calc.Plan{Kind: calc.PlanEHC, Title: title}); got != want {
			t.Errorf("planName(%q) = %q, want %q", title, got, want)
		}
	}
}
