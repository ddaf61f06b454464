//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

func TestEstimateSeeds(t *testing.T) {
	files, _ := filepath.Glob("../calc/testdata/seeds/*.json")
	if len(files) != 5 {
		t.Fatalf("%d seed files", len(files))
	}
	var out, errb bytes.Buffer
	code := runEstimate(append([]string{"--today", "2024-03-08"}, files...), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, f := range files {
		if !strings.Contains(out.String(), "== "+f) {
			t.Errorf("output does not name %s", f)
		}
	}
	// The figures are calc's, with the rates derived from the decisions.
	notts := nottsEstimate(t)
	var sessions calc.Line
	for _, l := range notts.Lines {
		if l.Kind == calc.LineMissedSessions {
			sessions = l
		}
	}
	money := func(lo, ty, hi decimal.Decimal) string {
		return "low " + calc.FormatMoney(lo) + "   typical " + calc.FormatMoney(ty) + "   high " + calc.FormatMoney(hi)
	}
	for _, want := range []string{"12 missed sessions × £50.00", money(sessions.Low, sessions.Typical, sessions.High),
		"Total   " + money(notts.Low, notts.Typical, notts.High)} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestEstimateJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := runEstimate([]string{"../calc/testdata/seeds/notts-23-009-620.json", "--json", "--today", "2024-03-08"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res []struct {
		File     string
		Estimate struct{ Low, Typical, High string }
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || len(res) != 1 {
		t.Fatalf("%v: %s", err, out.String())
	}
	if e := nottsEstimate(t); res[0].Estimate.Low != e.Low.String() || res[0].Estimate.High != e.High.String() {
		t.Errorf("low %q high %q, want calc's %s and %s", res[0].Estimate.Low, res[0].Estimate.High, e.Low, e.High)
	}
}

// nottsEstimate is calc's estimate of the Nottinghamshire seed on the
// day the tests run the command for.
func nottsEstimate(t *testing.T) calc.Estimate {
	t.Helper()
	c, err := readCase("../calc/testdata/seeds/notts-23-009-620.json")
	if err != nil {
		t.Fatal(err)
	}
	return calc.EstimateCase(c, calc.DefaultRules(), calc.MustDate(2024, 3, 8))
}

func TestEstimateBadFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"schema_version":1,"child":{"first_name":"A"},"plans":[{"id":"p","kind":"ehc_plan","extra":true}]}`), 0o600)
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte(`{"schema_version":`), 0o600)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{bad}, 1, "plans[0].extra: unknown field"},
		{[]string{broken}, 1, "not valid JSON"},
		{[]string{filepath.Join(dir, "missing.json")}, 1, "cannot read the file"},
		{[]string{}, 2, "usage"},
		{[]string{"--today", "2024-02-30", bad}, 2, "no day 30"},
		{[]string{"--nope", bad}, 2, "flag provided but not defined"},
	} {
		var out, errb bytes.Buffer
		if code := runEstimate(tc.args, &out, &errb); code != tc.code || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errb.String(), tc.code, tc.want)
		}
	}
	// A good file beside a bad one is still estimated, and the exit code reports the failure.
	var out, errb bytes.Buffer
	if code := runEstimate([]string{"../calc/testdata/seeds/notts-23-009-620.json", bad}, &out, &errb); code != 1 || !strings.Contains(out.String(), "notts") {
		t.Errorf("mixed files: exit %d, out %q", code, out.String())
	}
}
