package casestore

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"provisiontracker/calc"
)

func TestRoundTrip(t *testing.T) {
	st := newFake()
	s := mustOpen(t, st)
	amira := caseNamed(t, "Amira")
	id, rev, err := s.Create(amira)
	if err != nil || rev != 1 || !validID(id) {
		t.Fatalf("Create = %q, %d, %v", id, rev, err)
	}
	got, gotRev, err := s.Load(id)
	loaded := amira
	calc.RecordIDs(&loaded) // loading records the numbers of the ids in use
	if err != nil || gotRev != 1 || fileOf(t, got) != fileOf(t, loaded) {
		t.Fatalf("Load = rev %d, %v; same case: %v", gotRev, err, fileOf(t, got) == fileOf(t, loaded))
	}
	// The case inside the envelope is the case file, byte for byte.
	var h head
	json.Unmarshal([]byte(st.m[headKey(id)]), &h)
	var env envelope
	if err := json.Unmarshal([]byte(st.m[h.Version]), &env); err != nil {
		t.Fatal(err)
	}
	want, _ := calc.EncodeCaseFile(amira)
	if string(env.Case)+"\n" != string(want) {
		t.Errorf("stored case is not the case file bytes:\n%s", env.Case)
	}
	amira.Notes = "changed"
	rev, err = s.Save(id, amira, 1)
	if err != nil || rev != 2 {
		t.Fatalf("Save = %d, %v", rev, err)
	}
	// A fresh store (a reload of the page) sees the same.
	s2 := mustOpen(t, st)
	got, gotRev, err = s2.Load(id)
	if err != nil || gotRev != 2 || got.Notes != "changed" {
		t.Fatalf("after reopen: rev %d, %v, notes %q", gotRev, err, got.Notes)
	}
	list := s2.List()
	if len(list) != 1 || list[0].ChildName != "Amira" || list[0].Revision != 2 || !list[0].Updated.Equal(clock) {
		t.Errorf("List = %+v", list)
	}
	// Only the current and the previous version are kept.
	rev, _ = s2.Save(id, amira, 2)
	rev, _ = s2.Save(id, amira, rev)
	if n := len(keysOf(st, id)); n != 3 { // head + 2 versions
		t.Errorf("keys after 4 saves: %v", keysOf(st, id))
	}
	if len(s2.Problems()) != 0 {
		t.Errorf("problems: %+v", s2.Problems())
	}
}

func TestIncompleteCaseIsSaved(t *testing.T) {
	// A parent in the middle of typing: a name, no plan yet. calc.Validate
	// refuses it as a case file, but it must still be saved and read back.
	st := newFake()
	s := mustOpen(t, st)
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "Sam"}}
	id, _, err := s.Create(c)
	if err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, st)
	got, _, err := s.Load(id)
	if err != nil || got.Child.FirstName != "Sam" || len(s.Problems()) != 0 {
		t.Fatalf("Load = %+v, %v, problems %+v", got, err, s.Problems())
	}
	// Structurally unreadable values are refused before anything is written.
	bad := c
	bad.Plans = []calc.Plan{{ID: "p", Kind: calc.PlanKind("ehc_plan"), Provisions: []calc.Provision{{ID: "x"}}}}
	bad.Plans[0].Provisions[0].Frequency.Count = 5_000_000
	before := st.snapshot()
	if _, err := s.Save(id, bad, 1); err == nil {
		t.Log("a huge count was saved (it can be read back)")
	} else if !strings.Contains(err.Error(), "Your change is still on the screen") {
		t.Errorf("message: %v", err)
	} else if len(st.m) != len(before) {
		t.Errorf("refused save changed storage")
	}
}

