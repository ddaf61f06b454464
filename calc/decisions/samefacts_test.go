package decisions

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"provisiontracker/calc"

	"github.com/shopspring/decimal"
)

// delayDecision is a delay-only decision entered from the same facts
// whatever it paid.
func delayDecision(t *testing.T, ref string, paid int64) Entered {
	t.Helper()
	d := Decision{Ref: ref, DecisionDate: "2025-03-01", Category: "delay_only", PlanKind: "ehc_plan",
		Facts:  Facts{Delays: []DelayFact{{What: "EHC plan issued late"}}},
		Remedy: Remedy{Items: []Item{{Amount: decimal.NewFromInt(paid), Category: CatDistress}}}}
	en, no := Enter(d)
	if no != nil {
		t.Fatalf("%s not entered: %s", ref, no.Why)
	}
	return en
}

func TestSameFacts(t *testing.T) {
	ents := []Entered{delayDecision(t, "1", 150), delayDecision(t, "2", 200), delayDecision(t, "3", 300)}
	// Another decision with other facts (a longer delay) is not in the group.
	longer := delayDecision(t, "4", 150)
	longer.Case.Plans[0].Process.AssessmentRequested = longer.Case.Plans[0].Process.AssessmentRequested.AddDays(-70)
	ents = append(ents, longer)

	gs := SameFacts(ents, calc.SeedRules(), 3)
	if len(gs) != 1 {
		t.Fatalf("%d groups, want 1: %+v", len(gs), gs)
	}
	g := gs[0]
	if strings.Join(g.Refs, " ") != "1 2 3" || g.Category != "delay_only" {
		t.Errorf("group %v (%s)", g.Refs, g.Category)
	}
	// Paid 150, 200 and 300: £171.43 is 14.3% off 150 and 200 and 43% off
	// 300, a median of 14.3%; moving it brings it nearer one of the first
	// two and further from the other. [150, 450] holds all three.
	if !g.Best.Equal(decimal.NewFromInt(171)) || g.BestError < 0.142 || g.BestError > 0.143 || g.Width3 != 1 {
		t.Errorf("best £%s, %.4f off, a range 3 wide holds %.2f", g.Best, g.BestError, g.Width3)
	}
	// With 1,200 for the third, a range 3 wide holds two of the three.
	ents[2] = delayDecision(t, "3", 1200)
	if g := SameFacts(ents, calc.SeedRules(), 3)[0]; math.Abs(g.Width3-2.0/3) > 1e-9 {
		t.Errorf("a range 3 wide holds %.2f of 150, 200 and 1,200", g.Width3)
	}
	var b bytes.Buffer
	WriteSameFacts(&b, gs)
	if !strings.Contains(b.String(), "3 decisions (delay_only) paid £150.00 to £300.00: the best single figure, £171.00, is 14% off") {
		t.Errorf("printed:\n%s", b.String())
	}
	if len(SameFacts(ents, calc.SeedRules(), 4)) != 0 {
		t.Error("a group smaller than the minimum was listed")
	}
}
