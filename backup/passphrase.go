package backup

import (
	"strings"
	"unicode"
)

// The messages of CheckPassphrase: each says kindly what is wrong and
// gives an example of a good passphrase.
const (
	goodExample  = ` Three or four words that mean something to you but not to others work well, like "purple kite river".`
	msgTooShort  = "The passphrase must be at least 8 characters long." + goodExample
	msgSpaces    = "The passphrase cannot be only spaces." + goodExample
	msgCommon    = "This passphrase is one of the most common ones, so someone could guess it." + goodExample
	msgPattern   = "This passphrase is a simple pattern (the same few characters again, or keys in a row), so someone could guess it." + goodExample
	msgOnlyDigit = "A passphrase of only numbers, such as a date or a phone number, is easy to guess." + goodExample
)

// common is a short list of the passphrases most often used (lower case,
// without spaces), from published lists of leaked passwords, each between
// spaces. Patterns such as 12345678 and aaaaaaaa are caught by the rules,
// not the list. (One string rather than a map: less code in the wasm.)
const common = ` password passw0rd password1 password12 password123 passwords
	p@ssword p@ssw0rd iloveyou iloveyou1 sunshine princess football baseball welcome1
	letmein1 trustno1 superman starwars whatever chocolate liverpool arsenal chelsea
	computer internet changeme default1 master12 monkey12 dragon12 shadow12 michael1 jennifer
	abc12345 abcd1234 qwerty12 qwerty123 1q2w3e4r 1qaz2wsx zaq12wsx q1w2e3r4 a1b2c3d4
	qwertyui qwertyuiop asdfghjk asdfghjkl zxcvbnm1 iloveyou2 mypassword secret12 secret123
	provisiontracker provision backup12 backup123 ehcplan1 myfamily family12 babygirl1 letmein123 `

// isCommon reports whether folded is in the list of common passphrases.
func isCommon(folded string) bool {
	return folded != "" && !strings.ContainsAny(folded, " \t\n") &&
		strings.Contains(strings.NewReplacer("\n", " ", "\t", " ").Replace(common), " "+folded+" ")
}

// rows are runs of keys and letters people type for a passphrase.
var rows = []string{"abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "01234567890", "09876543210"}

// CheckPassphrase says whether a passphrase can lock a backup: at least 8
// characters (after NFC normalisation, so "café" counts the same however
// it was typed), not only spaces, not one of the most common passwords,
// not a simple pattern (one character repeated, a few characters again, a
// run of letters, numbers or keys) and not only numbers. The message says
// why, kindly, with an example of a good one.
func CheckPassphrase(p string) error {
	p = normalizePassphrase(p)
	if len([]rune(p)) < 8 {
		return &Error{Msg: msgTooShort}
	}
	if strings.TrimSpace(p) == "" {
		return &Error{Msg: msgSpaces}
	}
	// Compare as a person would guess: lower case, spaces and dots ignored.
	folded := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' || r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, p)
	if isCommon(folded) {
		return &Error{Msg: msgCommon}
	}
	if isPattern(folded) {
		return &Error{Msg: msgPattern}
	}
	if strings.Trim(folded, "0123456789") == "" && len(folded) < 12 {
		return &Error{Msg: msgOnlyDigit}
	}
	return nil
}

// isPattern reports whether s is made of at most 3 different characters,
// or is a run taken from one of rows, forwards or backwards.
func isPattern(s string) bool {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	if len(seen) <= 3 {
		return true
	}
	rev := []rune(s)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	for _, row := range rows {
		if strings.Contains(row, s) || strings.Contains(row, string(rev)) {
			return true
		}
	}
	return false
}
