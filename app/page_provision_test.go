//go:build !js

package main

import (
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// Component tests of adding, changing and removing the help in the plan:
// the steps fill book.draft, and only the check page puts it in the record.

// draftJSON is the draft as it stands, to show a refused step left it as
// it was.
func draftJSON(t *testing.T) string {
	t.Helper()
	if book.draft == nil {
		t.Fatal("no draft")
	}
	data, err := json.Marshal(*book.draft)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// newDraft opens a new draft as the list's "Add" link does.
func newDraft(t *testing.T) {
	t.Helper()
	(&provisionTypePage{provisionStep: provisionStep{book: book}}).load(url.Values{"new": {"1"}})
	if book.draft == nil || !book.draftIsNew {
		t.Fatal("?new=1 did not open a new draft")
	}
}

func TestProvisionPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	if text := renderText(t, &provisionsPage{book: book}); !strings.Contains(text, "Start a record first") {
		t.Errorf("list without a record: %s", text)
	}
	steps := map[string]interface {
		app.Composer
		load(url.Values)
	}{
		"type": &provisionTypePage{provisionStep: provisionStep{book: book}}, "section": &provisionSectionPage{provisionStep: provisionStep{book: book}}, "wording": &provisionWordingPage{provisionStep: provisionStep{book: book}},
		"amount": &provisionAmountPage{provisionStep: provisionStep{book: book}}, "weeks": &provisionWeeksPage{provisionStep: provisionStep{book: book}}, "dates": &provisionDatesPage{provisionStep: provisionStep{book: book}},
		"provider": &provisionProviderPage{provisionStep: provisionStep{book: book}}, "indirect": &provisionIndirectPage{provisionStep: provisionStep{book: book}}, "check": &provisionCheckPage{provisionStep: provisionStep{book: book}},
	}
	for name, p := range steps {
		p.load(url.Values{"new": {"1"}})
		if book.draft != nil {
			t.Errorf("%s: a draft was opened with no record", name)
		}
		if text := renderText(t, p); !strings.Contains(text, "We could not find the help you were adding") {
			t.Errorf("%s step without a record: %s", name, text)
		}
	}
	if (&provisionCheckPage{provisionStep: provisionStep{book: book}}).save() {
		t.Error("the check page saved with no draft")
	}
}

func TestProvisionFlowSavesExactlyWhatWasTyped(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	before := logsSaved(t)
	newDraft(t)

	typ := &provisionTypePage{provisionStep: provisionStep{book: book}}
	typ.load(url.Values{})
	typ.kind = string(calc.TypeSALT)
	section := &provisionSectionPage{provisionStep: provisionStep{book: book}}
	section.load(url.Values{})
	if section.section != string(calc.SectionF) {
		t.Errorf("new help starts in section %q, want F", section.section)
	}
	section.section = string(calc.SectionG)
	wording := &provisionWordingPage{provisionStep: provisionStep{book: book}}
	wording.load(url.Values{})
	wording.wording = "  2 hours of <b>speech</b> & language therapy a month <script>alert(1)</script>\n"
	amount := &provisionAmountPage{provisionStep: provisionStep{book: book}}
	amount.load(url.Values{})
	if amount.unit != string(calc.UnitSessions) || amount.count != "" {
		t.Errorf("a new amount shows %q %q, want sessions and no number", amount.count, amount.unit)
	}
	amount.count, amount.unit, amount.per = " 2 ", string(calc.UnitHours), string(calc.PerMonth)
	weeks := &provisionWeeksPage{provisionStep: provisionStep{book: book}}
	weeks.load(url.Values{})
	weeks.weeks, weeks.weekday, weeks.minutes = string(calc.AllYear), "tuesday", "45"
	dates := &provisionDatesPage{provisionStep: provisionStep{book: book}}
	dates.load(url.Values{})
	dates.start, dates.end = dt("6", "3", "2023"), dt("1", "3", "2024")
	provider := &provisionProviderPage{provisionStep: provisionStep{book: book}}
	provider.load(url.Values{})
	provider.provider, provider.price = " Company A ", "£85.50"
	indirect := &provisionIndirectPage{provisionStep: provisionStep{book: book}}
	indirect.load(url.Values{})
	if indirect.includes != "" || indirect.missed != "" {
		t.Errorf("new help has indirect answers %q %q before the parent gives them", indirect.includes, indirect.missed)
	}
	indirect.includes, indirect.missed = "yes", "yes"

	for name, save := range map[string]func() bool{"type": typ.save, "section": section.save, "wording": wording.save} {
		if !save() {
			t.Fatalf("%s: %v", name, book.draft)
		}
	}
	for _, s := range []struct {
		name string
		save func() bool
		errs *formErrors
	}{
		{"amount", amount.save, &amount.errs}, {"weeks", weeks.save, &weeks.errs}, {"dates", dates.save, &dates.errs},
		{"provider", provider.save, &provider.errs}, {"indirect", indirect.save, &indirect.errs},
	} {
		if !s.save() {
			t.Fatalf("%s: %v", s.name, *s.errs)
		}
	}
	if after := logsSaved(t); after != before {
		t.Fatal("a step changed the record before the check page")
	}

	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{})
	text := renderText(t, check)
	for _, want := range []string{"Speech and language therapy", "Section G", "2 hours a month, all year, 45 minutes each",
		"Tuesday", "6 March 2023 to 1 March 2024", "Company A", "£85.50", "Yes, and it was missed"} {
		if !strings.Contains(text, want) {
			t.Errorf("the check page does not show %q:\n%s", want, text)
		}
	}
	if html := app.HTMLString(check); strings.Contains(html, "<script>alert") || !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the typed words are not shown literally:\n%s", html)
	}
	if !check.save() {
		t.Fatalf("check: %v", check.errs)
	}
	if book.draft != nil {
		t.Error("the draft is still open after saving")
	}

	list := book.current().Plans[0].Provisions
	if len(list) != 1 {
		t.Fatalf("%d provisions, want the 1 added", len(list))
	}
	got := list[0]
	want := calc.Provision{
		ID: "provision-1", Section: calc.SectionG, Type: calc.TypeSALT,
		Wording:   "2 hours of <b>speech</b> & language therapy a month <script>alert(1)</script>",
		Frequency: calc.Frequency{Count: 2, Unit: calc.UnitHours, Per: calc.PerMonth}, SessionMinutes: 45,
		Weeks: calc.AllYear, Weekdays: []string{"tuesday"},
		Start: calc.MustDate(2023, 3, 6), End: calc.MustDate(2024, 3, 1), Provider: "Company A",
		IncludesIndirect: true, IndirectMissed: true,
	}
	if !got.PricePerSession.Equal(decimal.RequireFromString("85.50")) {
		t.Errorf("price %s, want 85.50", got.PricePerSession)
	}
	got.PricePerSession = decimal.Decimal{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("saved provision\n%+v\nwant\n%+v", got, want)
	}

	html := app.HTMLString(&provisionsPage{book: book})
	if strings.Contains(html, "<script>alert") || !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the list does not show the typed words literally:\n%s", html)
	}
	for _, link := range []string{"/provision/check?id=provision-1", "/provision/type?new=1", "/sessions"} {
		if !strings.Contains(html, link) {
			t.Errorf("the list has no link %s", link)
		}
	}
}

