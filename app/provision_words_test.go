//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"

	"provisiontracker/calc"
)

// TestProvisionNames checks that the pages name help as the letters do:
// the parent's own name, else its kind, never an internal ID, and two of
// the same kind told apart.
func TestProvisionNames(t *testing.T) {
	c := logCase()
	therapy := func(id, name string) calc.Provision {
		return calc.Provision{ID: id, Name: name, Section: calc.SectionF, Type: calc.TypeTherapy,
			Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.TermTime,
			Start: calc.MustDate(2024, 1, 8), End: calc.MustDate(2024, 3, 1)}
	}
	c.Plans[0].Provisions = append(c.Plans[0].Provisions, therapy("provision-2", ""), therapy("provision-3", ""))
	logsBook(t, &c)
	text := renderText(t, &sessionsPage{book: book})
	for _, want := range []string{"Occupational therapy", "Therapy (first)", "Therapy (second)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sessions page lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "provision-2") {
		t.Errorf("the sessions page shows an internal ID: %s", text)
	}

	// The parent names one on the provider page.
	p := &provisionProviderPage{provisionStep: provisionStep{book: book}}
	p.load(url.Values{"id": {"provision-3"}})
	p.name = "  Theraplay   for us "
	if !p.save() || book.draft.Name != "Theraplay for us" {
		t.Fatalf("name not kept: %v %+v", p.errs, book.draft)
	}
	check := &provisionCheckPage{provisionStep: provisionStep{book: book}}
	check.load(url.Values{})
	if !check.save() {
		t.Fatalf("saving the help: %v", check.errs)
	}
	if pr, _ := book.provision("provision-3"); pr.Name != "Theraplay for us" {
		t.Fatalf("the saved help has name %q", pr.Name)
	}
	if text := renderText(t, &sessionsPage{book: book}); !strings.Contains(text, "Theraplay for us") || strings.Contains(text, "Therapy (second)") {
		t.Errorf("the sessions page does not use the parent's name: %s", text)
	}
	p.load(url.Values{"id": {"provision-3"}})
	p.name = strings.Repeat("a", 201)
	if p.save() || p.errs.of("name") == "" {
		t.Errorf("a 201-character name was accepted")
	}
}

// TestIndirectMissedOnlyAfterYes checks that "Was the indirect work
// missed?" is asked only after "Yes".
func TestIndirectMissedOnlyAfterYes(t *testing.T) {
	c := logCase()
	logsBook(t, &c)
	p := &provisionIndirectPage{provisionStep: provisionStep{book: book}}
	p.load(url.Values{"id": {"ot"}})
	for answer, asked := range map[string]bool{"no": false, "": false, "yes": true} {
		p.includes = answer
		if got := strings.Contains(renderText(t, p), "Was the indirect work missed?"); got != asked {
			t.Errorf("after %q the page asks whether it was missed: %v, want %v", answer, got, asked)
		}
	}
}

// TestCarePlanSectionQuestion checks that help in a care plan is not
// asked "Which section of the plan is it in?" with Section F offered.
func TestCarePlanSectionQuestion(t *testing.T) {
	c := logCase()
	c.Plans[0].Kind = calc.PlanCarePlan
	logsBook(t, &c)
	p := &provisionSectionPage{provisionStep: provisionStep{book: book}}
	p.load(url.Values{"id": {"ot"}})
	text := renderText(t, p)
	if strings.Contains(text, "Which section") || strings.Contains(text, "Section F") || !strings.Contains(text, "Who must give this help?") {
		t.Errorf("care-plan help is asked about sections: %s", text)
	}
	p.section = string(calc.SectionH)
	if !p.save() || book.draft.Section != calc.SectionH {
		t.Errorf("social care not kept: %v", p.errs)
	}
}

// TestStage3OnlyForSocialCare checks that the review panel (stage 3) is
// offered only when the case has children's social care, or its dates
// are already recorded.
func TestStage3OnlyForSocialCare(t *testing.T) {
	c := logCase() // an EHC plan with Section F help
	if skipStage3(c, "/complaint/stage3", "/complaint/ombudsman") != "/complaint/ombudsman" {
		t.Error("an EHC case is sent to the review panel")
	}
	for _, q := range complaintStepsFor(c) {
		if q.path == "/complaint/stage3" {
			t.Error("the review panel is listed for an EHC case")
		}
	}
	c.Complaint.Stage3Requested = calc.MustDate(2023, 8, 1)
	if n := len(complaintStepsFor(c)); n != len(complaintSteps) {
		t.Error("recorded stage 3 dates are hidden")
	}
	c = logCase()
	c.Plans[0].Kind = calc.PlanCarePlan
	if skipStage3(c, "/complaint/stage3", "/complaint/ombudsman") != "/complaint/stage3" {
		t.Error("a care-plan case is not offered the review panel")
	}
}

// Every kind of help calc prices can be chosen, and each choice is a
// kind calc accepts.
func TestEveryKindOfHelpCanBeChosen(t *testing.T) {
	offered := map[string]bool{}
	for _, o := range provisionTypes {
		offered[o.Value] = true
		c := newCase("Sam")
		c.Plans = []calc.Plan{{ID: "plan-1", Kind: calc.PlanEHC, Issued: calc.MustDate(2023, 1, 9), Provisions: []calc.Provision{{
			ID: "provision-1", Section: calc.SectionF, Type: calc.ProvisionType(o.Value), Weeks: calc.TermTime,
			Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}}}}}
		for _, p := range calc.Validate(c) {
			if strings.Contains(p.Path, "type") {
				t.Errorf("%q is offered but calc refuses it: %s", o.Label, p.Message)
			}
		}
	}
	for _, k := range []calc.ProvisionType{calc.TypeOT, calc.TypeSALT, calc.TypePhysio, calc.TypeOneToOne,
		calc.TypeSpecialistTeaching, calc.TypeTherapy, calc.TypeTuition, calc.TypeOther,
		calc.TypeShortBreaks, calc.TypeDirectPayments, calc.TypeTransport, calc.TypeAlternative} {
		if !offered[string(k)] {
			t.Errorf("a parent cannot choose %s", calc.TypeName(k))
		}
	}
}
