//go:build !js

package branding

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/png" // PNG logos
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the config. A charity's copy is read on phones and printed on
// A4: a long name or a big logo would crowd out the app.
const (
	MaxName        = 60
	MaxDescription = 140
	MaxHelpline    = 30
	MaxHours       = 60
	MaxWebsite     = 100
	MaxAddress     = 100
	MaxLogoBytes   = 100 * 1024
	MaxLogoPixels  = 2048 // a PNG's width and height
	// MinContrast is WCAG 2.2 AA for normal text: the accent colour is the
	// background of white text and the colour of text on white.
	MinContrast = 4.5
)

// LogoPath is where the build puts the logo in the site, before its
// extension (".svg" or ".png").
const LogoPath = "/web/brand/logo"

// Field names, as written in the config file.
var fieldNames = []string{"name", "description", "helpline", "hours", "website", "logo", "accent", "address"}

// Config is a checked branding config: the brand, and the logo file's
// content to copy into the site.
type Config struct {
	Brand    Brand
	LogoExt  string // ".svg" or ".png", "" without a logo
	LogoData []byte
}

// Error is a problem with the config, naming the field (or the line) so a
// volunteer can fix it.
type Error struct {
	File  string
	Line  int    // 0 when the problem is not on one line (a missing field)
	Field string // "" when the line names no field
	Msg   string
}

func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		where += " line " + strconv.Itoa(e.Line)
	}
	if e.Field != "" {
		return where + ": " + e.Field + ": " + e.Msg
	}
	return where + ": " + e.Msg
}

// Load reads and checks the branding config at path. The logo is read
// from beside the config file.
//
// The format is one "field = value" a line; blank lines and lines starting
// with # are ignored. The fields are name (needed), description, helpline,
// hours, website, logo, accent and address.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("branding config: %w", err)
	}
	return parse(filepath.Base(path), data, func(name string) ([]byte, error) {
		if filepath.IsAbs(name) {
			return os.ReadFile(name)
		}
		return os.ReadFile(filepath.Join(filepath.Dir(path), name))
	})
}

// lineOf remembers where each field was set, for messages.
type lineOf map[string]int

// parse checks the config text; readLogo reads the logo file it names.
func parse(file string, data []byte, readLogo func(string) ([]byte, error)) (Config, error) {
	if !utf8.Valid(data) {
		return Config{}, &Error{File: file, Msg: "the file is not plain text (UTF-8): save it as plain text"}
	}
	values := map[string]string{}
	lines := lineOf{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok {
			return Config{}, &Error{File: file, Line: n, Msg: fmt.Sprintf("%q is not \"field = value\"", clip(line))}
		}
		if !known(key) {
			return Config{}, &Error{File: file, Line: n, Field: clip(key),
				Msg: "unknown field; the fields are " + strings.Join(fieldNames, ", ")}
		}
		if _, dup := values[key]; dup {
			return Config{}, &Error{File: file, Line: n, Field: key, Msg: fmt.Sprintf("set twice (first on line %d)", lines[key])}
		}
		values[key] = strings.TrimSpace(value)
		lines[key] = n
	}
	if err := sc.Err(); err != nil {
		return Config{}, &Error{File: file, Line: n + 1, Msg: err.Error()}
	}
	bad := func(field, msg string) error { return &Error{File: file, Line: lines[field], Field: field, Msg: msg} }

	var c Config
	b := &c.Brand
	b.Name, b.Description = values["name"], values["description"]
	b.Helpline, b.Hours = values["helpline"], values["hours"]
	b.Website, b.Address = values["website"], values["address"]
	if b.Name == "" {
		return Config{}, bad("name", "needed: the name of your organisation, as families know it")
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{{"name", b.Name, MaxName}, {"description", b.Description, MaxDescription},
		{"helpline", b.Helpline, MaxHelpline}, {"hours", b.Hours, MaxHours},
		{"website", b.Website, MaxWebsite}, {"address", b.Address, MaxAddress}} {
		if n := utf8.RuneCountInString(f.value); n > f.max {
			return Config{}, bad(f.field, fmt.Sprintf("too long: %d characters, at most %d", n, f.max))
		}
		if i := strings.IndexFunc(f.value, func(r rune) bool { return unicode.IsControl(r) || r == '<' || r == '>' }); i >= 0 {
			return Config{}, bad(f.field, fmt.Sprintf("has the character %q, which it cannot show", f.value[i:i+1]))
		}
	}
	if b.Helpline != "" {
		if !helplinePattern.MatchString(b.Helpline) || digits(b.Helpline) < 3 {
			return Config{}, bad("helpline", fmt.Sprintf("%q is not a phone number: use digits and spaces, like 0800 123 4567", b.Helpline))
		}
	}
	if b.Hours != "" && b.Helpline == "" {
		return Config{}, bad("hours", "says when the helpline is open, but there is no helpline")
	}
	if b.Website != "" {
		if msg := checkURL(b.Website); msg != "" {
			return Config{}, bad("website", msg)
		}
	}
	if b.Address != "" {
		if msg := checkURL(b.Address); msg != "" {
			return Config{}, bad("address", msg)
		}
		if u, _ := url.Parse(b.Address); u.Scheme != "https" {
			return Config{}, bad("address", "must start with https:// (browsers only install and run the app offline over https)")
		}
	}
	if a := values["accent"]; a != "" {
		hex, ok := parseColour(a)
		if !ok {
			return Config{}, bad("accent", fmt.Sprintf("%q is not a colour: write it as # and six hex digits, like #1f4e5f", a))
		}
		if r := ContrastOnWhite(hex); r < MinContrast {
			return Config{}, bad("accent", fmt.Sprintf("%s is too light: its contrast with white is %.2f:1, it needs at least %.1f:1 (WCAG AA) so text on it and in it can be read; choose a darker shade",
				hex, math.Floor(r*100)/100, MinContrast))
		}
		b.Accent = hex
	}
	if name := values["logo"]; name != "" {
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".svg" && ext != ".png" {
			return Config{}, bad("logo", fmt.Sprintf("%q is not an SVG or PNG file", name))
		}
		data, err := readLogo(name)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return Config{}, bad("logo", fmt.Sprintf("cannot find %q: put the file beside the config file", name))
			}
			return Config{}, bad("logo", fmt.Sprintf("cannot read %q: %v", name, err))
		}
		if len(data) > MaxLogoBytes {
			return Config{}, bad("logo", fmt.Sprintf("%q is too big: %d KB, at most %d KB (make it smaller, or use an SVG)",
				name, (len(data)+1023)/1024, MaxLogoBytes/1024))
		}
		if msg := checkLogo(ext, data); msg != "" {
			return Config{}, bad("logo", fmt.Sprintf("%q %s", name, msg))
		}
		c.LogoExt, c.LogoData = ext, data
		b.Logo = LogoPath + ext
	}
	return c, nil
}

