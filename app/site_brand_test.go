//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gozxingqr "github.com/makiuchi-d/gozxing/qrcode"

	"provisiontracker/branding"
	"provisiontracker/statichost"
)

func exampleBrand(t *testing.T) branding.Config {
	t.Helper()
	c, err := branding.Load(filepath.Join("..", "branding", "example", "branding.conf"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func buildWith(t *testing.T, o buildOptions) (string, builtSite) {
	t.Helper()
	registerRoutes(book)
	out := filepath.Join(t.TempDir(), "site")
	s, err := buildSiteWith(out, fakeWeb(t, "wasm"), o)
	if err != nil {
		t.Fatal(err)
	}
	return out, s
}

type manifestJSON struct {
	Name, ShortName, Description string
	ThemeColor                   string `json:"theme_color"`
}

func readManifest(t *testing.T, out string) manifestJSON {
	t.Helper()
	var m manifestJSON
	if err := json.Unmarshal([]byte(read(t, out, "manifest.webmanifest")), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// A branded build carries the brand in the start page, every page's footer,
// the manifest, the app's environment and the offline copy; the logo and the
// style sheet are files of the site.
func TestBrandedBuild(t *testing.T) {
	brand := exampleBrand(t)
	b := brand.Brand
	out, s := buildWith(t, buildOptions{prefix: "/", brand: brand})
	_, plain := buildWith(t, buildOptions{prefix: "/"})
	if s.version == plain.version {
		t.Error("the branded build has the unbranded version: installed apps would not update to show the brand")
	}
	index := read(t, out, "index.html")
	for _, want := range []string{"Shared with you by " + b.Name, b.Description, `href="tel:08001234567"`,
		`href="` + b.Website + `"`, `src="/web/brand/logo.svg"`, `href="/web/brand/brand.css"`} {
		if !strings.Contains(index, want) {
			t.Errorf("start page lacks %s", want)
		}
	}
	for _, page := range []string{"index.html", "privacy.html", "summary.html", "404.html"} {
		if !strings.Contains(read(t, out, page), "Free help from "+b.Name) {
			t.Errorf("%s has no brand in its footer", page)
		}
	}
	m := readManifest(t, out)
	if !strings.Contains(m.Name, b.Name) || !strings.HasPrefix(m.Description, "Shared by "+b.Name) || m.ThemeColor != b.Accent {
		t.Errorf("manifest %+v", m)
	}
	appJS := read(t, out, "app.js")
	if !strings.Contains(appJS, `"PT_BRAND_NAME":"`+b.Name+`"`) {
		t.Error("app.js does not pass the brand to the app in the browser")
	}
	if got := read(t, out, "web/brand/logo.svg"); got != string(brand.LogoData) {
		t.Error("the logo is not copied")
	}
	if css := read(t, out, "web/brand/brand.css"); !strings.Contains(css, "--brand: "+b.Accent) {
		t.Errorf("brand.css lacks the accent: %s", css)
	}
	worker := read(t, out, "app-worker.js")
	for _, f := range []string{"/web/brand/logo.svg", "/web/brand/brand.css"} {
		if !strings.Contains(worker, `"`+f+`"`) {
			t.Errorf("the worker does not cache %s, so it would be missing offline", f)
		}
	}
	if !strings.Contains(index, `http-equiv="Content-Security-Policy" content="`+contentSecurityPolicy+`"`) {
		t.Error("the branded start page lost its policy")
	}
}

// Without a config nothing of a brand is anywhere.
func TestUnbrandedBuild(t *testing.T) {
	out, _ := buildWith(t, buildOptions{prefix: "/"})
	index := read(t, out, "index.html")
	for _, bad := range []string{"Shared with you by", "Free help from", "brand.css", "brand-box"} {
		if strings.Contains(index, bad) {
			t.Errorf("unbranded start page has %q", bad)
		}
	}
	if m := readManifest(t, out); m.Name != appName || m.ThemeColor != themeColour || strings.Contains(m.Description, "Shared by") {
		t.Errorf("manifest %+v", m)
	}
	if !strings.Contains(read(t, out, "app.js"), `"PT_BRAND_NAME":""`) {
		t.Error("app.js should clear the brand (every key, empty)")
	}
	for _, f := range []string{"web/brand", "web/share"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("unbranded build without an address has %s", f)
		}
	}
}

// decodeQR reads a QR code image back to its text.
func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gozxingqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}

var svgRun = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-\d+z`)

// svgImage draws the runs of our SVG's path, 4 pixels a module, so the
// decoder reads what a browser would show.
func svgImage(t *testing.T, svg string) image.Image {
	t.Helper()
	m := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no viewBox in %.100s", svg)
	}
	n, _ := strconv.Atoi(m[1])
	const scale = 4
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, r := range svgRun.FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for px := x * scale; px < (x+w)*scale; px++ {
			for py := y * scale; py < (y+1)*scale; py++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	return img
}

// The QR code, in both forms, decodes to the configured address, and the
// poster shows it with the brand.
func TestQRCodeDecodesToTheAddress(t *testing.T) {
	for _, tt := range []struct {
		name    string
		o       buildOptions
		address string
	}{
		{"from the config", buildOptions{prefix: "/", brand: exampleBrand(t)}, "https://tracker.anytown-pcf.org.uk/"},
		{"from -url, under a sub-path, unbranded", buildOptions{prefix: "/pt/", address: "https://example.github.io/pt/"}, "https://example.github.io/pt/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, s := buildWith(t, tt.o)
			if s.address != tt.address {
				t.Errorf("address %q", s.address)
			}
			img, err := png.Decode(bytes.NewReader([]byte(read(t, out, "web/share/qr.png"))))
			if err != nil {
				t.Fatal(err)
			}
			if got := decodeQR(t, img); got != tt.address {
				t.Errorf("qr.png decodes to %q, want %q", got, tt.address)
			}
			if got := decodeQR(t, svgImage(t, read(t, out, "web/share/qr.svg"))); got != tt.address {
				t.Errorf("qr.svg decodes to %q, want %q", got, tt.address)
			}
			poster := read(t, out, "web/share/poster.html")
			for _, want := range []string{`src="qr.svg"`, tt.address, `http-equiv="Content-Security-Policy"`, `href="poster.css"`} {
				if !strings.Contains(poster, want) {
					t.Errorf("poster lacks %s", want)
				}
			}
			if b := tt.o.brand.Brand; !b.IsZero() && (!strings.Contains(poster, "Free help from "+b.Name) || !strings.Contains(poster, `src="../brand/logo.svg"`)) {
				t.Error("poster lacks the brand")
			}
		})
	}
}

func TestAddressMustMatchThePrefix(t *testing.T) {
	registerRoutes(book)
	_, err := buildSiteWith(filepath.Join(t.TempDir(), "s"), fakeWeb(t, "w"), buildOptions{prefix: "/pt/", address: "https://example.org/other/"})
	if err == nil || !strings.Contains(err.Error(), "should end in /pt/") {
		t.Fatalf("got %v", err)
	}
}

// Every host's file carries every header of the one table, under the prefix.
func TestHostFilesCarryTheHeaders(t *testing.T) {
	out, _ := buildWith(t, buildOptions{prefix: "/pt/"})
	rules, err := statichost.ParseHeaders([]byte(read(t, out, "_headers")))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rules {
		for _, h := range r.Headers {
			got[r.Pattern+" "+h[0]] = h[1]
		}
	}
	nginx, apache := read(t, out, "hosting/nginx.conf"), read(t, out, ".htaccess")
	for _, h := range hostHeaders {
		if v := got["/pt/"+h.match+" "+h.name]; v != h.value {
			t.Errorf("_headers: /pt/%s %s = %q, want %q", h.match, h.name, v, h.value)
		}
		if h.match != "*" {
			continue
		}
		if want := "add_header " + h.name + ` "` + h.value + `" always;`; !strings.Contains(nginx, want) {
			t.Errorf("nginx.conf lacks %s", want)
		}
		if want := "Header always set " + h.name + ` "` + h.value + `"`; !strings.Contains(apache, want) {
			t.Errorf(".htaccess lacks %s", want)
		}
	}
	for _, want := range []string{"location /pt/ {", "error_page 404 /pt/404.html;", "application/wasm wasm;", "gzip_static on;"} {
		if !strings.Contains(nginx, want) {
			t.Errorf("nginx.conf lacks %s", want)
		}
	}
	for _, want := range []string{"ErrorDocument 404 /pt/404.html", "AddType application/wasm .wasm", "RewriteRule ^(.+)$ $1.br [L]",
		"DirectorySlash Off", "RedirectMatch 301 ^/pt$ /pt/"} {
		if !strings.Contains(apache, want) {
			t.Errorf(".htaccess lacks %s", want)
		}
	}
	if !strings.HasPrefix(headerCSP, contentSecurityPolicy+";") || !strings.Contains(headerCSP, "frame-ancestors 'none'") {
		t.Errorf("header policy %q is not the page policy plus frame-ancestors", headerCSP)
	}
	if _, err := os.Stat(filepath.Join(out, ".nojekyll")); err != nil {
		t.Error("no .nojekyll for GitHub Pages")
	}
}

// Each bad config stops the build command, saying which field is wrong;
// nothing is built.
func TestBuildCommandRefusesABadConfig(t *testing.T) {
	registerRoutes(book)
	web := fakeWeb(t, "w")
	tests := []struct {
		name, config, says string
	}{
		{"missing logo", "name = Forum\nlogo = gone.svg\n", `b.conf line 2: logo: cannot find "gone.svg"`},
		{"oversized logo", "name = Forum\nlogo = big.svg\n", `b.conf line 2: logo: "big.svg" is too big: 102 KB, at most 100 KB`},
		{"not a colour", "name = Forum\naccent = teal\n", `b.conf line 2: accent: "teal" is not a colour`},
		{"accent fails AA", "name = Forum\naccent = #ffff00\n", "b.conf line 2: accent: #ffff00 is too light: its contrast with white is 1.07:1"},
		{"over-long text", "name = " + strings.Repeat("x", 61) + "\n", "b.conf line 1: name: too long: 61 characters, at most 60"},
		{"unknown field", "name = Forum\nphone = 0800 1\n", "b.conf line 2: phone: unknown field"},
		{"no name", "helpline = 0800 123\n", "b.conf: name: needed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			conf := filepath.Join(dir, "b.conf")
			os.WriteFile(conf, []byte(tt.config), 0o644)
			os.WriteFile(filepath.Join(dir, "big.svg"), []byte("<svg>"+strings.Repeat(" ", 101*1024)+"</svg>"), 0o644)
			out := filepath.Join(dir, "site")
			var stdout, stderr bytes.Buffer
			code := runCommand([]string{"build", "-out", out, "-web", web, "-brand", conf, "-brotli=false"}, &stdout, &stderr)
			if code != 1 || !strings.Contains(stderr.String(), "build failed: the branding config is not right: "+tt.says) {
				t.Errorf("exit %d, stderr %q\nwant it to say %q", code, stderr.String(), tt.says)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a site was built anyway")
			}
		})
	}
}

// The address in the config sets the sub-path when -prefix is not given.
func TestBuildCommandTakesThePrefixFromTheAddress(t *testing.T) {
	registerRoutes(book)
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	code := runCommand([]string{"build", "-out", out, "-web", fakeWeb(t, "w"), "-url", "https://me.github.io/pt/", "-brotli=false"}, &stdout, &stderr)
	if code != 0 || !strings.Contains(stdout.String(), "prefix /pt/") {
		t.Fatalf("exit %d: %s %s", code, stdout.String(), stderr.String())
	}
}
