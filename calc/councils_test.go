package calc

import (
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
)

// TestReadCSVCouncils checks the hand-written reader against encoding/csv
// on the embedded councils file.
func TestReadCSVCouncils(t *testing.T) {
	want, err := csv.NewReader(strings.NewReader(string(councilsCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got, ok := readCSV(string(councilsCSV))
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("readCSV read %d rows (ok %v), encoding/csv %d; first difference: %v", len(got), ok, len(want), firstDiff(got, want))
	}
}

func firstDiff(a, b [][]string) string {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return strings.Join(a[i], "|") + " vs " + strings.Join(b[i], "|")
		}
	}
	return "lengths differ"
}

// FuzzReadCSV checks that readCSV reads every file encoding/csv reads
// (records of any length) as encoding/csv does.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{"", "a,b\n", "a,b\r\nc,d", "\"x,\"\"y\"\"\",\n\n\"two\nlines\",z\n", "a,\n,b", "\"\"\n",
		"a\rb,c\n", "\"q\"x\n", "a\"b\n", "\"open", " lead, trail \n", "\r\n\r\na", "a,b\r", "\"a\"\r", string(councilsCSV[:300])} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := csv.NewReader(strings.NewReader(s))
		r.FieldsPerRecord = -1
		want, err := r.ReadAll()
		if err != nil {
			return
		}
		got, ok := readCSV(s)
		if !ok || len(got) != len(want) || (len(got) > 0 && !reflect.DeepEqual(got, want)) {
			t.Fatalf("readCSV(%q) = %q, %v; encoding/csv reads %q", s, got, ok, want)
		}
	})
}
