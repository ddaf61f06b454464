package calc

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLetterDetailsRoundTripAndLimits(t *testing.T) {
	c := loadCase(t, filepath.Join("testdata", "seeds", "notts-23-009-620.json"))
	c.Letter = LetterDetails{SenderName: "Jo Smith", SenderAddress: []string{"1 Oak Road", "Nottingham NG1 1AA"},
		SenderEmail: "jo@example.com", Impact: "He stopped sleeping.\nHe is anxious.", CC: []string{"Mr Jones"}}
	if probs := Validate(c); len(probs) > 0 {
		t.Fatal(probs)
	}
	data, err := EncodeCaseFile(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeCaseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Letter.Impact != c.Letter.Impact || len(back.Letter.SenderAddress) != 2 {
		t.Errorf("letter details lost: %+v", back.Letter)
	}
	c.Letter = LetterDetails{}
	if data, _ := EncodeCaseFile(c); strings.Contains(string(data), `"letter"`) {
		t.Error("empty letter details are written")
	}

	bad := []struct {
		name string
		l    LetterDetails
		path string
	}{
		{"long name", LetterDetails{SenderName: strings.Repeat("a", 201)}, "letter.sender_name"},
		{"newline in name", LetterDetails{RecipientName: "Ms\nPatel"}, "letter.recipient_name"},
		{"NUL in address", LetterDetails{SenderAddress: []string{"1\x00Oak"}}, "letter.sender_address[0]"},
		{"right-to-left override in school", LetterDetails{School: "Oak \u202eloohcS"}, "letter.school"},
		{"long own words", LetterDetails{Impact: strings.Repeat("a", 10001)}, "letter.impact"},
		{"control in own words", LetterDetails{Extra: "a\x07b"}, "letter.extra"},
		{"too many lines", LetterDetails{RecipientAddress: make([]string, 11)}, "letter.recipient_address"},
		{"email", LetterDetails{SenderEmail: "not an email"}, "letter.sender_email"},
	}
	for _, b := range bad {
		c.Letter = b.l
		found := false
		for _, p := range Validate(c) {
			found = found || p.Path == b.path
		}
		if !found {
			t.Errorf("%s: no problem at %s: %v", b.name, b.path, Validate(c))
		}
	}
	// A tab (pasted from a table) is kept, as in every other text.
	c.Letter = LetterDetails{NotResolved: "line 1\r\nline 2", SenderAddress: []string{"1\tOak Road"}}
	if probs := Validate(c); len(probs) > 0 {
		t.Errorf("line breaks refused in own words: %v", probs)
	}
}
