package backup

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"provisiontracker/calc"
)

// FuzzImport feeds arbitrary files to Import: it must never panic, and a
// file it accepts must give a case that exports and imports again the same.
func FuzzImport(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "calc", "testdata", "seeds", "*.json"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	c := amira(f)
	_, locked, err := ExportLocked(c, today, "purple kite river")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(locked, "purple kite river")
	f.Add(locked, "wrong passphrase")
	f.Add([]byte(`{"format":"provision-tracker-locked-backup","version":1}`), "x")
	if _, several, err := ExportAll([]calc.Case{c, c}, today, ""); err == nil {
		f.Add(several, "")
	}
	f.Fuzz(func(t *testing.T, data []byte, pass string) {
		plan, err := Import(data, pass, []Existing{{ID: "a", ChildName: "K", Council: "919"}})
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if plan.Several() {
			var cases []calc.Case
			for _, r := range plan.Records {
				cases = append(cases, r.Case)
			}
			_, out, err := ExportAll(cases, today, "")
			if err != nil {
				t.Fatalf("accepted records do not export: %v", err)
			}
			if again, err := Import(out, "", nil); err != nil || len(again.Records) != len(cases) {
				t.Fatalf("exported records do not import: %v", err)
			}
			return
		}
		_, out, err := Export(plan.Case, today)
		if err != nil {
			t.Fatalf("accepted case does not export: %v", err)
		}
		again, err := Import(out, "", nil)
		if err != nil {
			t.Fatalf("exported case does not import: %v", err)
		}
		b1, _ := calc.EncodeCaseFile(plan.Case)
		b2, _ := calc.EncodeCaseFile(again.Case)
		if !bytes.Equal(b1, b2) {
			t.Fatal("round trip changed the case")
		}
	})
}
