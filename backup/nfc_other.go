//go:build !js

package backup

import "golang.org/x/text/unicode/norm"

// normalizePassphrase returns p in Unicode NFC, so "café" typed with one
// character or with e and a combining accent derives the same key.
// Natively (the estimate command, tests) golang.org/x/text does it; the
// browser build uses JavaScript's own (nfc_js.go).
func normalizePassphrase(p string) string { return norm.NFC.String(p) }
