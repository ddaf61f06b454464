//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The headers a host should send with the site. This table is the one
// source for every host's configuration that the build writes (_headers
// for Netlify and Cloudflare Pages, an nginx snippet, an Apache .htaccess);
// the README explains them and the browser tests serve the site with them.
//
// Each page also carries the policy in a <meta> tag (addCSP), for hosts
// that cannot send headers, such as GitHub Pages. A header policy can also
// say frame-ancestors, which a <meta> policy cannot: no other site may show
// the app in a frame (where it could trick a parent into typing there).

// headerCSP is the Content-Security-Policy header: the page policy plus
// what only a header can say.
const headerCSP = contentSecurityPolicy + "; frame-ancestors 'none'"

// hostHeader is one header for the site paths (relative to the prefix,
// "*" matching anything) in match.
type hostHeader struct {
	match       string
	name, value string
}

var hostHeaders = []hostHeader{
	{"*", "Content-Security-Policy", headerCSP},
	{"*", "X-Content-Type-Options", "nosniff"},
	{"*", "Referrer-Policy", "no-referrer"},
	// The service worker keeps the copy for offline use and decides when
	// there is a new version; the host must not let a browser hold on to
	// an old app-worker.js or page.
	{"*", "Cache-Control", "no-cache"},
	// A wasm file must be served as application/wasm to be compiled while
	// it downloads; some hosts do not know the type.
	{"web/app.wasm", "Content-Type", "application/wasm"},
	{"manifest.webmanifest", "Content-Type", "application/manifest+json"},
}

// writeHostFiles writes every host's configuration into the built site.
func writeHostFiles(out, prefix string) error {
	files := map[string]string{
		"_headers":           netlifyHeaders(prefix),
		".htaccess":          apacheConfig(prefix),
		"hosting/nginx.conf": nginxConfig(prefix),
		// GitHub Pages runs Jekyll unless told not to, and Jekyll leaves
		// out files whose names start with "_".
		".nojekyll": "",
	}
	for name, body := range files {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func headersFor(match string) []hostHeader {
	var hs []hostHeader
	for _, h := range hostHeaders {
		if h.match == match {
			hs = append(hs, h)
		}
	}
	return hs
}

func headerMatches() []string {
	var ms []string
	seen := map[string]bool{}
	for _, h := range hostHeaders {
		if !seen[h.match] {
			seen[h.match] = true
			ms = append(ms, h.match)
		}
	}
	return ms
}

// netlifyHeaders is a _headers file, read by Netlify and Cloudflare Pages.
// Both serve "/privacy" from privacy.html and unknown paths from 404.html
// by themselves, and compress with brotli on the fly.
func netlifyHeaders(prefix string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Headers for Netlify and Cloudflare Pages (written by provision-tracker build; see README).\n")
	for _, m := range headerMatches() {
		fmt.Fprintf(&b, "%s%s\n", prefix, m)
		for _, h := range headersFor(m) {
			fmt.Fprintf(&b, "  %s: %s\n", h.name, h.value)
		}
	}
	return b.String()
}

// nginxConfig is a location block to paste into a server block.
func nginxConfig(prefix string) string {
	var b strings.Builder
	folder := "/var/www/provision-tracker"
	root := folder
	if prefix != "/" {
		root = "/var/www/html"
		folder = root + strings.TrimSuffix(prefix, "/")
	}
	fmt.Fprintf(&b, `# Provision Tracker on nginx (written by provision-tracker build; see README).
# Paste this into your server { } block (served over https), and upload
# the built folder so that its index.html is at %s/index.html.
location %s {
    root %s;
    # /privacy is privacy.html; anything else is the not-found page.
    try_files $uri $uri.html $uri/ =404;
    error_page 404 %s404.html;
    # Serve the .gz copies the build writes beside each file. With the
    # ngx_brotli module, also: brotli_static on;
    gzip_static on;
    include mime.types;
    types {
        application/wasm wasm;
        application/manifest+json webmanifest;
    }
`, folder, prefix, root, prefix)
	for _, h := range headersFor("*") {
		fmt.Fprintf(&b, "    add_header %s %q always;\n", h.name, h.value)
	}
	b.WriteString("}\n")
	return b.String()
}

// apacheConfig is an .htaccess file, for Apache with AllowOverride All (or
// the same lines in the site's configuration).
func apacheConfig(prefix string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# Provision Tracker on Apache (written by provision-tracker build; see README).
# Needs mod_headers, mod_rewrite, mod_mime and mod_alias, and AllowOverride
# All for this folder. Apache does not serve this file to browsers.
Options -MultiViews -Indexes
DirectoryIndex index.html
ErrorDocument 404 %s404.html
AddType application/wasm .wasm
AddType application/manifest+json .webmanifest
# /calendar is calendar.html, although there is a folder calendar/ too:
# Apache must not answer with a redirect to /calendar/ instead.
DirectorySlash Off
`, prefix)
	if prefix != "/" {
		fmt.Fprintf(&b, `# The site's own address without its last "/" still opens the app.
<IfModule mod_alias.c>
    RedirectMatch 301 ^%s$ %s
</IfModule>
`, strings.TrimSuffix(prefix, "/"), prefix)
	}
	b.WriteString("\n<IfModule mod_headers.c>\n")
	for _, h := range headersFor("*") {
		fmt.Fprintf(&b, "    Header always set %s %q\n", h.name, h.value)
	}
	b.WriteString(`</IfModule>

<IfModule mod_rewrite.c>
    RewriteEngine On
    # /privacy is privacy.html.
    RewriteCond %{REQUEST_FILENAME} !-f
    RewriteCond %{REQUEST_FILENAME}.html -f
    RewriteRule ^(.+)$ $1.html [L]
    # Serve the pre-compressed copy the build writes beside each file.
    RewriteCond %{HTTP:Accept-Encoding} br
    RewriteCond %{REQUEST_FILENAME}.br -f
    RewriteRule ^(.+)$ $1.br [L]
    RewriteCond %{HTTP:Accept-Encoding} gzip
    RewriteCond %{REQUEST_FILENAME}.gz -f
    RewriteRule ^(.+)$ $1.gz [L]
    RewriteRule \.html\.(br|gz)$ - [T=text/html;charset=utf-8,E=no-gzip:1,E=no-brotli:1]
    RewriteRule \.js\.(br|gz)$ - [T=text/javascript,E=no-gzip:1,E=no-brotli:1]
    RewriteRule \.css\.(br|gz)$ - [T=text/css,E=no-gzip:1,E=no-brotli:1]
    RewriteRule \.wasm\.(br|gz)$ - [T=application/wasm,E=no-gzip:1,E=no-brotli:1]
    RewriteRule \.svg\.(br|gz)$ - [T=image/svg+xml,E=no-gzip:1,E=no-brotli:1]
    RewriteRule \.json\.(br|gz)$ - [T=application/json,E=no-gzip:1,E=no-brotli:1]
    RewriteRule \.webmanifest\.(br|gz)$ - [T=application/manifest+json,E=no-gzip:1,E=no-brotli:1]
</IfModule>

<IfModule mod_headers.c>
    <FilesMatch "\.br$">
        Header set Content-Encoding br
        Header append Vary Accept-Encoding
    </FilesMatch>
    <FilesMatch "\.gz$">
        Header set Content-Encoding gzip
        Header append Vary Accept-Encoding
    </FilesMatch>
</IfModule>
`)
	return b.String()
}
