package calc

import (
	"os"
	"strings"
	"testing"
)

func textSeed(t *testing.T) Case {
	t.Helper()
	b, err := os.ReadFile("testdata/seeds/herts-24-006-445.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := DecodeCaseFile(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// One rule for the characters of every text field: the child's first name
// refuses what the letter details refuse.
func TestOneRuleForHiddenCharacters(t *testing.T) {
	fields := []struct {
		path      string
		multiline bool
		set       func(c *Case, s string)
	}{
		{"child.first_name", false, func(c *Case, s string) { c.Child.FirstName = "Amira" + s }},
		{"notes", true, func(c *Case, s string) { c.Notes = s }},
		{"plans[0].title", false, func(c *Case, s string) { c.Plans[0].Title = s }},
		{"plans[0].provisions[0].provider", false, func(c *Case, s string) { c.Plans[0].Provisions[0].Provider = s }},
		{"plans[0].provisions[0].wording", true, func(c *Case, s string) { c.Plans[0].Provisions[0].Wording = s }},
		{"contacts[0].with", false, func(c *Case, s string) {
			c.Contacts = []Contact{{Date: MustDate(2025, 1, 2), Kind: ContactEmail, With: s}}
		}},
		{"contacts[0].said", true, func(c *Case, s string) {
			c.Contacts = []Contact{{Date: MustDate(2025, 1, 2), Kind: ContactEmail, Said: s}}
		}},
		{"letter.school", false, func(c *Case, s string) { c.Letter.School = s }},
		{"letter.impact", true, func(c *Case, s string) { c.Letter.Impact = s }},
	}
	refused := map[string]string{
		"NUL":                     "a\x00b",
		"bell":                    "a\x07b",
		"escape":                  "a\x1b[31m",
		"DEL":                     "a\x7fb",
		"C1 control":              "a\u0085b",
		"right-to-left override":  "Amira\u202egnp.exe",
		"left-to-right embedding": "a\u202ab",
		"right-to-left isolate":   "a\u2067b",
		"pop directional isolate": "a\u2069b",
		"invalid UTF-8":           "a\xffb",
	}
	allowed := map[string]string{
		"tab":         "1\tOak Road",
		"accents":     "Zoë O'Neil-Smith",
		"Arabic":      "مرحبا",
		"emoji (ZWJ)": "👩‍👧",
		"mark (RLM)":  "a\u200fb",
		"tags":        "Meeting moved to <Tuesday>",
	}
	for _, f := range fields {
		for name, s := range refused {
			c := textSeed(t)
			f.set(&c, s)
			if !hasProblemAt(Validate(c), f.path) {
				t.Errorf("%s with %s: not refused", f.path, name)
			}
		}
		for name, s := range allowed {
			c := textSeed(t)
			f.set(&c, s)
			if probs := Validate(c); len(probs) > 0 {
				t.Errorf("%s with %s: refused: %v", f.path, name, probs)
			}
		}
		c := textSeed(t)
		f.set(&c, "line 1\r\nline 2")
		if got := hasProblemAt(Validate(c), f.path); got == f.multiline {
			t.Errorf("%s with a line break: refused = %v, want %v", f.path, got, !f.multiline)
		}
	}
}

func TestHiddenCharacterMessages(t *testing.T) {
	for s, want := range map[string]string{
		"a\x00b":      "Keep this on one line",
		"a\u202eb":    "changes the direction of the text",
		"a\xffb":      "broken",
		"fine <text>": "",
	} {
		if got := hiddenCharacters(s, false); !strings.Contains(got, want) || (want == "") != (got == "") {
			t.Errorf("hiddenCharacters(%q) = %q, want %q", s, got, want)
		}
	}
	if got := hiddenCharacters("a\x00b", true); !strings.Contains(got, "only line breaks are allowed") {
		t.Errorf("multi-line: %q", got)
	}
}

func hasProblemAt(probs []FieldError, path string) bool {
	for _, p := range probs {
		if p.Path == path {
			return true
		}
	}
	return false
}