func TestSaveFailureKeepsPrevious(t *testing.T) {
	tests := []struct {
		name    string
		failAt  int // which Set of the save fails: 1 = the new version, 2 = the switch
		failErr error
		want    error
	}{
		{"full while writing the new version", 1, ErrStorageFull, ErrStorageFull},
		{"full while switching", 2, ErrStorageFull, ErrStorageFull},
		{"unavailable while writing", 1, errBrowser, ErrUnavailable},
		{"unavailable while switching", 2, errBrowser, ErrUnavailable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newFake()
			s := mustOpen(t, st)
			c := caseNamed(t, "Amira")
			id, rev, err := s.Create(c)
			if err != nil {
				t.Fatal(err)
			}
			before := st.snapshot()
			c.Notes = "new words"
			st.sets, st.failSetAt, st.failErr = 0, tc.failAt, tc.failErr
			if _, err := s.Save(id, c, rev); !errors.Is(err, tc.want) {
				t.Fatalf("Save error = %v, want %v", err, tc.want)
			}
			if len(st.m) != len(before) {
				t.Errorf("storage changed: %d keys, was %d", len(st.m), len(before))
			}
			for k, v := range before {
				if st.m[k] != v {
					t.Errorf("%s changed", k)
				}
			}
			for _, s := range []*Store{s, mustOpen(t, st)} {
				got, gotRev, err := s.Load(id)
				if err != nil || gotRev != rev || got.Notes == "new words" {
					t.Fatalf("Load after failure = rev %d, %v", gotRev, err)
				}
			}
			// The caller still has c in memory: saving again works.
			if r, err := s.Save(id, c, rev); err != nil || r != rev+1 {
				t.Fatalf("retry = %d, %v", r, err)
			}
		})
	}
}

func TestInterruptedSaveFinishedAtOpen(t *testing.T) {
	// The tab closed after writing the new version and before switching.
	st := newFake()
	s := mustOpen(t, st)
	c := caseNamed(t, "Amira")
	id, _, _ := s.Create(c)
	c.Notes = "second"
	s.Save(id, c, 1)
	c.Notes = "third, interrupted"
	file, _ := calc.EncodeCaseFile(c)
	st.m[versionKey(id, 3, "abcdef")] = string(encodeEnvelope(id, 3, clock, file))
	s = mustOpen(t, st)
	got, rev, err := s.Load(id)
	if err != nil || rev != 3 || got.Notes != "third, interrupted" {
		t.Fatalf("Load = rev %d %q, %v", rev, got.Notes, err)
	}
	// A first save cut short (no head at all) is finished too.
	st2 := newFake()
	st2.m[versionKey("abcdefghij", 1, "abcdef")] = string(encodeEnvelope("abcdefghij", 1, clock, file))
	s = mustOpen(t, st2)
	if l := s.List(); len(l) != 1 || l[0].ID != "abcdefghij" {
		t.Fatalf("List = %+v", l)
	}
	// A head marked as being deleted is an interrupted delete: finished.
	st3 := newFake()
	st3.m[headKey("abcdefghij")] = `{"format":"provision-tracker/head","layout":1,"id":"abcdefghij","revision":2,"version":"pt:case:abcdefghij:v2-abcdef","child":"Amira","saved_at":"2026-11-25T09:30:00Z","deleting":true}`
	st3.m[versionKey("abcdefghij", 1, "abcdef")] = string(encodeEnvelope("abcdefghij", 1, clock, file))
	s = mustOpen(t, st3)
	if len(s.List()) != 0 || len(st3.m) != 0 || len(s.Problems()) != 0 {
		t.Fatalf("interrupted delete not finished: %v %v", st3.m, s.Problems())
	}
}

// Delete marks the head before it removes anything: cut short after the
// mark, the next Open finishes it; another tab sees it as deleted.
func TestDeleteCutShort(t *testing.T) {
	st := newFake()
	s := mustOpen(t, st)
	id, _, _ := s.Create(caseNamed(t, "Amira"))
	other := mustOpen(t, st)
	s.markDeleting(id) // the tab closes here
	if ch, ok := other.Changed(headKey(id)); !ok || !ch.Deleted {
		t.Errorf("the other tab sees %+v, %v; want deleted", ch, ok)
	}
	if _, _, err := other.Load(id); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load of a case being deleted = %v", err)
	}
	s = mustOpen(t, st)
	if len(s.List()) != 0 || len(s.Problems()) != 0 || len(st.m) != 0 {
		t.Errorf("not finished: %v %v", st.m, s.Problems())
	}
}