func TestProvisionStepBadAnswersChangeNothing(t *testing.T) {
	logsSeedBook(t)
	newDraft(t)
	typ, section, wording := &provisionTypePage{provisionStep: provisionStep{book: book}}, &provisionSectionPage{provisionStep: provisionStep{book: book}}, &provisionWordingPage{provisionStep: provisionStep{book: book}}
	amount, weeks, dates := &provisionAmountPage{provisionStep: provisionStep{book: book}}, &provisionWeeksPage{provisionStep: provisionStep{book: book}}, &provisionDatesPage{provisionStep: provisionStep{book: book}}
	provider, indirect := &provisionProviderPage{provisionStep: provisionStep{book: book}}, &provisionIndirectPage{provisionStep: provisionStep{book: book}}
	for _, p := range []interface{ load(url.Values) }{typ, section, wording, amount, weeks, dates, provider, indirect} {
		p.load(url.Values{})
	}
	// Good answers everywhere, then one wrong at a time.
	good := func() {
		typ.kind, section.section, wording.wording = "occupational_therapy", "F", "OT weekly"
		amount.count, amount.unit, amount.per = "1", "sessions", "week"
		weeks.weeks, weeks.weekday, weeks.minutes = "term_time", "", "45"
		dates.start, dates.end = dt("6", "3", "2023"), dateText{}
		provider.provider, provider.price = "Company A", "90"
		indirect.includes, indirect.missed = "no", ""
	}
	cases := []struct {
		name  string
		fill  func()
		save  func() bool
		errs  *formErrors
		field string
		msg   string
	}{
		{"no type", func() { typ.kind = "" }, typ.save, &typ.errs, "type", "Choose the kind of help"},
		{"no section", func() { section.section = "" }, section.save, &section.errs, "section", "Choose the section of the plan"},
		{"words too long", func() { wording.wording = strings.Repeat("a", 10001) }, wording.save, &wording.errs,
			"wording", "The words from the plan must be 10,000 characters or fewer"},
		{"no count", func() { amount.count = "" }, amount.save, &amount.errs, "count", "Enter the number of sessions or hours"},
		{"count 0", func() { amount.count = "0" }, amount.save, &amount.errs, "count", "The number must be 1 or more"},
		{"count -1", func() { amount.count = "-1" }, amount.save, &amount.errs, "count", "The number must be 1 or more"},
		{"count abc", func() { amount.count = "abc" }, amount.save, &amount.errs, "count", "The number must be a whole number, like 1 or 12"},
		{"10000 a week", func() { amount.count = "10000" }, amount.save, &amount.errs, "count", "This looks too many for one week"},
		{"no unit", func() { amount.unit = "" }, amount.save, &amount.errs, "unit", "Choose sessions or hours"},
		{"no how often", func() { amount.per = "" }, amount.save, &amount.errs, "per", "Choose how often"},
		{"no weeks", func() { weeks.weeks = "" }, weeks.save, &weeks.errs, "weeks", "Choose term time only or all year"},
		{"0 minutes", func() { weeks.minutes = "0" }, weeks.save, &weeks.errs, "minutes", "The length must be between 1 and 600 minutes"},
		{"601 minutes", func() { weeks.minutes = "601" }, weeks.save, &weeks.errs, "minutes", "The length must be between 1 and 600 minutes"},
		{"minutes abc", func() { weeks.minutes = "an hour" }, weeks.save, &weeks.errs, "minutes", "The length must be a whole number of minutes, like 45"},
		{"no start", func() { dates.start = dateText{} }, dates.save, &dates.errs, "start", "Enter the start date"},
		{"no such start", func() { dates.start = dt("31", "2", "2024") }, dates.save, &dates.errs, "start", "Start date must be a real date: February 2024 has no day 31"},
		{"two-number year", func() { dates.start = dt("6", "3", "23") }, dates.save, &dates.errs, "start", "Start date must have a year with 4 numbers, like 2024"},
		{"end before start", func() { dates.end = dt("1", "3", "2023") }, dates.save, &dates.errs, "end", "End date must be after the start date"},
		{"end on start", func() { dates.end = dt("6", "3", "2023") }, dates.save, &dates.errs, "end", "End date must be after the start date"},
		{"price 1e3", func() { provider.price = "1e3" }, provider.save, &provider.errs, "price",
			"The price: use only digits, one decimal point and commas between thousands"},
		{"price 1,000,000", func() { provider.price = "1,000,000" }, provider.save, &provider.errs, "price",
			"The price: the amount is too large: the most for one item is £100,000"},
		{"price -5", func() { provider.price = "-5" }, provider.save, &provider.errs, "price", "The price: the amount cannot be negative"},
		{"long provider", func() { provider.provider = strings.Repeat("a", 201) }, provider.save, &provider.errs, "provider",
			"The name must be 200 characters or fewer"},
		{"no indirect answer", func() { indirect.includes = "" }, indirect.save, &indirect.errs, "includes", "Choose yes or no"},
		{"indirect yes, missed not said", func() { indirect.includes, indirect.missed = "yes", "" }, indirect.save, &indirect.errs,
			"missed", "Choose yes if the indirect work was missed, or no if it was done"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			good()
			c.fill()
			draft := draftJSON(t)
			logsUnchanged(t, c.save)
			logsWantErrors(t, *c.errs, map[string]string{c.field: c.msg})
			if len(*c.errs) != 1 {
				t.Errorf("want one problem, got %v", *c.errs)
			}
			if after := draftJSON(t); after != draft {
				t.Errorf("a refused answer changed the draft:\nbefore %s\nafter  %s", draft, after)
			}
		})
	}
	if text := renderText(t, indirect); !strings.Contains(text, "There is a problem") {
		t.Error("no error summary on the page")
	}
}

