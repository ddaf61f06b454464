package statichost

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":           "start",
		"privacy.html":         "privacy",
		"404.html":             "not found",
		"web/app.wasm":         "raw wasm",
		"web/app.wasm.br":      "brotli wasm",
		"web/app.wasm.gz":      "gzip wasm",
		"app-worker.js":        "worker",
		"manifest.webmanifest": "{}",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHandler(t *testing.T) {
	dir := writeSite(t)
	tests := []struct {
		name, prefix, path, acceptEncoding string
		status                             int
		body, contentType, encoding        string
	}{
		{"root page", "/", "/", "", 200, "start", "text/html; charset=utf-8", ""},
		{"page without .html", "/", "/privacy", "", 200, "privacy", "text/html; charset=utf-8", ""},
		{"unknown page gets 404.html", "/", "/nope", "", 404, "not found", "text/html; charset=utf-8", ""},
		{"wasm type", "/", "/web/app.wasm", "", 200, "raw wasm", "application/wasm", ""},
		{"brotli preferred", "/", "/web/app.wasm", "gzip, deflate, br", 200, "brotli wasm", "application/wasm", "br"},
		{"gzip when no brotli", "/", "/web/app.wasm", "gzip", 200, "gzip wasm", "application/wasm", "gzip"},
		{"q=0 refuses brotli", "/", "/web/app.wasm", "br;q=0, gzip", 200, "gzip wasm", "application/wasm", "gzip"},
		{"manifest type", "/", "/manifest.webmanifest", "", 200, "{}", "application/manifest+json", ""},
		{"prefixed root", "/provision-tracker/", "/provision-tracker/", "", 200, "start", "text/html; charset=utf-8", ""},
		{"prefixed page", "/provision-tracker/", "/provision-tracker/privacy", "", 200, "privacy", "text/html; charset=utf-8", ""},
		{"outside the prefix", "/provision-tracker/", "/privacy", "", 404, "not found", "text/html; charset=utf-8", ""},
		{"no escaping the folder", "/", "/../../etc/passwd", "", 404, "not found", "text/html; charset=utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			if tt.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", tt.acceptEncoding)
			}
			rec := httptest.NewRecorder()
			Handler(dir, tt.prefix).ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Errorf("status = %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Body.String(); got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			if got := rec.Header().Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.encoding)
			}
		})
	}
}

func TestPrefixWithoutSlashRedirects(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(writeSite(t), "provision-tracker").ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/provision-tracker", nil))
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/provision-tracker/" {
		t.Fatalf("got %d to %q, want 301 to /provision-tracker/", rec.Code, rec.Header().Get("Location"))
	}
}

func TestOnlyReads(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(writeSite(t), "/").ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST got %d, want 405", rec.Code)
	}
}

func TestParseHeaders(t *testing.T) {
	rules, err := ParseHeaders([]byte("# a comment\n/*\n  X-A: 1\n  Cache-Control: no-cache\n\n/web/*.wasm\n  Content-Type: application/wasm\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 2 || rules[0].Pattern != "/*" || len(rules[0].Headers) != 2 || rules[1].Headers[0] != [2]string{"Content-Type", "application/wasm"} {
		t.Fatalf("got %+v", rules)
	}
	for _, bad := range []string{"  X-A: 1\n", "web/*\n  X-A: 1\n", "/*\n  no colon\n"} {
		if _, err := ParseHeaders([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestHeaderRuleMatches(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/a/b", true},
		{"/web/app.wasm", "/web/app.wasm", true},
		{"/web/app.wasm", "/web/app.wasm.br", false},
		{"/web/*.wasm", "/web/x/app.wasm", true},
		{"/web/*.wasm", "/web/app.css", false},
		{"/pt/*", "/pt/", true},
		{"/pt/*", "/other/", false},
	}
	for _, tt := range tests {
		if got := (HeaderRule{Pattern: tt.pattern}).Matches(tt.path); got != tt.want {
			t.Errorf("%s matches %s = %v", tt.pattern, tt.path, got)
		}
	}
}

func TestHandlerWithHeaders(t *testing.T) {
	h := HandlerWith(writeSite(t), "/pt/", Options{CacheControl: "max-age=600", Headers: []HeaderRule{
		{Pattern: "/pt/*", Headers: [][2]string{{"X-Frame", "deny"}}},
		{Pattern: "/pt/web/app.wasm", Headers: [][2]string{{"Cache-Control", "no-cache"}}},
	}})
	for _, tt := range []struct {
		path, frame, cache string
		status             int
	}{
		{"/pt/", "deny", "max-age=600", 200},
		{"/pt/web/app.wasm", "deny", "no-cache", 200},
		{"/pt/missing", "deny", "max-age=600", 404},
		{"/elsewhere", "", "max-age=600", 404},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.status || rec.Header().Get("X-Frame") != tt.frame || rec.Header().Get("Cache-Control") != tt.cache {
			t.Errorf("%s: got %d, X-Frame %q, Cache-Control %q", tt.path, rec.Code, rec.Header().Get("X-Frame"), rec.Header().Get("Cache-Control"))
		}
	}
}

// A new version deployed within the same second as the old one is still
// served in full to a browser revalidating its copy: a service worker
// checking app-worker.js would otherwise be told "not modified" and never
// update (Last-Modified counts whole seconds).
func TestNewVersionInTheSameSecondIsNotNotModified(t *testing.T) {
	dir := writeSite(t)
	name := filepath.Join(dir, "app-worker.js")
	second := time.Date(2026, 12, 1, 18, 0, 0, 100_000_000, time.UTC)
	if err := os.Chtimes(name, second, second); err != nil {
		t.Fatal(err)
	}
	h := Handler(dir, "/")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app-worker.js", nil))
	etag, modified := rec.Header().Get("ETag"), rec.Header().Get("Last-Modified")
	if rec.Code != 200 || etag == "" {
		t.Fatalf("first fetch: %d, ETag %q", rec.Code, etag)
	}
	revalidate := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/app-worker.js", nil)
		req.Header.Set("If-None-Match", etag)
		req.Header.Set("If-Modified-Since", modified)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if got := revalidate(); got.Code != http.StatusNotModified {
		t.Errorf("the same file revalidated: %d, want 304", got.Code)
	}
	// The same length and the same second, another version.
	os.WriteFile(name, []byte("v2work"), 0o644)
	later := second.Add(500 * time.Millisecond)
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	if got := revalidate(); got.Code != 200 || got.Body.String() != "v2work" {
		t.Errorf("the new version revalidated: %d %q, want 200 and the new file", got.Code, got.Body.String())
	}
}
