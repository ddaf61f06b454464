// Package backup exports a case as a backup file, optionally locked with a
// passphrase, and checks a file completely before it is imported. It is
// pure Go (standard library and calc), built natively and for WebAssembly.
//
// # Files
//
// A plain backup is the case file itself, the bytes calc.EncodeCaseFile
// writes, named provision-tracker-<child>-<date>.json. A locked backup is a
// JSON envelope named provision-tracker-backup-<date>-locked.json (it keeps
// the .json ending so phones let the parent pick it):
//
//	{"format": "provision-tracker-locked-backup", "version": 1,
//	 "kdf": {"name": "pbkdf2-sha256", "iterations": 600000, "salt": "<base64, 16 bytes>"},
//	 "cipher": {"name": "aes-256-gcm", "nonce": "<base64, 12 bytes>"},
//	 "ciphertext": "<base64>"}
//
// A locked file's name never has the child's name in it, so the file alone
// reveals nothing when it is sent to an advocate.
//
// Several records (an advocate's cases, or a family with two children) go
// in one file, plain or locked, named provision-tracker-3-records-<date>.json:
//
//	{"format": "provision-tracker-records", "version": 1, "records": [<case file>, ...]}
//
// The key is PBKDF2-HMAC-SHA-256 of the passphrase (600,000 iterations,
// OWASP 2023) with a random salt; nothing about the key is stored. The
// plaintext is the case file (or a file of several records, below).
// Everything but the ciphertext is bound into
// GCM's additional data (as the compact JSON of the header fields in the
// order above), so changing any header value makes opening fail. The
// parameters are in the file, so later versions can raise them and still
// open old files.
//
// # Import
//
// Import reads a file and returns a Plan: the case, what is in it, and the
// existing case it matches, if any. Nothing is changed; the app decides
// (add, replace or keep both) and saves through casestore. Every refusal is
// an *Error with a plain message for the parent.
package backup

import (
	"strings"
	"unicode"

	"provisiontracker/calc"
)

// MaxFileSize is the largest backup file Import reads.
const MaxFileSize = 5 << 20

// FileName returns the name of a backup file. A plain backup is named
// after the child's first name made safe (lower-case ASCII letters, digits
// and hyphens; "child" if nothing is left) and today's date, e.g.
// provision-tracker-amira-2026-11-25.json. A locked backup is often sent
// to someone else (an advocate, by email), so its name reveals nothing but
// the date: provision-tracker-backup-2026-11-25-locked.json.
func FileName(firstName string, today calc.Date, locked bool) string {
	if locked {
		return "provision-tracker-backup-" + today.String() + "-locked.json"
	}
	child := Slug(firstName)
	if child == "" {
		child = "child"
	}
	return "provision-tracker-" + child + "-" + today.String() + ".json"
}

var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ù': "u",
	'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss", 'œ': "oe", 'ł': "l",
	'ś': "s", 'š': "s", 'ž': "z", 'ź': "z", 'ż': "z", 'ć': "c", 'č': "c", 'ń': "n",
	'ğ': "g", 'ı': "i", 'ş': "s", 'ř': "r", 'ě': "e", 'ą': "a", 'ę': "e",
}

// Slug makes s safe for a file name: lower-case ASCII letters, digits and
// single hyphens, accents folded (é → e), at most 30 characters; "" when
// nothing is left.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case fold[r] != "":
			b.WriteString(fold[r])
			dash = false
		case unicode.IsSpace(r) || r == '-' || r == '\'' || r == '’' || r == '.' || r == '_' || r == '/' || r == ',' || r == '+' || r == '&':
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= 30 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 30 {
		out = strings.Trim(out[:30], "-")
	}
	return out
}

// Export writes a plain backup: the case file and its name. It refuses
// only a case that calc.Validate refuses (an unfinished record), with the
// fields to fix: any text the app lets a parent type is written as it is
// (JSON escapes it, and the app and the letters show text only as text),
// so the one copy off the device is never refused for what was typed.
func Export(c calc.Case, today calc.Date) (name string, data []byte, err error) {
	data, err = encode(c)
	if err != nil {
		return "", nil, err
	}
	return FileName(c.Child.FirstName, today, false), data, nil
}

// ExportLocked writes a backup locked with a passphrase (see CheckPassphrase).
func ExportLocked(c calc.Case, today calc.Date, passphrase string) (name string, data []byte, err error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return "", nil, err
	}
	plain, err := encode(c)
	if err != nil {
		return "", nil, err
	}
	data, err = seal(plain, passphrase)
	if err != nil {
		return "", nil, err
	}
	return FileName(c.Child.FirstName, today, true), data, nil
}

func encode(c calc.Case) ([]byte, error) {
	data, err := calc.EncodeCaseFile(c)
	if err != nil {
		return nil, &Error{Msg: "The backup could not be made: " + err.Error() + "."}
	}
	if _, err := calc.DecodeCaseFile(data); err != nil {
		return nil, exportProblems(err)
	}
	return data, nil
}