// A record whose only saved version is missing (removed by hand, by a
// cleaning tool) does not vanish from the list without a word.
func TestMissingVersionIsTold(t *testing.T) {
	st := newFake()
	s := mustOpen(t, st)
	id, _, _ := s.Create(caseNamed(t, "Amira"))
	delete(st.m, curVersion(st, id))
	head := st.m[headKey(id)]
	s = mustOpen(t, st)
	probs := s.Problems()
	if len(probs) != 1 || probs[0].Key != headKey(id) || !strings.Contains(probs[0].Why, "Amira's record is missing its saved information") ||
		probs[0].Raw != head || len(probs[0].CaseFile) != 0 {
		t.Fatalf("Problems = %+v", probs)
	}
	if st.m[headKey(id)] != head {
		t.Error("what was left was changed")
	}
	// The parent can remove what is left.
	if err := s.DiscardProblem(headKey(id)); err != nil || len(st.m) != 0 {
		t.Errorf("DiscardProblem: %v, left %v", err, st.m)
	}
}

// With the key that remembers the open record missing, the store still
// names a current record, the one the list shows.
func TestCurrentKeyMissing(t *testing.T) {
	st := newFake()
	s := mustOpen(t, st)
	id, _, _ := s.Create(caseNamed(t, "Amira"))
	s.SetCurrent(id)
	delete(st.m, keyCurrent)
	if got := mustOpen(t, st).Current(); got != id {
		t.Errorf("Current = %q, want %q", got, id)
	}
	if got := mustOpen(t, newFake()).Current(); got != "" {
		t.Errorf("Current of an empty store = %q", got)
	}
}

func TestUnreadableDataIsKept(t *testing.T) {
	good, _ := calc.EncodeCaseFile(caseNamed(t, "Amira"))
	newer := strings.Replace(string(good), fmt.Sprintf(`"schema_version": %d`, calc.SchemaVersion), `"schema_version": 99`, 1)
	tests := []struct {
		name    string
		key     func(st *fakeStorage, id string) string // which key gets the bad text
		raw     string
		why     string // part of Problem.Why
		listed  bool   // the case is still listed (from the previous version)
		hasCase bool   // Problem.CaseFile is offered
	}{
		{"head not JSON", headOf, "{not json", "could not be read", false, true},
		{"head of a newer layout", headOf, `{"format":"provision-tracker/head","layout":7}`, "newer version", false, true},
		{"envelope not JSON", curVersion, "\x00garbage", "could not be read", true, false},
		// The record inside is damaged too: no download that import would refuse.
		{"case JSON broken", curVersion, `{"format":"provision-tracker/saved-case","layout":1,"id":"ID","revision":2,"saved_at":"2026-11-25T09:30:00Z","case":{"schema_version":1,"child":{"first_name":"Amira"},"plans":[{"id":7}]}}`, "damaged too, so it cannot be imported", true, false},
		// The envelope is wrong but the record inside is fine: offered.
		{"envelope of another revision", curVersion, `{"format":"provision-tracker/saved-case","layout":1,"id":"ID","revision":9,"saved_at":"2026-11-25T09:30:00Z","case":` + string(good) + `}`, "import it again", true, true},
		{"case of a newer schema", curVersion, `{"format":"provision-tracker/saved-case","layout":1,"id":"ID","revision":2,"saved_at":"2026-11-25T09:30:00Z","case":` + newer + `}`, "newer version", true, true},
		{"unknown key", func(*fakeStorage, string) string { return Prefix + "settings-v9" }, `{"x":1}`, "does not know", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newFake()
			s := mustOpen(t, st)
			c := caseNamed(t, "Amira")
			id, _, _ := s.Create(c)
			c.Notes = "rev 2"
			s.Save(id, c, 1)
			bad := tc.key(st, id)
			raw := strings.ReplaceAll(tc.raw, `"ID"`, `"`+id+`"`)
			st.m[bad] = raw

			s = mustOpen(t, st) // the app starts
			probs := s.Problems()
			if len(probs) != 1 || probs[0].Key != bad || probs[0].Raw != raw || !strings.Contains(probs[0].Why, tc.why) {
				t.Fatalf("Problems = %+v", probs)
			}
			if (len(probs[0].CaseFile) > 0) != tc.hasCase || probs[0].FileName == "" {
				t.Errorf("CaseFile offered = %v, FileName %q", len(probs[0].CaseFile) > 0, probs[0].FileName)
			}
			listed := len(s.List()) == 1
			if listed != tc.listed {
				t.Errorf("listed = %v, want %v", listed, tc.listed)
			}
			// Saving other cases (and this one, when it can be) never
			// writes over the bad text.
			for i := range 3 {
				oid, r, err := s.Create(caseNamed(t, "Other"))
				if err != nil {
					t.Fatal(err)
				}
				s.Save(oid, caseNamed(t, "Other"), r)
				_ = i
			}
			if listed {
				got, rev, err := s.Load(id)
				if err != nil {
					t.Fatal(err)
				}
				if bad == curVersion(st, id) && got.Notes == "rev 2" {
					t.Error("the unreadable save was read")
				}
				for range 3 {
					if rev, err = s.Save(id, got, rev); err != nil {
						t.Fatal(err)
					}
				}
			} else if !listed {
				if _, err := s.Save(id, c, 2); !errors.Is(err, ErrDamaged) {
					t.Errorf("Save over damaged record = %v", err)
				}
			}
			if st.m[bad] != raw {
				t.Fatalf("the unreadable text was changed or removed")
			}
			// It goes only when the parent says so.
			if err := s.DiscardProblem(bad); err != nil {
				t.Fatal(err)
			}
			if _, ok := st.m[bad]; ok || len(s.Problems()) != 0 {
				t.Error("DiscardProblem left it")
			}
		})
	}
}

