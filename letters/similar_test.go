package letters

import (
	"strings"
	"testing"

	"provisiontracker/calc"
)

func citedParagraph(l Letter) (string, int) {
	n := 0
	text := ""
	for _, bl := range l.Blocks {
		if strings.HasPrefix(bl.Text, "Decisions like mine:") {
			n++
			text = bl.Text
		}
	}
	return text, n
}

// The stage 2 letter and the Ombudsman form cite the nearest decisions
// (at most two, made by the letter's date) as the parent's own point; the
// stage 1 letter does not.
func TestLettersCiteNearestDecisions(t *testing.T) {
	c := loadCase(t, "../calc/testdata/seeds/notts-23-009-620.json")
	today := calc.MustDate(2024, 1, 22)
	cited := Cited(c, false, today)
	if len(cited) != MaxCited {
		t.Fatalf("%d decisions cited, want %d", len(cited), MaxCited)
	}
	for _, k := range []Kind{CouncilStage1, CouncilStage2, OmbudsmanForm} {
		l, err := Build(k, c, goldenInputs(), today)
		if err != nil {
			t.Fatal(err)
		}
		text, n := citedParagraph(l)
		if k == CouncilStage1 {
			if n != 0 {
				t.Errorf("stage 1 cites decisions: %q", text)
			}
			continue
		}
		if n != 1 {
			t.Fatalf("%s: %d paragraphs citing decisions", k, n)
		}
		for _, m := range cited {
			d := m.Decision
			if d.Date.After(today) {
				t.Errorf("cites %s, decided after the letter", d.Ref)
			}
			if !strings.Contains(text, "decision "+d.Ref+" ("+d.Council+", "+d.Date.Long()+")") ||
				!strings.Contains(text, calc.FormatMoney(d.Total())) {
				t.Errorf("%s: %q does not cite %s with its amount", k, text, d.Ref)
			}
		}
		if !strings.Contains(text, "each case is decided on its own facts") || strings.Contains(text, "will get") {
			t.Errorf("%s: %q reads as a promise", k, text)
		}
		if (k == OmbudsmanForm) != strings.Contains(text, "you recommended") {
			t.Errorf("%s: %q is not worded for its reader", k, text)
		}
	}
	// A care-plan case cites only care-side decisions in its social-care form.
	care := loadCase(t, "../calc/testdata/seeds/bromley-23-008-648.json")
	for _, m := range Cited(care, true, calc.MustDate(2023, 6, 30)) {
		if m.Decision.Plan != calc.PlanCarePlan && !m.Decision.Has("social_care") {
			t.Errorf("social-care letter cites %s (%s)", m.Decision.Ref, m.Decision.Plan)
		}
	}
	// Too little recorded: nothing is cited.
	if got := Cited(calc.Case{SchemaVersion: calc.SchemaVersion}, false, today); len(got) != 0 {
		t.Errorf("an empty case cites %d decisions", len(got))
	}
}
