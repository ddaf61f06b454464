package decisions

import (
	"os"
	"path/filepath"
	"testing"

	"provisiontracker/calc"
)

// FuzzParse feeds the decisions parser arbitrary input: it must never
// panic, and whatever it accepts must enter (or be refused) without
// panicking and give a valid case file.
func FuzzParse(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("..", "data", "decisions.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`[{"ref":"12 345 678","url":"https://x","plan_kind":"ehc_plan","facts":{"provisions":[{"type":"speech therapy","period_start":"2024-13"}]},"remedy":{"items":[{"amount":1,"category":"distress"}]}}]`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := Parse(data)
		if err != nil {
			return
		}
		for _, d := range ds {
			en, no := Enter(d)
			if no != nil {
				continue
			}
			if probs := calc.Validate(en.Case); len(probs) > 0 {
				t.Fatalf("%s: entered case is invalid: %v", d.Ref, probs)
			}
		}
	})
}

func BenchmarkLeaveOneOut(b *testing.B) {
	ents, _ := EnterAll(loadAll(b))
	for b.Loop() {
		LeaveOneOut(ents, calc.SeedRules())
	}
}