func headOf(_ *fakeStorage, id string) string { return headKey(id) }

// curVersion is the key of the current saved version of a case.
func curVersion(st *fakeStorage, id string) string {
	var h head
	json.Unmarshal([]byte(st.m[headKey(id)]), &h)
	return h.Version
}

func TestStorageFull(t *testing.T) {
	st := newFake()
	s := mustOpen(t, st)
	c := caseNamed(t, "Amira")
	id, rev, err := s.Create(c)
	if err != nil {
		t.Fatal(err)
	}
	st.limit = st.size() + 100 // no room for another version
	before := st.snapshot()
	c.Notes = strings.Repeat("a long note ", 50)
	if _, err := s.Save(id, c, rev); !errors.Is(err, ErrStorageFull) || err.Error() != ErrStorageFull.Error() {
		t.Fatalf("Save = %v", err)
	}
	if _, _, err := s.Create(caseNamed(t, "Sam")); !errors.Is(err, ErrStorageFull) {
		t.Fatalf("Create = %v", err)
	}
	if len(st.m) != len(before) {
		t.Fatal("storage changed")
	}
	// Private browsing: the store cannot even be opened.
	if _, err := Open(&fakeStorage{unavailable: true}, fixedNow); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Open unavailable = %v", err)
	}
}

func TestTwoTabs(t *testing.T) {
	st := newFake()
	a := mustOpen(t, st)
	c := caseNamed(t, "Amira")
	id, _, _ := a.Create(c)
	b := mustOpen(t, st)
	cb, revB, err := b.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	c.Notes = "from tab A"
	revA, err := a.Save(id, c, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Tab B gets the storage event for the head key.
	ch, ok := b.Changed(headKey(id))
	if !ok || ch.ID != id || ch.Revision != revA || ch.Overwritten {
		t.Errorf("Changed = %+v, %v", ch, ok)
	}
	if _, ok := b.Changed(Prefix + "something-else"); ok {
		t.Error("Changed reported an unrelated key")
	}
	// Tab B saves its stale copy anyway: refused, with A's case.
	cb.Notes = "from tab B"
	_, err = b.Save(id, cb, revB)
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || ce.Revision != revA || ce.Case.Notes != "from tab A" {
		t.Fatalf("stale save = %v", err)
	}
	if !strings.Contains(err.Error(), "Amira's record was changed in another tab") {
		t.Errorf("message: %v", err)
	}
	got, _, _ := a.Load(id)
	if got.Notes != "from tab A" {
		t.Fatal("tab B overwrote tab A")
	}
	// After loading the newer case, B can save; for A that is a newer save, not one over its own.
	_, rev, _ := b.Load(id)
	if _, err := b.Save(id, cb, rev); err != nil {
		t.Fatal(err)
	}
	if ch, ok := a.Changed(headKey(id)); !ok || ch.Overwritten {
		t.Errorf("A after B's newer save: Changed = %+v, %v", ch, ok)
	}
	// A deleted in B is reported to A.
	if err := b.Delete(id); err != nil {
		t.Fatal(err)
	}
	if ch, ok := a.Changed(headKey(id)); !ok || !ch.Deleted {
		t.Errorf("Changed after delete = %+v %v", ch, ok)
	}
	if _, err := a.Save(id, c, 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("save of deleted = %v", err)
	}
	if ch, ok := a.Changed(""); !ok || !ch.All {
		t.Error("clear event")
	}
}

func TestSameRevisionRace(t *testing.T) {
	// Both tabs saved revision 2 at the same moment (localStorage copies
	// in each tab are synced late); B's write reached storage last. A must
	// not treat the stored revision 2 as its own.
	st := newFake()
	a := mustOpen(t, st)
	c := caseNamed(t, "Amira")
	id, _, _ := a.Create(c)
	b := mustOpen(t, st)
	b.Load(id)
	c.Notes = "A"
	a.Save(id, c, 1)
	hA := st.m[headKey(id)]
	// Replay B's save as if it had read revision 1.
	var h head
	json.Unmarshal([]byte(hA), &h)
	h.Revision = 1
	h.Version = h.Previous
	h.Previous = ""
	hb, _ := json.Marshal(h)
	saved := st.m[headKey(id)]
	st.m[headKey(id)] = string(hb)
	c.Notes = "B"
	if _, err := b.Save(id, c, 1); err != nil {
		t.Fatal(err)
	}
	_ = saved
	// Storage now says revision 2 (B's). A's next save from its revision 2
	// must be refused.
	// ... and A is told its own save was written over, so it can ask.
	if ch, ok := a.Changed(headKey(id)); !ok || ch.Revision != 2 || !ch.Overwritten {
		t.Errorf("Changed = %+v %v, want revision 2, overwritten", ch, ok)
	}
	c.Notes = "A again"
	if _, err := a.Save(id, c, 2); !errors.Is(err, ErrConflict) {
		t.Fatalf("A's save over B's = %v", err)
	}
}

func TestSeveralChildrenAndDelete(t *testing.T) {
	st := newFake()
	st.m["other-app:keep"] = "not ours"
	s := mustOpen(t, st)
	ids := map[string]string{}
	for _, n := range []string{"Zoe", "amira", "Sam"} {
		id, _, err := s.Create(caseNamed(t, n))
		if err != nil {
			t.Fatal(err)
		}
		ids[n] = id
	}
	var names []string
	for _, x := range s.List() {
		names = append(names, x.ChildName)
	}
	if strings.Join(names, ",") != "amira,Sam,Zoe" {
		t.Errorf("List order = %v", names)
	}
	if err := s.SetCurrent(ids["Sam"]); err != nil || mustOpen(t, st).Current() != ids["Sam"] {
		t.Fatalf("current: %v", err)
	}
	s.MarkBackedUp(ids["Sam"], 1)
	c := caseNamed(t, "Sam")
	s.Save(ids["Sam"], c, 1)
	s.Save(ids["Sam"], c, 2)
	if err := s.Delete(ids["Sam"]); err != nil {
		t.Fatal(err)
	}
	for k := range st.m {
		if strings.Contains(k, ids["Sam"]) || strings.Contains(st.m[k], ids["Sam"]) {
			t.Errorf("left behind: %s = %s", k, st.m[k])
		}
	}
	// With the chosen one deleted, the most recently saved other case is
	// the current one, so no page says "no record" while the list has two.
	if cur := s.Current(); cur == "" || cur == ids["Sam"] || len(s.List()) != 2 {
		t.Errorf("after delete: current %q, %d cases", cur, len(s.List()))
	}
	if _, _, err := s.Load(ids["Sam"]); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load deleted = %v", err)
	}
	st.m[Prefix+"junk"] = "x" // unreadable data goes too when the parent deletes everything
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if len(st.m) != 1 || st.m["other-app:keep"] != "not ours" {
		t.Errorf("after DeleteAll: %v", st.m)
	}
	if len(mustOpen(t, st).List()) != 0 {
		t.Error("cases remain")
	}
}

