package letters

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"provisiontracker/calc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenToday is the fixed date of the letters for each case file.
var goldenToday = map[string]calc.Date{
	"bromley-23-008-648": calc.MustDate(2023, 6, 30),
	"bromley-news-1980":  calc.MustDate(2023, 7, 24),
	"bromley-news-750":   calc.MustDate(2023, 9, 15),
	"herts-24-006-445":   calc.MustDate(2025, 2, 28),
	"notts-23-009-620":   calc.MustDate(2024, 1, 22),
	"sam":                calc.MustDate(2025, 12, 18),
}

func goldenInputs() Inputs {
	return Inputs{
		SenderName:      "Alex Morgan",
		SenderAddress:   []string{"12 Willow Road", "Anytown", "AB1 2CD"},
		SenderEmail:     "alex.morgan@example.org",
		SenderPhone:     "07700 900123",
		School:          "Oak Tree Primary School",
		Impact:          "My child has become anxious about school and can no longer hold a pencil for long. We have had to cut back on family outings.",
		CC:              []string{"Mr Jones, SEN caseworker"},
		Stage1Reference: "COM/1234",
		NotResolved:     "The council said it was looking for a therapist but gave no date and offered nothing for the missed sessions.",
	}
}

// caseFiles returns every case file the tests use: the calc seeds and
// this package's own cases, by short name.
func caseFiles(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, glob := range []string{"../calc/testdata/seeds/*.json", "testdata/cases/*.json"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			out[strings.TrimSuffix(filepath.Base(p), ".json")] = p
		}
	}
	if len(out) < 6 {
		t.Fatalf("found only %d case files", len(out))
	}
	return out
}

func loadCase(t testing.TB, path string) calc.Case {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := calc.DecodeCaseFile(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./letters -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test ./letters -update and read the diff.\n--- got ---\n%s", name, got)
	}
}

func TestGoldenLetters(t *testing.T) {
	for name, path := range caseFiles(t) {
		today, ok := goldenToday[name]
		if !ok {
			t.Fatalf("no golden date for %s", name)
		}
		c := loadCase(t, path)
		for _, k := range Available(c) {
			t.Run(name+"/"+string(k), func(t *testing.T) {
				l, err := Build(k, c, goldenInputs(), today)
				if err != nil {
					t.Fatal(err)
				}
				text := l.PlainText()
				if len(l.Missing) > 0 {
					text += "\n==== Still to add (shown by the app, not part of the letter) ====\n- " + strings.Join(l.Missing, "\n- ") + "\n"
				}
				checkGolden(t, name+"."+string(k)+".txt", text)
			})
		}
		t.Run(name+"/routes", func(t *testing.T) {
			checkGolden(t, name+".routes.txt", routesText(Routes(c, today)))
		})
	}
}

// routesText writes routes for reading in a golden file.
func routesText(rs []Route) string {
	var w strings.Builder
	for i, r := range rs {
		if i > 0 {
			w.WriteString("\n")
		}
		w.WriteString("## " + r.Title + " [" + r.Key + "]")
		if r.Signpost {
			w.WriteString(" (signposted only)")
		}
		w.WriteString("\n" + r.Why + "\n")
		for _, s := range r.Steps {
			w.WriteString("- " + s + "\n")
		}
		for _, l := range r.Limits {
			w.WriteString("* " + l.What + ": " + l.Date.Long())
			if l.Passed {
				w.WriteString(" (passed)")
			}
			w.WriteString(". Source: " + l.Source + ".")
			if l.Note != "" {
				w.WriteString(" " + l.Note)
			}
			w.WriteString("\n")
		}
		if len(r.Letters) > 0 {
			var ks []string
			for _, k := range r.Letters {
				ks = append(ks, string(k))
			}
			w.WriteString("Letters: " + strings.Join(ks, ", ") + "\n")
		}
	}
	return w.String()
}
