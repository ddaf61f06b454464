package similar

import "testing"

func TestFilter(t *testing.T) {
	ds := Decisions()
	ch := ChoicesIn(ds)
	if len(ch.Help) < 5 || len(ch.Faults) != len(Faults) || len(ch.Councils) < 20 || len(ch.Years) < 5 {
		t.Fatalf("choices too few: %+v", ch)
	}
	for i := 1; i < len(ch.Years); i++ {
		if ch.Years[i] >= ch.Years[i-1] {
			t.Fatalf("years not newest first: %v", ch.Years)
		}
	}
	if all := (Filter{}).Apply(ds); len(all) != len(ds) {
		t.Fatalf("empty filter keeps %d of %d", len(all), len(ds))
	}
	// Every offered choice keeps some decisions, and only matching ones.
	for _, h := range ch.Help {
		got := Filter{Help: h}.Apply(ds)
		if len(got) == 0 {
			t.Errorf("help %s: no decisions", h)
		}
		for _, d := range got {
			if !d.Has(h) {
				t.Errorf("help %s kept %s (%v)", h, d.Ref, d.Help)
			}
		}
	}
	ot := Filter{Help: HelpOT, Fault: FaultHelpMissed}.Apply(ds)
	herts := Filter{Council: "Hertfordshire County Council"}.Apply(ds)
	y2024 := Filter{Year: 2024}.Apply(ds)
	if len(ot) == 0 || len(herts) == 0 || len(y2024) == 0 {
		t.Fatalf("ot %d, herts %d, 2024 %d", len(ot), len(herts), len(y2024))
	}
	for _, d := range y2024 {
		if d.Date.Year() != 2024 {
			t.Errorf("2024 kept %s of %s", d.Ref, d.Date)
		}
	}
	for i := 1; i < len(herts); i++ {
		if herts[i].Date.After(herts[i-1].Date) {
			t.Errorf("not newest first: %s before %s", herts[i-1].Ref, herts[i].Ref)
		}
	}
	both := Filter{Council: "Hertfordshire County Council", Year: 2024}.Apply(ds)
	if len(both) >= len(herts) && len(both) >= len(y2024) {
		t.Errorf("two filters keep %d: not fewer than either (%d, %d)", len(both), len(herts), len(y2024))
	}
	for s, want := range map[string]int{"2024": 2024, "": 0, "x": 0, "24": 0} {
		if got := ParseYear(s); got != want {
			t.Errorf("ParseYear(%q) = %d", s, got)
		}
	}
}
