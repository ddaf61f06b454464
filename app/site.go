//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/branding"
)

//go:embed worker.js
var workerJS string

const (
	appDescription = "Keep a record of the help your child's EHC plan promises, the sessions they missed, " +
		"and what to ask the council for. Free. Your information stays on your device."
	themeColour = "#1f4e5f"
)

// builtSite says what buildSite made.
type builtSite struct {
	version string
	prefix  string
	files   int
	address string // the public address the QR code points to, or ""
}

// buildOptions say how to build the site.
type buildOptions struct {
	prefix    string
	useBrotli bool
	brand     branding.Config // the zero Config: unbranded
	// address is where the site is published, for the QR code and the
	// poster; brand.Brand.Address when empty. Without one there is no QR.
	address string
}

// normalizePrefix turns "", "/", "repo", "/repo/" into "/" or "/repo/".
func normalizePrefix(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// newHandler describes the app to go-app: names, icons, colours, what to
// cache for offline use and where the site lives.
func newHandler(prefix, version string, wasmSize int64, webFiles []string, brand branding.Brand) *app.Handler {
	var resources app.ResourceResolver = app.LocalDir("")
	if prefix != "/" {
		resources = prefixResolver(strings.TrimSuffix(prefix, "/"))
	}
	cacheable := []string{notFoundPath}
	for _, r := range routes {
		cacheable = append(cacheable, r.path)
	}
	cacheable = append(cacheable, webFiles...)
	name, description, theme := appName, appDescription, themeColour
	styles := []string{"/web/app.css"}
	if !brand.IsZero() {
		name = appName + " from " + brand.Name
		description = "Shared by " + brand.Name + ". " + appDescription
		styles = append(styles, brandCSSPath)
		if brand.Accent != "" {
			theme = brand.Accent
		}
	}
	return &app.Handler{
		Name:        name,
		ShortName:   appName,
		Title:       appName + ": a record of your child's EHC plan provision",
		Description: description,
		// The brand reaches the app in the browser through app.js: a few
		// strings, no parser in the wasm and no extra request.
		Env:    brand.Env(),
		Author: appName,
		Lang:   "en-GB",
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			SVG:      "/web/icons/icon.svg",
			Maskable: "/web/icons/icon-maskable-512.png",
		},
		BackgroundColor:       "#ffffff",
		ThemeColor:            theme,
		LoadingLabel:          "Getting Provision Tracker ready: {progress}%",
		Styles:                styles,
		CacheableResources:    cacheable,
		Resources:             resources,
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasmSize, 10),
		ServiceWorkerTemplate: workerJS,
		RawHeaders: []string{
			// Without JavaScript the loading overlay would never go away.
			`<noscript><link rel="stylesheet" href="` + resources.Resolve("/web/noscript.css") + `"></noscript>`,
		},
	}
}

// prefixResolver puts the sub-path in front of the site's own addresses in
// the pages written at build time. go-app's PrefixedLocation also prefixes
// "#main" (breaking in-page links) and turns "/" into "/prefix" without the
// slash that static hosts and the offline copy use.
type prefixResolver string

// Resolve returns the address of location on a site hosted under r.
func (r prefixResolver) Resolve(location string) string {
	switch {
	case location == "/":
		return string(r) + "/"
	case strings.HasPrefix(location, "/") && !strings.HasPrefix(location, "//"):
		return string(r) + location
	default: // in-page (#...), relative or another scheme: leave alone
		return location
	}
}

// buildSite writes the complete, unbranded static site for prefix into out.
func buildSite(out, webDir, prefix string, useBrotli bool) (builtSite, error) {
	return buildSiteWith(out, webDir, buildOptions{prefix: prefix, useBrotli: useBrotli})
}