// A step that was refused goes on once the answer is put right: the old
// message does not stay behind and hold it up.
func TestProvisionStepPutRightGoesOn(t *testing.T) {
	logsSeedBook(t)
	newDraft(t)
	typ := &provisionTypePage{provisionStep: provisionStep{book: book}}
	typ.load(url.Values{})
	if typ.save() || typ.save() {
		t.Fatal("no type was accepted")
	}
	if len(typ.errs) != 1 {
		t.Errorf("pressing Continue twice shows %d messages, want 1: %v", len(typ.errs), typ.errs)
	}
	typ.kind = string(calc.TypePhysio)
	if !typ.save() || len(typ.errs) != 0 || book.draft.Type != calc.TypePhysio {
		t.Errorf("the type put right was not saved: %v", typ.errs)
	}
}

func TestProvisionChangeReturnsToCheck(t *testing.T) {
	c := logsSeedBook(t)
	ot := c.Plans[0].Provisions[0]
	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{"id": {ot.ID}})
	if book.draft == nil || book.draftIsNew || book.draft.ID != ot.ID {
		t.Fatalf("Change on the list did not open %s: %+v", ot.ID, book.draft)
	}
	html := app.HTMLString(check)
	for _, step := range []string{"type", "section", "wording", "amount", "weeks", "dates", "provider", "indirect"} {
		if !strings.Contains(html, `href="/provision/`+step+`?return=/provision/check"`) {
			t.Errorf("no Change link to the %s step that comes back to the check page", step)
		}
	}

	// Following the Change link for the amount: the same draft, filled in.
	before := logsSaved(t)
	amount := &provisionAmountPage{provisionStep: provisionStep{book: book}}
	amount.load(url.Values{"return": {"/provision/check"}})
	if amount.count != "1" || amount.per != string(calc.PerWeek) || book.draft.ID != ot.ID {
		t.Fatalf("the amount page shows %q %q for %s", amount.count, amount.per, book.draft.ID)
	}
	amount.count = "2"
	if !amount.save() {
		t.Fatalf("amount: %v", amount.errs)
	}
	check.load(url.Values{})
	if text := renderText(t, check); !strings.Contains(text, "2 sessions a week, term time only") {
		t.Errorf("the check page does not show the changed amount:\n%s", text)
	}
	if logsSaved(t) != before {
		t.Fatal("the change reached the record before Save")
	}
	if !check.save() {
		t.Fatalf("check: %v", check.errs)
	}
	list := book.current().Plans[0].Provisions
	if len(list) != 1 || list[0].Frequency.Count != 2 {
		t.Fatalf("the change did not replace the help in place: %+v", list)
	}
	// Everything else, its sessions included, is as it was.
	list[0].Frequency.Count = ot.Frequency.Count
	if !reflect.DeepEqual(list[0], ot) {
		t.Errorf("the change touched other answers:\n%+v\nwant\n%+v", list[0], ot)
	}
}

