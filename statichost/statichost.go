// Package statichost serves a built Provision Tracker site the way an
// ordinary static host does (GitHub Pages, Netlify, a plain web server), so
// that `serve` and the browser tests behave like the real hosting.
//
// Like those hosts it maps "/privacy" to "privacy.html", a folder to its
// "index.html", and anything unknown to "404.html" with status 404. It also
// serves a pre-compressed ".br" or ".gz" file beside the original when the
// browser accepts it.
//
// Handler is a host that sets no headers of the site's choosing, like
// GitHub Pages. HandlerWith adds the headers of a Netlify or Cloudflare
// Pages "_headers" file (ParseHeaders), as those hosts do.
package statichost

import (
	"bufio"
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Handler serves the static site in dir at the given URL prefix
// ("/" or e.g. "/provision-tracker/"). Requests outside the prefix get 404.
func Handler(dir, prefix string) http.Handler {
	return HandlerWith(dir, prefix, Options{})
}

// Options say how a host differs from the plain one.
type Options struct {
	// Headers are the rules of a _headers file, applied to every answer
	// (the not-found page too) whose URL path they match.
	Headers []HeaderRule
	// CacheControl replaces the default "no-cache" (GitHub Pages, for one,
	// sends "max-age=600" and lets nobody change it).
	CacheControl string
}

// HandlerWith serves the site in dir at prefix, as a host configured by o.
func HandlerWith(dir, prefix string, o Options) http.Handler {
	prefix = "/" + strings.Trim(prefix, "/")
	if o.CacheControl == "" {
		o.CacheControl = "no-cache"
	}
	return &site{dir: dir, prefix: strings.TrimSuffix(prefix, "/"), opt: o}
}

type site struct {
	dir    string
	prefix string // "" at the root, else "/name" without a trailing slash
	opt    Options
}

// HeaderRule is one block of a _headers file: a URL path pattern (a "*"
// matches anything, "/" included) and the headers for what matches.
type HeaderRule struct {
	Pattern string
	Headers [][2]string // name, value
}

// Matches reports whether the rule applies to a URL path.
func (r HeaderRule) Matches(p string) bool {
	parts := strings.Split(r.Pattern, "*")
	if len(parts) == 1 {
		return p == r.Pattern
	}
	if !strings.HasPrefix(p, parts[0]) {
		return false
	}
	p = p[len(parts[0]):]
	for i, part := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(p, part)
		}
		j := strings.Index(p, part)
		if j < 0 {
			return false
		}
		p = p[j+len(part):]
	}
	return true
}

// ParseHeaders reads a _headers file as Netlify and Cloudflare Pages do: a
// line starting with "/" opens a rule, indented "Name: value" lines below
// it are its headers, and "#" starts a comment.
func ParseHeaders(data []byte) ([]HeaderRule, error) {
	var rules []HeaderRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line == trimmed:
			if !strings.HasPrefix(trimmed, "/") {
				return nil, fmt.Errorf("_headers line %d: a rule starts with a path: %q", n, line)
			}
			rules = append(rules, HeaderRule{Pattern: trimmed})
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok || len(rules) == 0 || strings.TrimSpace(name) == "" {
				return nil, fmt.Errorf("_headers line %d: want \"Name: value\" under a path: %q", n, line)
			}
			r := &rules[len(rules)-1]
			r.Headers = append(r.Headers, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return rules, sc.Err()
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
		p += "/" // Clean drops it, but "/prefix/" and "/prefix" differ
	}
	if s.prefix != "" {
		if p == s.prefix {
			// GitHub Pages redirects "/repo" to "/repo/"; so do we.
			http.Redirect(w, r, s.prefix+"/", http.StatusMovedPermanently)
			return
		}
		if !strings.HasPrefix(p, s.prefix+"/") {
			s.notFound(w, r)
			return
		}
		p = strings.TrimPrefix(p, s.prefix)
	}
	file, ok := s.resolve(p)
	if !ok {
		s.notFound(w, r)
		return
	}
	s.serveFile(w, r, file, http.StatusOK)
}

// setHeaders applies the host's rules for the URL path asked for.
func (s *site) setHeaders(h http.Header, urlPath string) {
	for _, rule := range s.opt.Headers {
		if rule.Matches(urlPath) {
			for _, kv := range rule.Headers {
				h.Set(kv[0], kv[1])
			}
		}
	}
}

// resolve finds the file behind a clean URL path, as static hosts do.
func (s *site) resolve(p string) (string, bool) {
	candidates := []string{p}
	if strings.HasSuffix(p, "/") {
		candidates = []string{p + "index.html"}
	} else if path.Ext(p) == "" {
		candidates = append(candidates, p+".html", p+"/index.html")
	}
	for _, c := range candidates {
		if name := filepath.Join(s.dir, filepath.FromSlash(c)); exists(name) {
			return name, true
		}
	}
	return "", false
}

func (s *site) notFound(w http.ResponseWriter, r *http.Request) {
	name := filepath.Join(s.dir, "404.html")
	if !exists(name) {
		http.NotFound(w, r)
		return
	}
	s.serveFile(w, r, name, http.StatusNotFound)
}

func (s *site) serveFile(w http.ResponseWriter, r *http.Request, name string, status int) {
	ctype := mime.TypeByExtension(filepath.Ext(name))
	switch filepath.Ext(name) {
	case ".wasm":
		ctype = "application/wasm"
	case ".webmanifest":
		ctype = "application/manifest+json"
	case "":
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	// The service worker decides what is fresh; the host must not let a
	// browser keep an old app-worker.js or page for hours.
	h.Set("Cache-Control", s.opt.CacheControl)
	h.Add("Vary", "Accept-Encoding")
	s.setHeaders(h, r.URL.Path)

	body := name
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.token) && exists(name+enc.ext) {
			body = name + enc.ext
			h.Set("Content-Encoding", enc.token)
			break
		}
	}
	f, err := os.Open(body)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	if status != http.StatusOK {
		w.WriteHeader(status)
		w = discardHeader{w}
	}
	// An ETag to the nanosecond: Last-Modified counts whole seconds, so a
	// version built within the same second as the one a browser holds
	// would be answered "not modified", and its service worker would
	// never update.
	h.Set("ETag", `"`+strconv.FormatInt(fi.Size(), 16)+"-"+strconv.FormatInt(fi.ModTime().UnixNano(), 16)+`"`)
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

func exists(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && !fi.IsDir()
}

// discardHeader lets http.ServeContent copy a body after we have already
// written a non-200 status (for 404.html), without it writing a second one.
type discardHeader struct{ http.ResponseWriter }

func (discardHeader) WriteHeader(int) {}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (a missing q-value means accepted; q=0 means refused).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(fields[0]), token) {
			continue
		}
		for _, f := range fields[1:] {
			f = strings.ReplaceAll(strings.TrimSpace(f), " ", "")
			if f == "q=0" || f == "q=0.0" || f == "q=0.00" || f == "q=0.000" {
				return false
			}
		}
		return true
	}
	return false
}
