package decisions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadShared(t *testing.T) {
	ds, err := Load(filepath.Join("..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) < 71 {
		t.Fatalf("%d decisions, want at least the 71 of ../shared/cases", len(ds))
	}
	n := 0
	for _, d := range ds {
		if d.Origin == "lgsco-dev-cases.json" || d.Origin == "lgsco-decisions.json" {
			n++
		}
	}
	if n != 71 {
		t.Errorf("%d decisions from ../shared/cases, want 16 + 55", n)
	}
	var ess Decision
	for _, d := range ds {
		if d.Ref == "24 022 763" {
			ess = d
		}
	}
	if ess.Council != "Essex County Council" || ess.Date().String() != "2025-10-30" || len(ess.Remedy.Items) != 3 {
		t.Errorf("24 022 763 = %+v", ess)
	}
	if p, ok := ess.Paid(); !ok || p.String() != "2150" {
		t.Errorf("24 022 763 paid %s %v, want 2150", p, ok)
	}
}

func TestLoadExtra(t *testing.T) {
	dir := t.TempDir()
	base, err := os.ReadFile(filepath.Join("..", "data", "decisions.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "decisions.json"), base, 0o644)
	extra := `[{"ref":"99 000 001","council":"X Council","decision_date":"2025-01-02","url":"https://www.lgo.org.uk/x",
	  "plan_kind":"ehc_plan","category":"delay_only","facts":{"provisions":[],"delays":[{"what":"final plan","weeks_late":10}]},
	  "remedy":{"items":[{"amount":300,"category":"distress","purpose":"p"}]},"notes":"n"}]`
	os.WriteFile(filepath.Join(dir, "decisions-extra.json"), []byte(extra), 0o644)
	ds, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 72 || ds[len(ds)-1].Ref != "99 000 001" {
		t.Errorf("extra decision not read: %d", len(ds))
	}
	os.WriteFile(filepath.Join(dir, "decisions-extra.json"), []byte(strings.Replace(extra, "99 000 001", "24 022 763", 1)), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "already") {
		t.Errorf("a repeated reference must be refused, got %v", err)
	}
}

func TestParseRefusesBadDecisions(t *testing.T) {
	for _, bad := range []string{
		`[{"ref":"12345","url":"https://x","plan_kind":"ehc_plan","remedy":{"items":[{"amount":1,"category":"distress"}]}}]`,
		`[{"ref":"12 345 678","url":"","plan_kind":"ehc_plan","remedy":{"items":[{"amount":1,"category":"distress"}]}}]`,
		`[{"ref":"12 345 678","url":"https://x","plan_kind":"ehc_plan","remedy":{"items":[{"amount":1,"category":"fee"}]}}]`,
		`[{"ref":"12 345 678","url":"https://x","plan_kind":"ehc_plan","remedy":{"items":[]}}]`,
		`[{"ref":"12 345 678","url":"https://x","decision_date":"2025-13-01","plan_kind":"ehc_plan","remedy":{"items":[{"amount":1,"category":"distress"}]}}]`,
	} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}