func TestProvisionRemoveThenUndo(t *testing.T) {
	c := logsSeedCase(t)
	second := c.Plans[0].Provisions[0]
	second.ID, second.Type, second.Wording, second.CountPeriods = "salt", calc.TypeSALT, "SALT <i>weekly</i>", nil
	third := second
	third.ID, third.Type, third.Wording = "physio", calc.TypePhysio, "Physio"
	c.Plans[0].Provisions = append(c.Plans[0].Provisions, second, third)
	logsBook(t, &c)
	before := logsSaved(t)

	p := &provisionsPage{book: book}
	p.OnNav(app.Context{})
	p.remove(app.Context{}, "salt")
	ids := []string{}
	for _, pr := range book.current().Plans[0].Provisions {
		ids = append(ids, pr.ID)
	}
	if !reflect.DeepEqual(ids, []string{"ot", "physio"}) {
		t.Fatalf("after removing the second: %v", ids)
	}
	html := app.HTMLString(p)
	if !strings.Contains(html, "You removed Speech and language therapy.") || !strings.Contains(html, ">Undo<") {
		t.Errorf("no Undo notice:\n%s", html)
	}
	if strings.Contains(html, "SALT &lt;i&gt;weekly") {
		t.Error("the removed help is still listed")
	}
	p.undo(app.Context{}, app.Event{})
	if after := logsSaved(t); after != before {
		t.Errorf("Undo did not put the help back where it was:\nbefore %s\nafter  %s", before, after)
	}
	if book.removed != nil || strings.Contains(renderText(t, p), "You removed") {
		t.Error("Undo is still offered after undoing")
	}

	// Help no longer there (removed in another tab) does nothing.
	p.remove(app.Context{}, "gone")
	if logsSaved(t) != before || book.removed != nil {
		t.Error("removing a position that is not there changed something")
	}
	// Leaving the page ends the offer of Undo.
	p.remove(app.Context{}, "ot")
	p.OnNav(app.Context{})
	if book.removed != nil {
		t.Error("Undo is still offered after leaving the list")
	}
}