var helplinePattern = regexp.MustCompile(`^\+?[0-9 ()-]+$`)

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

func known(key string) bool {
	for _, f := range fieldNames {
		if f == key {
			return true
		}
	}
	return false
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		return string([]rune(s)[:40]) + "…"
	}
	return s
}

// checkURL says what is wrong with a web address, or "".
func checkURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil || strings.ContainsAny(s, " \"'") {
		return fmt.Sprintf("%q is not a web address: write it in full, like https://www.example.org.uk", s)
	}
	if u.Fragment != "" {
		return "has a # part, which it does not need"
	}
	return ""
}

var colourPattern = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// parseColour accepts #rgb and #rrggbb and gives #rrggbb in lower case.
func parseColour(s string) (string, bool) {
	if !colourPattern.MatchString(s) {
		return "", false
	}
	s = strings.ToLower(s[1:])
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	return "#" + s, true
}

// ContrastOnWhite is the WCAG contrast ratio of a #rrggbb colour with white.
func ContrastOnWhite(hex string) float64 {
	lum := 0.0
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		lum += weight * c
	}
	return 1.05 / (lum + 0.05)
}

// Darker gives a #rrggbb colour with each channel scaled by f (0 to 1):
// the hover and pressed shade of the accent.
func Darker(hex string, f float64) string {
	out := []byte("#")
	for i := 0; i < 3; i++ {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		out = append(out, fmt.Sprintf("%02x", int(float64(v)*f))...)
	}
	return string(out)
}

var (
	svgStart     = regexp.MustCompile(`(?is)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<!--.*?-->\s*)*<svg[\s>]`)
	svgScript    = regexp.MustCompile(`(?i)<script|\son[a-z]+\s*=`)
	svgOtherSite = regexp.MustCompile(`(?i)(?:href|src)\s*=\s*["']\s*(?:https?:|//)|url\(\s*["']?\s*(?:https?:|//)|@import`)
)

// checkLogo says what is wrong with a logo's content, or "".
func checkLogo(ext string, data []byte) string {
	if ext == ".png" {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || format != "png" {
			return "is not a PNG image"
		}
		if cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
			return fmt.Sprintf("is too big: %d×%d pixels, at most %d×%d", cfg.Width, cfg.Height, MaxLogoPixels, MaxLogoPixels)
		}
		return ""
	}
	switch {
	case !utf8.Valid(data) || !svgStart.Match(data):
		return "is not an SVG image (it should start with <svg)"
	case svgScript.Match(data):
		return "has a script in it, which the app will not show"
	case svgOtherSite.Match(data):
		return "loads something from another website, which the app never does: save the SVG with everything in it"
	}
	return ""
}
