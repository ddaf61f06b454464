package backup

import (
	"bytes"
	"strings"
	"testing"

	"provisiontracker/calc"
)

// withText puts s into every kind of text field a parent types: notes, a
// provision's wording and notes, a contact's said and promised, the letter's
// own words and, when s is one line, the child's name, the provider, who a
// contact was with and the letter's school.
func withText(t testing.TB, s string) calc.Case {
	c := amira(t)
	c.Notes = s
	pr := &c.Plans[0].Provisions[0]
	pr.Wording, pr.Notes = s, s
	ct := calc.Contact{Date: calc.MustDate(2025, 1, 2), Kind: calc.ContactEmail, Said: s, Promised: s}
	c.Letter.Impact = s
	if !strings.ContainsAny(s, "\r\n") {
		c.Child.FirstName = "Amira " + s
		pr.Provider, ct.With, c.Letter.School = s, s, s
	}
	c.Contacts = append(c.Contacts, ct)
	calc.AssignContactIDs(&c) // as the decoder does
	return c
}

// roundTrip exports c plain and locked and imports each file back; both
// must give the same case file.
func roundTrip(t *testing.T, c calc.Case) {
	t.Helper()
	want, err := calc.EncodeCaseFile(c)
	if err != nil {
		t.Fatal(err)
	}
	_, plain, err := Export(c, today)
	if err != nil {
		t.Fatalf("Export refused text the app accepts: %v", err)
	}
	_, locked, err := ExportLocked(c, today, "purple kite river")
	if err != nil {
		t.Fatalf("ExportLocked refused text the app accepts: %v", err)
	}
	for name, data := range map[string][]byte{"plain": plain, "locked": locked} {
		plan, err := Import(data, "purple kite river", nil)
		if err != nil {
			t.Fatalf("%s backup does not import: %v", name, err)
		}
		got, _ := calc.EncodeCaseFile(plan.Case)
		if !bytes.Equal(got, want) {
			t.Fatalf("%s backup came back different:\n%s\nwant\n%s", name, got, want)
		}
	}
}

// Text that looks like mail headers or web page code is what parents
// paste from emails: the app lets it in, so backups keep it exactly.
func TestTextThatLooksLikeCodeRoundTrips(t *testing.T) {
	for _, s := range []string{
		"From: Jane Smith <jane.smith@example.org>",
		"Meeting moved to <Tuesday>",
		"see <script>alert(1)</script>",
		"a <!-- b", "x</b>", "<?xml version=\"1.0\"?>", "<img src=x onerror=alert(1)>",
		"I <3 it, £50 <= £60 & \"quotes\" 'too' \\ back\\slash",
		"Zoë, 李, مرحبا, 👩‍👧",
		"two\nlines\r\nand\ta tab",
		`{"schema_version": 2}`, "</script><script>",
	} {
		t.Run(s, func(t *testing.T) {
			c := withText(t, s)
			if probs := calc.Validate(c); len(probs) > 0 {
				t.Fatalf("calc refuses %q: %v", s, probs)
			}
			roundTrip(t, c)
		})
	}
}

// FuzzTextRoundTrip is the property behind the test above: any text that
// calc.Validate accepts, in any text field, exports and imports again
// unchanged, plain and locked.
func FuzzTextRoundTrip(f *testing.F) {
	for _, s := range []string{"From: Jane Smith <jane.smith@example.org>", "Meeting moved to <Tuesday>",
		"<b>", "\u202e", "\x00", "\ufeff", "a\nb", strings.Repeat("é", 201), "\\u003c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := withText(t, s)
		if len(calc.Validate(c)) > 0 {
			// Refused where it is typed; try the long-text fields alone.
			c = amira(t)
			c.Notes = s
			c.Contacts = append(c.Contacts, calc.Contact{Date: calc.MustDate(2025, 1, 2), Kind: calc.ContactEmail, Said: s})
			calc.AssignContactIDs(&c)
			if len(calc.Validate(c)) > 0 {
				return
			}
		}
		roundTrip(t, c)
	})
}