func TestNeedsBackup(t *testing.T) {
	st := newFake()
	s := mustOpen(t, st)
	c := caseNamed(t, "Amira")
	id, rev, _ := s.Create(c)
	if !s.NeedsBackup(id) {
		t.Error("a case never backed up needs a backup")
	}
	if err := s.MarkBackedUp(id, rev); err != nil {
		t.Fatal(err)
	}
	if s.NeedsBackup(id) {
		t.Error("just backed up")
	}
	sum, _ := mustOpen(t, st).Summary(id)
	if sum.NeedsBackup || sum.BackedUpRev != 1 || !sum.BackedUpAt.Equal(clock) {
		t.Errorf("after reopen: %+v", sum)
	}
	rev, _ = s.Save(id, c, rev)
	if !s.NeedsBackup(id) {
		t.Error("changed since the backup")
	}
	s.MarkBackedUp(id, 1) // an older export never hides newer changes
	if !s.NeedsBackup(id) {
		t.Error("older mark replaced newer state")
	}
	if err := s.MarkBackedUp("nosuchcase", 1); !errors.Is(err, ErrNotFound) {
		t.Error(err)
	}
}

// A saved record over calc.CheckWork's limits (damaged by hand, or
// imported before the limits) is not opened, so it cannot freeze the app at
// start; Save refuses to write one.
func TestTooMuchWork(t *testing.T) {
	st := newFake()
	s := mustOpen(t, st)
	c := caseNamed(t, "Amira")
	id, _, _ := s.Create(c)
	big := c
	big.Plans = append([]calc.Plan(nil), c.Plans...)
	p := big.Plans[0]
	p.Provisions = nil
	for i := range 20 {
		p.Provisions = append(p.Provisions, calc.Provision{ID: "p" + strconv.Itoa(i), Section: calc.SectionF, Type: calc.TypeOT,
			Frequency: calc.Frequency{Count: 25, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.AllYear,
			Start: calc.MustDate(1990, 1, 1)})
	}
	big.Plans[0] = p
	if len(calc.Validate(big)) > 0 {
		t.Fatal("the test case should pass Validate, which has no today")
	}
	_, err := s.Save(id, big, 1)
	var ue *UnsaveableError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "more than 25 years ago") {
		t.Fatalf("Save = %v", err)
	}
	// Written by hand into storage: kept, told, not opened.
	file, _ := calc.EncodeCaseFile(big)
	k := versionKey(id, 2, "abcdef")
	st.m[k] = string(encodeEnvelope(id, 2, clock, file))
	var h head
	json.Unmarshal([]byte(st.m[headKey(id)]), &h)
	h.Previous, h.Version, h.Revision = h.Version, k, 2
	hb, _ := json.Marshal(h)
	st.m[headKey(id)] = string(hb)
	s = mustOpen(t, st)
	probs := s.Problems()
	if len(probs) != 1 || probs[0].Key != k || !strings.Contains(probs[0].Why, "too slow to use") || len(probs[0].CaseFile) != 0 {
		t.Fatalf("Problems = %+v", probs)
	}
	if got, _, err := s.Load(id); err != nil || len(got.Plans[0].Provisions) == 20 {
		t.Errorf("Load = %v; the record over the limits was opened", err)
	}
}
