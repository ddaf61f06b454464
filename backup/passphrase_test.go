package backup

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCheckPassphrase(t *testing.T) {
	tests := []struct {
		pass string
		want string // part of the message; "" = accepted
	}{
		{"purple kite river", ""},
		{"zoë été!", ""},
		{"correct horse battery staple", ""},
		{"Mum's 2 cats", ""},
		{"20 oak road 1999", ""},
		{"short", "at least 8 characters"},
		{"cafe\u0301 ok", "at least 8 characters"}, // 8 code points, 7 characters once composed
		{"cafe\u0301 okay", ""},
		{"abcde\u0301\u0301\u0301", "at least 8 characters"}, // 8 code points, 6 after NFC
		{"password", "most common"},
		{"Password", "most common"},
		{"PASS WORD", "most common"},
		{"password1", "most common"},
		{"iloveyou", "most common"},
		{"12345678", "simple pattern"},
		{"87654321", "simple pattern"},
		{"abcdefgh", "simple pattern"},
		{"qwertyuiop", "most common"},
		{"asdfghjk", "most common"},
		{"zxcvbnm1", "most common"},
		{"mnbvcxz ", "simple pattern"},
		{"aaaaaaaa", "simple pattern"},
		{"abababab", "simple pattern"},
		{"abcabcabc", "simple pattern"},
		{"        ", "only spaces"},
		{"\t\t\t\t\t\t\t\t", "only spaces"},
		{"19071985", "only numbers"},
		{"07700 900123", "only numbers"}, // a phone number
		{"314159265358", ""},             // 12 digits
	}
	for _, tc := range tests {
		err := CheckPassphrase(tc.pass)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("CheckPassphrase(%q) = %v, want accepted", tc.pass, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("CheckPassphrase(%q) = %v, want %q", tc.pass, err, tc.want)
		case err != nil && !strings.Contains(err.Error(), `like "purple kite river"`):
			t.Errorf("CheckPassphrase(%q): no example of a good one in %q", tc.pass, err)
		}
	}
}

// "café" typed as one character or as e and a combining accent (as some
// keyboards do) opens the same file.
func TestPassphraseNFC(t *testing.T) {
	composed, decomposed := "caf\u00e9 au lait", "cafe\u0301 au lait"
	if composed == decomposed {
		t.Fatal("the two spellings are the same bytes")
	}
	_, locked, err := ExportLocked(amira(t), today, composed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(locked, decomposed, nil); err != nil {
		t.Errorf("the other spelling does not open it: %v", err)
	}
	if normalizePassphrase(decomposed) != composed {
		t.Errorf("normalizePassphrase(%q) = %q", decomposed, normalizePassphrase(decomposed))
	}
}

// A file may ask for at most maxIterations; the app writes
// DefaultIterations, well within it, and such a file opens at once natively.
func TestIterationCap(t *testing.T) {
	if DefaultIterations > maxIterations || maxIterations > 2*DefaultIterations {
		t.Fatalf("cap %d is not near the %d the app writes", maxIterations, DefaultIterations)
	}
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("derives a key with a million rounds twice")
	}
	old := iterations
	iterations = maxIterations
	defer func() { iterations = old }()
	_, locked, err := ExportLocked(amira(t), today, "purple kite river")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := Import(locked, "purple kite river", nil); err != nil {
		t.Fatalf("a file at the cap does not open: %v", err)
	}
	t.Logf("%d rounds took %v natively", maxIterations, time.Since(start))
}

// Natively golang.org/x/text, in the browser JavaScript's normalize: both
// give NFC (scripts/wasm-test.sh with PKGS=./backup runs this in Chromium).
func TestNormalizePassphrase(t *testing.T) {
	for in, want := range map[string]string{
		"cafe\u0301":           "caf\u00e9",
		"caf\u00e9":            "caf\u00e9",
		"A\u030angstro\u0308m": "\u00c5ngstr\u00f6m",
		"plain words":          "plain words",
		"":                     "",
	} {
		if got := normalizePassphrase(in); got != want {
			t.Errorf("normalizePassphrase(%q) = %q, want %q", in, got, want)
		}
	}
}
