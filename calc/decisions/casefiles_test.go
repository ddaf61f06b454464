package decisions

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"provisiontracker/calc"
)

// TestCaseFilesUpToDate fails when calc/testdata/decisions is not what
// the generator makes of the decision set: run go run ./calc/cmd/decisioncases.
func TestCaseFilesUpToDate(t *testing.T) {
	ents, _ := EnterAll(loadAll(t))
	dir := filepath.Join("..", "testdata", "decisions")
	files, err := CaseFiles(ents, dir)
	if err != nil {
		t.Fatal(err)
	}
	have, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(have) != len(files) {
		t.Errorf("%d case files in %s, the generator makes %d", len(have), dir, len(files))
	}
	for path, want := range files {
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, append(want, '\n')) {
			t.Errorf("%s is out of date: run go run ./calc/cmd/decisioncases", path)
		}
	}
}

// TestCaseFilesLoad reads every generated file through the case-file
// decoder, as the app would.
func TestCaseFilesLoad(t *testing.T) {
	have, _ := filepath.Glob(filepath.Join("..", "testdata", "decisions", "*.json"))
	for _, f := range have {
		b, _ := os.ReadFile(f)
		if _, err := calc.DecodeCaseFile(b); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
