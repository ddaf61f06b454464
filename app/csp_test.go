//go:build !js

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every generated page carries the policy before anything it loads.
func TestEveryPageHasTheCSPFirst(t *testing.T) {
	out, _ := build(t, fakeWeb(t, "wasm"), "/provision-tracker/")
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	sub, _ := filepath.Glob(filepath.Join(out, "*", "*.html"))
	pages = append(pages, sub...)
	if len(pages) < 5 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, p := range pages {
		html := read(t, filepath.Dir(p), filepath.Base(p))
		i := strings.Index(html, `<meta http-equiv="Content-Security-Policy" content="`+contentSecurityPolicy+`">`)
		if i < 0 {
			t.Errorf("%s has no Content-Security-Policy meta", p)
			continue
		}
		if strings.Count(html, "Content-Security-Policy") != 1 {
			t.Errorf("%s has more than one policy", p)
		}
		for _, later := range []string{"<script", "<link", "<style"} {
			if j := strings.Index(html, later); j >= 0 && j < i {
				t.Errorf("%s: %s comes before the policy, which then does not cover it", p, later)
			}
		}
	}
}

var (
	inlineScript = regexp.MustCompile(`(?is)<script\b[^>]*>\s*[^<\s]`)
	scriptTag    = regexp.MustCompile(`(?is)<script\b[^>]*>`)
	styleTag     = regexp.MustCompile(`(?i)<style\b`)
	styleAttr    = regexp.MustCompile(`(?i)\sstyle=`)
	handlerAttr  = regexp.MustCompile(`(?i)\son[a-z]+=`)
	jsURL        = regexp.MustCompile(`(?i)(href|src)="\s*javascript:`)
)

// The policy allows no inline script or style, so the pages must have none
// (the browser would block them and log a violation).
func TestNoInlineStyleOrScript(t *testing.T) {
	out, _ := build(t, fakeWeb(t, "wasm"), "/")
	err := filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		html := string(b)
		for name, re := range map[string]*regexp.Regexp{
			"inline <script>": inlineScript, "<style>": styleTag,
			"style attribute": styleAttr, "event handler attribute": handlerAttr, "javascript: URL": jsURL,
		} {
			if m := re.FindString(html); m != "" {
				t.Errorf("%s has a %s (%q): the Content-Security-Policy blocks it", p, name, m)
			}
		}
		for _, tag := range scriptTag.FindAllString(html, -1) {
			if !strings.Contains(tag, " src=") {
				t.Errorf("%s has a <script> without src (%s): the Content-Security-Policy blocks it", p, tag)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The app sets no style attribute: go-app's Style() would, and the policy
// would block it at run time.
func TestAppUsesNoStyleAttribute(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{".Style(", ".Styles(", `Attr("style"`, `"setAttribute", "style"`} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s uses %s: set styles with classes in web/app.css (the CSP blocks style attributes)", f, bad)
			}
		}
	}
}

func TestAddCSP(t *testing.T) {
	in := []byte("<html><head>\n<meta charset=\"UTF-8\">\n<script src=\"/a.js\"></script></head></html>")
	out := string(addCSP(in))
	if !strings.Contains(out, `<meta charset="UTF-8">`+"\n    <meta http-equiv=\"Content-Security-Policy\"") {
		t.Errorf("policy not right after the charset:\n%s", out)
	}
	if string(addCSP([]byte(out))) != out {
		t.Error("adding twice changed the page")
	}
	if got := string(addCSP([]byte("<head><title>x</title></head>"))); !strings.HasPrefix(got, "<head>\n    <meta http-equiv") {
		t.Errorf("without a charset tag: %s", got)
	}
}
