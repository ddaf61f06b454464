//go:build js

package backup

import "syscall/js"

// normalizePassphrase returns p in Unicode NFC, so "café" typed with one
// character or with e and a combining accent derives the same key. In the
// browser, JavaScript's String.prototype.normalize does it: the unicode
// tables stay out of the wasm. (A Go string becomes a JavaScript string
// primitive, which has no methods of its own through syscall/js, so the
// method is called on it.)
func normalizePassphrase(p string) string {
	normalize := js.Global().Get("String").Get("prototype").Get("normalize")
	if normalize.Type() != js.TypeFunction {
		return p // every browser the app supports has it
	}
	return normalize.Call("call", p, "NFC").String()
}