func TestProvisionListEmptyAndIDs(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	text := renderText(t, &provisionsPage{book: book})
	if !strings.Contains(text, "You have not added any help yet.") || !strings.Contains(text, "Add help from the plan") {
		t.Errorf("an empty list: %s", text)
	}
	if strings.Contains(text, "Continue to sessions") {
		t.Error("an empty list offers to go on to sessions")
	}
	// A new id is never one in use, even after a removal left a gap.
	c.Plans[0].Provisions = []calc.Provision{{ID: "provision-2"}, {ID: "provision-3"}}
	for _, p := range c.Plans[0].Provisions {
		if calc.NewProvisionID(c) == p.ID {
			t.Errorf("new id %q is in use", p.ID)
		}
	}
}

// Going back to the list drops an unsaved change: Change then starts again
// from the saved provision.
func TestListDropsUnsavedProvisionChange(t *testing.T) {
	logsSeedBook(t)
	saved, _ := book.provision("ot")
	step := &provisionWordingPage{provisionStep: provisionStep{book: book}}
	step.load(url.Values{"id": {"ot"}})
	step.wording = "changed but never saved"
	if !step.save() {
		t.Fatalf("the step refused: %v", step.errs)
	}
	(&provisionsPage{book: book}).OnNav(app.Context{})
	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{"id": {"ot"}})
	if book.draft == nil || book.draft.Wording != saved.Wording {
		t.Fatalf("Change shows %+v, want the saved wording %q", book.draft, saved.Wording)
	}
}

// Help added in two tabs at once: each draft was given the same new id,
// and the second saved is given another, so neither overwrites the other.
func TestHelpAddedInTwoTabsAtOnce(t *testing.T) {
	o := twoTabs(t, logsSeedCase(t))
	newDraft(t)
	mine := book.draft.ID
	theirs := calc.Provision{ID: mine, Section: calc.SectionF, Type: calc.TypeOT, Wording: "OT added in the other tab",
		Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.TermTime,
		Outcomes: []calc.Outcome{{Date: calc.MustDate(2023, 3, 6), Status: calc.StatusMissed}}}
	o.change(func(c *calc.Case) { c.Plans[0].Provisions = append(c.Plans[0].Provisions, theirs) })
	d := book.draft
	d.Type, d.Wording, d.Weeks = calc.TypeSALT, "SaLT added here", calc.TermTime
	d.Frequency = calc.Frequency{Count: 2, Unit: calc.UnitSessions, Per: calc.PerMonth}
	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{})
	if !check.save() {
		t.Fatalf("not saved: %v %v", check.errs, book.draftClash)
	}
	byWords := map[string]calc.Provision{}
	for _, p := range o.stored().Plans[0].Provisions {
		byWords[p.Wording] = p
	}
	got, kept := byWords["SaLT added here"], byWords["OT added in the other tab"]
	if kept.ID != mine || len(kept.Outcomes) != 1 || kept.Type != calc.TypeOT {
		t.Errorf("the other tab's new help was changed: %+v", kept)
	}
	if got.ID == "" || got.ID == mine || len(got.Outcomes) != 0 {
		t.Errorf("the help added here has id %q (the other's is %q), %d records", got.ID, mine, len(got.Outcomes))
	}
}
