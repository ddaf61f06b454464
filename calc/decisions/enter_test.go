package decisions

import (
	"path/filepath"
	"testing"
)

func loadAll(t testing.TB) []Decision {
	t.Helper()
	ds, err := Load(filepath.Join("..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestEnterAllValid(t *testing.T) {
	in, out := EnterAll(loadAll(t))
	for _, e := range in {
		if probs := calcValidate(e.Case); len(probs) > 0 {
			t.Errorf("%s: %v", e.Decision.Ref, probs)
		}
	}
	for _, n := range out {
		t.Logf("not entered %s: %s", n.Decision.Ref, n.Why)
	}
	t.Logf("%d entered, %d not", len(in), len(out))
}
