//go:build !js

package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"strings"

	"provisiontracker/branding"
)

// brandCSSPath is the style sheet a branded build adds: the accent colour
// and the layout of the brand's box. A file, because the pages' policy
// allows no inline style.
const brandCSSPath = "/web/brand/brand.css"

// brandFingerprint is what of the brand and address changes the site, for
// its version: a new logo or helpline must reach people who have the app.
func brandFingerprint(c branding.Config, address string) []byte {
	env, _ := json.Marshal(c.Brand.Env()) // map keys are sorted
	sum := sha256.New()
	sum.Write(env)
	sum.Write(c.LogoData)
	sum.Write([]byte(address))
	return sum.Sum(nil)
}

// brandFiles are the files a branded build adds to the site, by site path.
func brandFiles(c branding.Config) map[string][]byte {
	b := c.Brand
	if b.IsZero() {
		return nil
	}
	files := map[string][]byte{brandCSSPath: []byte(brandCSS(b))}
	if b.Logo != "" {
		files[b.Logo] = c.LogoData
	}
	return files
}

func brandCSS(b branding.Brand) string {
	var s strings.Builder
	s.WriteString("/* Written by provision-tracker build from the branding config. */\n")
	if b.Accent != "" {
		fmt.Fprintf(&s, ":root { --brand: %s; --brand-dark: %s; }\n", b.Accent, branding.Darker(b.Accent, 0.7))
	}
	s.WriteString(`.brand-box { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: center; border-left: 6px solid var(--brand); background: var(--soft); padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.brand-box p { margin: 0 0 0.25rem; }
.brand-logo { display: block; max-height: 48px; max-width: 100%; width: auto; height: auto; }
.brand-name { font-weight: 700; }
.footer-brand { margin: 0.75rem 0; }
.footer-brand p { margin: 0 0 0.25rem; }
.letter-free-help { border-top: 1px solid var(--line); padding-top: 0.5rem; }
`)
	return s.String()
}

// checkAddress checks that the public address is under the prefix the site
// is built for: a QR code to the wrong path would open "page not found".
func checkAddress(address, prefix string) error {
	if address == "" {
		return nil
	}
	u, err := url.Parse(address)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("the site address %q is not a full web address (https://...)", address)
	}
	p := u.Path
	if p == "" {
		p = "/"
	}
	if normalizePrefix(p) != prefix || !strings.HasSuffix(p, "/") {
		return fmt.Errorf("the site address %s is not the start of the site: it should end in %s (the site is built for the path %s; set -prefix to the address's path)", address, prefix, prefix)
	}
	return nil
}

// prefixOf is the sub-path of a public address ("/" at a domain's root).
func prefixOf(address string) string {
	u, err := url.Parse(address)
	if err != nil {
		return "/"
	}
	return normalizePrefix(u.Path)
}

// shareFiles are the QR code of the address (SVG and PNG) and an A4 poster
// page with it, by site path. They are for the charity to print and to put
// on leaflets, not part of the app, so the worker does not cache them.
func shareFiles(address string, b branding.Brand) (map[string][]byte, error) {
	bits, err := qrBits(address)
	if err != nil {
		return nil, err
	}
	pngData, err := qrPNG(bits, 12)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		"/web/share/qr.svg":      qrSVG(bits),
		"/web/share/qr.png":      pngData,
		"/web/share/poster.html": []byte(posterHTML(address, b)),
		"/web/share/poster.css":  []byte(posterCSS),
	}, nil
}

// posterHTML is a printable A4 page: what the tool is, the QR code, the
// address, and the organisation's details.
func posterHTML(address string, b branding.Brand) string {
	e := html.EscapeString
	var s strings.Builder
	s.WriteString(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Poster: ` + e(appName) + `</title>
<link rel="stylesheet" href="poster.css">
</head>
<body>
<main class="poster">
`)
	if b.Logo != "" {
		s.WriteString(`<img class="logo" src="../brand/logo` + e(b.Logo[len(branding.LogoPath):]) + `" alt="` + e(b.Name) + `">` + "\n")
	}
	s.WriteString(`<h1>Is your child missing the help in their EHC plan?</h1>
<p class="lead">Keep a record of the sessions your child had and missed, see what the council could do to put it right, and write a complaint letter.</p>
<p class="free">Free. Works on your phone. Your information stays on your device.</p>
<img class="qr" src="qr.svg" alt="QR code for ` + e(address) + `">
<p class="scan">Scan the code with your phone’s camera, or go to</p>
<p class="address">` + e(address) + `</p>
`)
	if !b.IsZero() {
		s.WriteString(`<div class="brand">` + "\n")
		for i, l := range b.HelpLines() {
			if i == 0 {
				s.WriteString("<p><strong>" + e(l) + "</strong></p>\n")
			} else {
				s.WriteString("<p>" + e(l) + "</p>\n")
			}
		}
		if b.Description != "" {
			s.WriteString("<p>" + e(b.Description) + "</p>\n")
		}
		s.WriteString("</div>\n")
	}
	s.WriteString(`<p class="small">` + e(appName) + ` is not a government or council service and does not give legal advice.</p>
</main>
</body>
</html>
`)
	return s.String()
}

const posterCSS = `@page { size: A4; margin: 15mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1f23; margin: 0; }
.poster { max-width: 180mm; margin: 0 auto; padding: 10mm 0; text-align: center; }
.logo { max-height: 30mm; max-width: 100%; }
h1 { font-size: 30pt; line-height: 1.15; margin: 8mm 0 5mm; }
.lead { font-size: 16pt; line-height: 1.35; margin: 0 0 4mm; }
.free { font-size: 14pt; font-weight: 700; margin: 0 0 6mm; }
.qr { width: 80mm; height: 80mm; image-rendering: pixelated; }
.scan { font-size: 13pt; margin: 4mm 0 1mm; }
.address { font-size: 16pt; font-weight: 700; word-break: break-all; margin: 0 0 8mm; }
.brand { border-top: 2px solid #1b1f23; padding-top: 5mm; font-size: 14pt; }
.brand p { margin: 0 0 2mm; }
.small { font-size: 10pt; margin-top: 8mm; }
`
