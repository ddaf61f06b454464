//go:build !js

package main

import (
	"bytes"
	"regexp"
)

// contentSecurityPolicy is the policy every generated page carries, in a
// <meta http-equiv> tag (static hosts cannot be trusted to send headers).
// It allows the site's own files and nothing else:
//
//   - script-src 'self' 'wasm-unsafe-eval': wasm_exec.js and app.js are
//     files of the site; compiling app.wasm needs 'wasm-unsafe-eval' (it
//     allows WebAssembly only, not eval). go-app writes no inline script.
//   - style-src 'self': app.css and web/app.css. go-app's prerendered pages
//     have no <style> and no style="" attribute, and the app sets styles
//     only through element.style (CSSOM), which CSP does not restrict. Its
//     Style() method would set a style attribute and be blocked: the app
//     does not use it (TestNoInlineStyleOrScript checks the pages).
//   - img-src, connect-src (the worker's and the wasm's fetches), worker-src,
//     manifest-src, font-src: 'self' only. No data: or blob: images: the
//     app shows none. A download through a blob: URL is not a fetch the
//     policy governs.
//   - object-src 'none', base-uri 'self', form-action 'self'.
//
// frame-ancestors, report-uri and sandbox are ignored in a <meta> policy,
// so they are left out; a host that can send headers should add
// "frame-ancestors 'none'".
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

var metaCharset = regexp.MustCompile(`(?i)<meta charset="[^"]*">`)

// addCSP puts the policy right after <meta charset>, before any script,
// style sheet or link, so it covers everything the page loads. A page that
// already has a policy is left alone.
func addCSP(page []byte) []byte {
	if bytes.Contains(page, []byte(`http-equiv="Content-Security-Policy"`)) {
		return page
	}
	tag := []byte("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"" + contentSecurityPolicy + "\">")
	loc := metaCharset.FindIndex(page)
	if loc == nil {
		// No charset tag: put it first in <head>.
		i := bytes.Index(page, []byte("<head>"))
		if i < 0 {
			return page
		}
		loc = []int{i, i + len("<head>")}
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:loc[1]]...)
	out = append(out, tag...)
	return append(out, page[loc[1]:]...)
}
