//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEstimateSimilarText(t *testing.T) {
	var out, errb bytes.Buffer
	code := runEstimate([]string{"--similar", "--today", "2026-11-25", "../calc/testdata/seeds/bromley-23-008-648.json"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"== ../calc/testdata/seeds/bromley-23-008-648.json", "Each case turns on its own facts",
		"1. ", "What went wrong: ", "Paid: £", "Why similar: also a social-care care plan", "https://www.lgo.org.uk/decisions/"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Total   low") {
		t.Error("--similar printed the estimate too")
	}
}

func TestEstimateSimilarJSON(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.json")
	os.WriteFile(empty, []byte(`{"schema_version":2,"child":{"first_name":"A"},"plans":[{"id":"p","kind":"ehc_plan"}]}`), 0o600)
	var out, errb bytes.Buffer
	code := runEstimate([]string{"--similar", "--json", "--today", "2026-11-25", "../calc/testdata/seeds/notts-23-009-620.json", empty}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res []struct {
		File     string
		Estimate any
		Similar  struct {
			Matches []struct {
				Ref, URL, Summary, Total string
				Items                    []struct{ Amount, For string }
				Why                      []string
			}
			Hints []string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || len(res) != 2 {
		t.Fatalf("%v: %s", err, out.String())
	}
	notts := res[0].Similar
	if res[0].Estimate != nil || len(notts.Matches) < 3 || len(notts.Matches) > 5 || len(notts.Hints) != 0 {
		t.Fatalf("notts: %+v", res[0])
	}
	for _, m := range notts.Matches {
		if len(m.Ref) != 10 || !strings.HasPrefix(m.URL, "https://") || m.Summary == "" || len(m.Items) == 0 || len(m.Why) == 0 {
			t.Errorf("match %+v is missing something", m)
		}
	}
	if e := res[1].Similar; len(e.Matches) != 0 || len(e.Hints) == 0 {
		t.Errorf("a case with nothing missed: %+v", e)
	}
}