// buildSiteWith writes the complete static site into out: the prerendered
// pages, go-app's scripts and worker, a copy of webDir, the brand's files,
// the QR code and poster, and every host's configuration.
func buildSiteWith(out, webDir string, o buildOptions) (builtSite, error) {
	prefix := normalizePrefix(o.prefix)
	brand := o.brand.Brand
	address := o.address
	if address == "" {
		address = brand.Address
	}
	if err := checkAddress(address, prefix); err != nil {
		return builtSite{}, err
	}
	wasm, err := os.Stat(filepath.Join(webDir, "app.wasm"))
	if err != nil {
		return builtSite{}, fmt.Errorf("%s/app.wasm is missing: build it first (make wasm)", webDir)
	}
	webFiles, version, err := hashWeb(webDir, brandFingerprint(o.brand, address))
	if err != nil {
		return builtSite{}, err
	}
	brandFiles := brandFiles(o.brand)
	for name := range brandFiles {
		webFiles = append(webFiles, name)
	}
	sort.Strings(webFiles)
	if err := emptyBuildDir(out); err != nil {
		return builtSite{}, err
	}
	h := newHandler(prefix, version, wasm.Size(), webFiles, brand)
	if err := app.GenerateStaticWebsite(out, h, notFoundPath); err != nil {
		return builtSite{}, fmt.Errorf("generating pages: %w", err)
	}
	if err := copyDir(webDir, filepath.Join(out, "web")); err != nil {
		return builtSite{}, err
	}
	if err := writeFiles(out, brandFiles); err != nil {
		return builtSite{}, err
	}
	if address != "" {
		share, err := shareFiles(address, brand)
		if err != nil {
			return builtSite{}, err
		}
		if err := writeFiles(out, share); err != nil {
			return builtSite{}, err
		}
	}
	if err := writeHostFiles(out, prefix); err != nil {
		return builtSite{}, err
	}
	files, err := finishFiles(out, o.useBrotli)
	if err != nil {
		return builtSite{}, err
	}
	return builtSite{version: version, prefix: prefix, files: files, address: address}, nil
}

// writeFiles writes files, by site path ("/web/brand/logo.svg"), into out.
func writeFiles(out string, files map[string][]byte) error {
	for name, data := range files {
		p := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(name, "/")))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hashWeb lists the files of webDir as site paths ("/web/app.css") and
// derives the app version from their content, from extra (the brand) and
// from this program (which writes the pages and the worker), so two builds
// of the same commit and config give the same version (Go builds with -trimpath are reproducible) and browsers
// re-download only after a real change.
func hashWeb(webDir string, extra []byte) (files []string, version string, err error) {
	sum := sha256.New()
	sum.Write(extra)
	self, err := os.Executable()
	if err != nil {
		return nil, "", err
	}
	if err := hashFile(sum, self); err != nil {
		return nil, "", err
	}
	err = filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || isCompressedCopy(p) {
			return err
		}
		rel, err := filepath.Rel(webDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		fmt.Fprintf(sum, "%s\x00", rel)
		if err := hashFile(sum, p); err != nil {
			return err
		}
		if rel != "app.wasm" { // go-app caches the wasm itself
			files = append(files, "/web/"+rel)
		}
		return nil
	})
	sort.Strings(files)
	return files, hex.EncodeToString(sum.Sum(nil))[:16], err
}

func hashFile(w io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

func isCompressedCopy(p string) bool {
	return strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br")
}

// emptyBuildDir empties out, but only if it is empty or an earlier build:
// a typo in -out must never delete someone's folder.
func emptyBuildDir(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
			return fmt.Errorf("%s is not empty and is not an earlier build: choose another -out", out)
		}
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if isCompressedCopy(p) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// emptySocialMeta matches the og:url and og:image tags. go-app writes them
// as "https://" plus a path when no domain is set, and a site any charity can
// host has no fixed domain, so they can only be wrong. (go-app writes
// attributes in no fixed order, hence the loose pattern.)
var emptySocialMeta = regexp.MustCompile(`<meta [^>]*property="og:(?:url|image)"[^>]*>\s*`)

// finishFiles tidies the generated pages and writes compressed copies
// (.gz always, .br when asked and the brotli tool is installed) for hosts and for
// `serve`. It returns how many site files there are.
func finishFiles(out string, useBrotli bool) (int, error) {
	brotli := ""
	if useBrotli {
		brotli, _ = exec.LookPath("brotli")
	}
	count := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		count++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch {
		case path.Ext(p) == ".html":
			data = addCSP(emptySocialMeta.ReplaceAll(data, nil))
		case filepath.Base(p) == "app.js":
			// go-app's update check rejects when offline, and nothing
			// catches it: a console error on every offline start.
			data = bytes.ReplaceAll(data, []byte("goappServiceWorkerRegistration.update();"),
				[]byte("goappServiceWorkerRegistration.update().catch(() => {});"))
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		if !compressible(p) {
			return nil
		}
		var gz bytes.Buffer
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write(data)
		if err := w.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(p+".gz", gz.Bytes(), 0o644); err != nil {
			return err
		}
		if brotli != "" {
			if out, err := exec.Command(brotli, "-q", "11", "-f", "-o", p+".br", p).CombinedOutput(); err != nil {
				return fmt.Errorf("brotli %s: %v: %s", p, err, out)
			}
		}
		return nil
	})
	return count, err
}

func compressible(p string) bool {
	switch path.Ext(p) {
	case ".html", ".js", ".css", ".wasm", ".webmanifest", ".svg", ".json", ".txt":
		return true
	}
	return false
}
