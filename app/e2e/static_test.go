//go:build !js

package e2e

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// allowedURLs are the only absolute URLs the built site's text files may contain. None of
// them is ever fetched: each is an identifier.
var allowedURLs = map[string]string{
	"http://www.w3.org/2000/svg":   "the SVG namespace, in xmlns attributes of SVG icons",
	"http://www.w3.org/1999/xlink": "the XLink namespace, in SVG icons",
	"http://www.w3.org/1999/xhtml": "the XHTML namespace",
	// A comment in Go's own wasm_exec.js (copied from GOROOT/lib/wasm, must match the
	// toolchain), explaining a workaround; the script never fetches it.
	"https://github.com/golang/go/issues/28975": "a code comment in Go's wasm_exec.js",
}

var urlPattern = regexp.MustCompile(`https?://[^\s"'<>()\x60\\,;]+`)

// textExts are the site's text files; compressed copies (.gz, .br) hold the same text.
var textExts = map[string]bool{
	".html": true, ".js": true, ".css": true, ".webmanifest": true, ".json": true,
	".svg": true, ".txt": true, ".xml": true, ".map": true,
}

// The built site names no other origin: nothing in it can make the browser fetch from a
// third party, under either prefix.
func TestStaticSiteHasNoOtherOrigins(t *testing.T) {
	forEachPrefix(t, func(t *testing.T, prefix string) {
		s := builds.get(t, prefix)
		found := map[string][]string{} // URL -> files
		scanned := 0
		err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !textExts[path.Ext(p)] {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			scanned++
			rel, _ := filepath.Rel(s.dir, p)
			for _, u := range urlPattern.FindAllString(string(data), -1) {
				u = strings.TrimRight(u, ".:")
				if _, ok := allowedURLs[u]; !ok && !isDecisionLink(u) {
					found[u] = append(found[u], rel)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if scanned == 0 {
			t.Fatal("no text files found in the built site")
		}
		var urls []string
		for u := range found {
			urls = append(urls, u)
		}
		sort.Strings(urls)
		for _, u := range urls {
			t.Errorf("%s names another origin: %s", strings.Join(dedupe(found[u]), ", "), u)
		}
		t.Logf("scanned %d text files", scanned)
	})
}
