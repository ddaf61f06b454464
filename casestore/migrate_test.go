package casestore

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"provisiontracker/calc"
)

var update = flag.Bool("update", false, "write the fixture of the current layout and schema")

// TestEveryEarlierVersionOpens opens storage written by every layout of the
// store and every case schema version. When Layout or calc.SchemaVersion is
// raised, this fails until a fixture of the new version is added with
// go test ./casestore -run TestEveryEarlierVersionOpens -update, and the
// old fixtures must keep opening.
func TestEveryEarlierVersionOpens(t *testing.T) {
	name := func(l, s int) string {
		return filepath.Join("testdata", fmt.Sprintf("layout-%d-schema-%d.json", l, s))
	}
	if *update {
		st := newFake()
		s := mustOpen(t, st)
		c := seedCase(t, "herts-24-006-445.json")
		id, rev, _ := s.Create(c)
		c.Notes = "second save"
		s.Save(id, c, rev)
		s.MarkBackedUp(id, 1)
		s.SetCurrent(id)
		b, _ := json.MarshalIndent(st.m, "", "  ")
		os.WriteFile(name(Layout, calc.SchemaVersion), append(b, '\n'), 0o644)
	}
	for l := 1; l <= Layout; l++ {
		for sv := 1; sv <= calc.SchemaVersion; sv++ {
			b, err := os.ReadFile(name(l, sv))
			if err != nil {
				t.Errorf("no fixture for layout %d, schema %d: %v", l, sv, err)
				continue
			}
			st := newFake()
			if err := json.Unmarshal(b, &st.m); err != nil {
				t.Fatal(err)
			}
			s := mustOpen(t, st)
			if len(s.Problems()) != 0 || len(s.List()) != 1 {
				t.Fatalf("%s: problems %+v, list %+v", name(l, sv), s.Problems(), s.List())
			}
			sum := s.List()[0]
			c, rev, err := s.Load(sum.ID)
			if err != nil || rev != 2 || c.Notes != "second save" || c.SchemaVersion != calc.SchemaVersion ||
				s.Current() != sum.ID || !sum.NeedsBackup || sum.BackedUpRev != 1 {
				t.Fatalf("%s: rev %d, %v, %+v", name(l, sv), rev, err, sum)
			}
			if _, err := s.Save(sum.ID, c, rev); err != nil {
				t.Fatalf("%s: saving after migration: %v", name(l, sv), err)
			}
		}
	}
}

// TestUpgradeSteps tests the migration mechanism with a test-only step
// (layout 1 to a pretend layout 2 that renames a field), without adding a
// version to the real table.
func TestUpgradeSteps(t *testing.T) {
	steps := map[int]step{1: func(m map[string]json.RawMessage) error {
		if _, ok := m["child"]; !ok {
			return fmt.Errorf("no child")
		}
		m["child_name"] = m["child"]
		delete(m, "child")
		return nil
	}}
	tests := []struct {
		in      string
		target  int
		want    string // field child_name after upgrade, or error text
		wantErr bool
	}{
		{`{"layout":1,"child":"Sam"}`, 2, `"Sam"`, false},
		{`{"layout":2,"child_name":"Sam"}`, 2, `"Sam"`, false},
		{`{"layout":1}`, 2, "could not be updated from layout 1: no child", true},
		{`{"layout":1,"child":"Sam"}`, 3, "no way to update layout 2", true},
		{`{"layout":4}`, 2, "newer version", true},
		{`{"layout":0}`, 2, "not a whole number from 1", true},
		{`{"layout":"1"}`, 2, "not a whole number from 1", true},
		{`{}`, 2, "no layout number", true},
	}
	for _, tc := range tests {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(tc.in), &m); err != nil {
			t.Fatal(err)
		}
		err := upgrade(m, steps, tc.target)
		if tc.wantErr {
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s → %d: err %v, want %q", tc.in, tc.target, err, tc.want)
			}
			continue
		}
		if err != nil || string(m["child_name"]) != tc.want || string(m["layout"]) != "2" {
			t.Errorf("%s: %v, %s", tc.in, err, m)
		}
	}
	if len(layoutSteps) != Layout-1 {
		t.Errorf("layoutSteps has %d steps for layout %d", len(layoutSteps), Layout)
	}
}

// TestCaseSchemaMigratedThroughCalc checks that the case inside a saved
// version goes through calc.Migrate: a current file passes unchanged, a
// newer one is kept as a problem.
func TestCaseSchemaMigratedThroughCalc(t *testing.T) {
	file, _ := calc.EncodeCaseFile(seedCase(t, "notts-23-009-620.json"))
	if _, err := calc.Migrate(file); err != nil {
		t.Fatal(err)
	}
	if _, err := decodeCase(file, calc.Date{}); err != nil {
		t.Fatal(err)
	}
	newer := strings.Replace(string(file), fmt.Sprintf(`"schema_version": %d`, calc.SchemaVersion), fmt.Sprintf(`"schema_version": %d`, calc.SchemaVersion+1), 1)
	if _, err := decodeCase([]byte(newer), calc.Date{}); err != errNewer {
		t.Errorf("newer schema: %v", err)
	}
}
