package calc

import (
	"path/filepath"
	"testing"
)

// TestSessionLogTotalsOnlyNoEnd is the case from issue 11: "12 missed
// between February and July 2023" entered as totals, for a weekly
// provision with no end date, looked at in December 2026. Only the
// recorded period is counted; the years after it are unrecorded, not
// "not had".
func TestSessionLogTotalsOnlyNoEnd(t *testing.T) {
	p := Provision{ID: "ot", Section: SectionF, Type: TypeOT, Frequency: Frequency{1, UnitSessions, PerWeek},
		Weeks: TermTime, Start: MustDate(2023, 2, 1),
		CountPeriods: []CountPeriod{{From: MustDate(2023, 2, 1), To: MustDate(2023, 7, 31), Missed: 12}}}
	today := MustDate(2026, 12, 1)
	lg := ProvisionLog(p, DefaultCalendar(), Date{}, today)
	n := lg.Counts
	if n.Recorded != 12 || n.Missed != 12 || n.Delivered != 0 {
		t.Fatalf("counts = %+v, want 12 recorded, 12 missed", n)
	}
	if n.Unrecorded != n.Due-12 || n.Unrecorded < 100 {
		t.Errorf("unrecorded = %d of %d due: the time after July 2023 must be unrecorded", n.Unrecorded, n.Due)
	}
	if !lg.RecordedFrom.Equal(MustDate(2023, 2, 1)) || !lg.RecordedTo.Equal(MustDate(2023, 7, 31)) {
		t.Errorf("records cover %s to %s", lg.RecordedFrom, lg.RecordedTo)
	}
	if len(lg.Unrecorded) != 1 || !lg.Unrecorded[0].From.After(MustDate(2023, 7, 31)) || lg.Unrecorded[0].To.After(today) {
		t.Errorf("unrecorded stretches = %+v", lg.Unrecorded)
	}
	if got := Tally(p, Schedule(p, DefaultCalendar(), today), Date{}, today); !sameCounts(got, n) {
		t.Errorf("Tally %+v differs from the log %+v", got, n)
	}
}

// TestSessionLogNotInPlace checks that sessions never arranged become one
// stretch with the parent's dates, and that a session recorded inside it
// keeps its own record.
func TestSessionLogNotInPlace(t *testing.T) {
	p := Provision{ID: "salt", Frequency: Frequency{1, UnitSessions, PerWeek}, Weeks: TermTime,
		Start: MustDate(2025, 9, 1), NotInPlace: []Spell{{From: MustDate(2025, 9, 10), Note: "no therapist"}},
		Outcomes: []Outcome{{Date: MustDate(2025, 9, 22), Status: StatusDelivered}}}
	today := MustDate(2025, 10, 17)
	lg := ProvisionLog(p, DefaultCalendar(), Date{}, today)
	var kinds []EntryKind
	for _, e := range lg.Entries {
		kinds = append(kinds, e.Kind)
	}
	// 1 and 8 Sept: unrecorded; 10 Sept to 17 Oct: one stretch (15, 29
	// Sept, 6, 13 Oct); 22 Sept: delivered.
	want := []EntryKind{EntrySession, EntrySession, EntryNotInPlace, EntrySession}
	if len(kinds) != len(want) {
		t.Fatalf("kinds = %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("kinds = %v, want %v", kinds, want)
		}
	}
	gap := lg.Entries[2]
	if !gap.Date.Equal(MustDate(2025, 9, 10)) || !gap.To.Equal(today) || gap.Missed != 4 || gap.Due != 4 || gap.Note != "no therapist" {
		t.Errorf("stretch = %+v, want 10 Sept to 17 Oct, 4 missed", gap)
	}
	n := lg.Counts
	if n.Due != 7 || n.Missed != 4 || n.Delivered != 1 || n.Unrecorded != 2 || n.Recorded != 5 {
		t.Errorf("counts = %+v", n)
	}
}

// TestSessionLogSums checks that for every seed case the log's counts are
// the sums of its entries, and Tally is the log's counts.
func TestSessionLogSums(t *testing.T) {
	for name, c := range seedCases(t) {
		cal := CalendarFor(c)
		today := MustDate(2026, 12, 1)
		for _, pl := range c.Plans {
			for _, p := range pl.Provisions {
				lg := ProvisionLog(p, cal, Date{}, today)
				var due, rec, unrec int
				for i, e := range lg.Entries {
					due += e.Due
					rec += e.Delivered + e.Missed + e.ChildAbsent + e.PaidPrivately
					unrec += e.Unrecorded
					if i > 0 && e.Date.Before(lg.Entries[i-1].Date) {
						t.Errorf("%s %s: entries out of order", name, p.ID)
					}
				}
				n := lg.Counts
				if due != n.Due || rec != n.Recorded || unrec != n.Unrecorded || n.Recorded+n.Unrecorded != n.Due {
					t.Errorf("%s %s: sums %d/%d/%d, counts %+v", name, p.ID, due, rec, unrec, n)
				}
				if got := Tally(p, Schedule(p, cal, today), Date{}, today); !sameCounts(got, n) {
					t.Errorf("%s %s: Tally differs from the log", name, p.ID)
				}
			}
		}
	}
}

func seedCases(t *testing.T) map[string]Case {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.json"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no seed cases: %v", err)
	}
	out := map[string]Case{}
	for _, p := range m {
		out[filepath.Base(p)] = loadCase(t, p)
	}
	return out
}

// sameCounts compares counts, with the decimals by value.
func sameCounts(a, b Counts) bool {
	if !a.PrivateCost.Equal(b.PrivateCost) || !a.PercentDelivered.Equal(b.PercentDelivered) {
		return false
	}
	a.PrivateCost, a.PercentDelivered = b.PrivateCost, b.PercentDelivered
	return a == b
}

// TestHasPercent checks when a share delivered is worth stating.
func TestHasPercent(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    []LogEntry
		want bool
	}{
		{"only missed recorded, others not", []LogEntry{{Due: 1, Missed: 1}, {Due: 1, Unrecorded: 1}}, false},
		{"all recorded, none delivered", []LogEntry{{Due: 1, Missed: 1}, {Due: 1, Missed: 1}}, true},
		{"some delivered, some not recorded", []LogEntry{{Due: 1, Delivered: 1}, {Due: 1, Unrecorded: 1}}, true},
		{"nothing recorded", []LogEntry{{Due: 1, Unrecorded: 1}}, false},
		{"only child absent", []LogEntry{{Due: 1, ChildAbsent: 1}}, false},
	} {
		if got := sumLog("x", Date{}, Date{}, tc.n).HasPercent; got != tc.want {
			t.Errorf("%s: HasPercent = %v, want %v", tc.name, got, tc.want)
		}
	}
}
