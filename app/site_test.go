//go:build !js

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fakeWeb makes a web folder like the real one, with a stand-in app.wasm:
// these tests check the site around the wasm, not the wasm.
func fakeWeb(t *testing.T, wasm string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"app.wasm":                    wasm,
		"app.css":                     "body{}",
		"noscript.css":                "#app-wasm-loader{display:none}",
		"icons/icon.svg":              "<svg/>",
		"icons/icon-192.png":          "png",
		"icons/icon-512.png":          "png",
		"icons/icon-maskable-512.png": "png",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func build(t *testing.T, web, prefix string) (string, builtSite) {
	t.Helper()
	registerRoutes(book)
	out := filepath.Join(t.TempDir(), "site")
	s, err := buildSite(out, web, prefix, false)
	if err != nil {
		t.Fatal(err)
	}
	return out, s
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBuildWritesEveryPageAndAsset(t *testing.T) {
	out, _ := build(t, fakeWeb(t, "wasm"), "/")
	want := []string{"index.html", "privacy.html", "404.html", "app.js", "app-worker.js",
		"wasm_exec.js", "manifest.webmanifest", "app.css", "web/app.wasm", "web/app.css",
		"web/icons/icon.svg", "index.html.gz", "web/app.wasm.gz"}
	for _, r := range routes {
		if r.path != "/" {
			want = append(want, strings.TrimPrefix(r.path, "/")+".html")
		}
	}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	index := read(t, out, "index.html")
	for _, s := range []string{`lang="en-GB"`, "<title>", `name="description"`, `rel="manifest"`, `href="/web/icons/icon.svg"`} {
		if !strings.Contains(index, s) {
			t.Errorf("index.html lacks %s", s)
		}
	}
	if m := regexp.MustCompile(`property="og:[a-z]+" content="(https?://)?"`).FindString(index); m != "" {
		t.Errorf("index.html has an empty og: meta: %s", m)
	}
	if strings.Contains(index, `content="https://"`) {
		t.Error(`index.html still has a bare "https://" meta`)
	}
}

func TestBuildManifestAndWorker(t *testing.T) {
	out, s := build(t, fakeWeb(t, "wasm"), "/")
	var manifest struct {
		Name  string
		Icons []struct{ Src, Type, Purpose, Sizes string }
	}
	if err := json.Unmarshal([]byte(read(t, out, "manifest.webmanifest")), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Name != "Provision Tracker" {
		t.Errorf("manifest name %q", manifest.Name)
	}
	kinds := map[string]bool{}
	for _, icon := range manifest.Icons {
		if !strings.HasPrefix(icon.Src, "/web/icons/") {
			t.Errorf("icon %s is not one of ours", icon.Src)
		}
		kinds[icon.Type+" "+icon.Sizes+" "+icon.Purpose] = true
	}
	for _, k := range []string{"image/png 192x192 ", "image/png 512x512 ", "image/png 512x512 maskable", "image/svg+xml any "} {
		if !kinds[k] {
			t.Errorf("manifest lacks icon %q (has %v)", k, kinds)
		}
	}
	worker := read(t, out, "app-worker.js")
	if !strings.Contains(worker, `"app-" + "`+s.version+`"`) {
		t.Error("worker does not carry the build version")
	}
	for _, r := range append(routes, route{path: notFoundPath}) {
		if !strings.Contains(worker, `"`+r.path+`"`) {
			t.Errorf("worker does not cache %s, so it would fail offline", r.path)
		}
	}
	for _, f := range []string{"/web/app.css", "/web/icons/icon.svg", "/web/app.wasm"} {
		if !strings.Contains(worker, `"`+f+`"`) {
			t.Errorf("worker does not cache %s", f)
		}
	}
	if !strings.Contains(read(t, out, "app.js"), ".update().catch(") {
		t.Error("app.js lets an offline update check fail loudly")
	}
	if !strings.Contains(read(t, out, "app.js"), `const goappWasmContentLength = "4"`) {
		t.Error("app.js lacks the wasm size, so the loading percentage would be wrong")
	}
}

func TestBuildVersionFollowsContent(t *testing.T) {
	web := fakeWeb(t, "wasm one")
	_, first := build(t, web, "/")
	_, again := build(t, web, "/")
	if first.version != again.version {
		t.Errorf("same content gave versions %s and %s", first.version, again.version)
	}
	_, changed := build(t, fakeWeb(t, "wasm two"), "/")
	if changed.version == first.version {
		t.Error("a new wasm kept the old version: browsers would never update")
	}
}

func TestBuildUnderPrefix(t *testing.T) {
	out, s := build(t, fakeWeb(t, "wasm"), "provision-tracker")
	if s.prefix != "/provision-tracker/" {
		t.Errorf("prefix %q", s.prefix)
	}
	index := read(t, out, "index.html")
	if !strings.Contains(index, `href="#main"`) {
		t.Error("the skip link must stay an in-page link")
	}
	for _, ref := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllStringSubmatch(index, -1) {
		if u := ref[1]; strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "/provision-tracker/") {
			t.Errorf("index.html links to %s outside the prefix", u)
		}
	}
	worker := read(t, out, "app-worker.js")
	if !strings.Contains(worker, `"/provision-tracker/privacy"`) || strings.Contains(worker, `"/privacy"`) {
		t.Error("worker cache list is not under the prefix")
	}
}

func TestBuildRefusesAForeignFolder(t *testing.T) {
	registerRoutes(book)
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("precious"), 0o644)
	if _, err := buildSite(out, fakeWeb(t, "wasm"), "/", false); err == nil {
		t.Fatal("build emptied a folder that was not an earlier build")
	}
	if _, err := os.Stat(filepath.Join(out, "thesis.docx")); err != nil {
		t.Fatal("the file in the folder was deleted")
	}
}

func TestBuildNeedsWasm(t *testing.T) {
	web := fakeWeb(t, "wasm")
	os.Remove(filepath.Join(web, "app.wasm"))
	if _, err := buildSite(t.TempDir(), web, "/", false); err == nil || !strings.Contains(err.Error(), "app.wasm") {
		t.Fatalf("got %v, want an error naming app.wasm", err)
	}
}
