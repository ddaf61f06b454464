//go:build !js

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Pages make the common elements through elements.go, whose functions stay
// out of line: a page that calls go-app's constructor directly brings back
// the inlined copies the wasm size budget paid to remove.
func TestPagesUseTheOutOfLineElements(t *testing.T) {
	src, err := os.ReadFile("elements.go")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^func el(\w+)\(`).FindAllStringSubmatch(string(src), -1) {
		names = append(names, m[1])
	}
	if len(names) < 10 {
		t.Fatalf("elements.go has %d element functions", len(names))
	}
	direct := regexp.MustCompile(`\bapp\.(` + strings.Join(names, "|") + `)\(`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if f == "elements.go" || strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(f)
		for i, line := range strings.Split(string(b), "\n") {
			if m := direct.FindStringSubmatch(line); m != nil && !strings.HasPrefix(strings.TrimSpace(line), "//") {
				t.Errorf("%s:%d calls app.%s( directly: use el%s( (see elements.go)", f, i+1, m[1], m[1])
			}
		}
	}
}
