// Package branding is what a charity's copy of Provision Tracker says about
// the charity: its name, helpline, website, logo and colour.
//
// The native build reads a small config file (see Load and the example in
// example/branding.conf), checks it, and hands the result to the app in the
// browser through go-app's environment (Brand.Env and FromEnv), so the wasm
// carries no parser and no image code: only this file is in it.
package branding

import "strings"

// Brand is a charity's branding, checked. The zero Brand means an
// unbranded site.
type Brand struct {
	Name        string // the organisation, as families know it
	Description string // one line about what it does
	Helpline    string // phone number, as people dial it
	Hours       string // when the helpline is open
	Website     string // https://... of the organisation
	Logo        string // site path of the logo ("/web/brand/logo.svg"), or ""
	Accent      string // "#rrggbb", used where the app uses its own colour
	Address     string // https://... where this copy of the app is published
}

// envKeys are the names of the go-app environment variables, in one place
// so Env and FromEnv cannot drift apart.
var envKeys = [...]string{"PT_BRAND_NAME", "PT_BRAND_DESCRIPTION", "PT_BRAND_HELPLINE",
	"PT_BRAND_HOURS", "PT_BRAND_WEBSITE", "PT_BRAND_LOGO", "PT_BRAND_ACCENT", "PT_BRAND_ADDRESS"}

func (b *Brand) fields() [len(envKeys)]*string {
	return [...]*string{&b.Name, &b.Description, &b.Helpline, &b.Hours, &b.Website, &b.Logo, &b.Accent, &b.Address}
}

// Env gives the brand as go-app environment variables. Every key is there,
// empty for an unbranded site, so a build never inherits an earlier one's.
func (b Brand) Env() map[string]string {
	env := make(map[string]string, len(envKeys))
	for i, f := range b.fields() {
		env[envKeys[i]] = *f
	}
	return env
}

// FromEnv reads the brand back, with get being app.Getenv.
func FromEnv(get func(string) string) Brand {
	var b Brand
	for i, f := range b.fields() {
		*f = get(envKeys[i])
	}
	return b
}

// IsZero reports whether the site is unbranded.
func (b Brand) IsZero() bool { return b.Name == "" }

// Tel is the helpline as a tel: address (digits and a leading +), or "".
func (b Brand) Tel() string {
	var s strings.Builder
	for i, r := range b.Helpline {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			s.WriteRune(r)
		}
	}
	if s.Len() == 0 {
		return ""
	}
	return "tel:" + s.String()
}

// WebsiteLabel is the website as people read it: no scheme, no "www.", no
// trailing slash.
func (b Brand) WebsiteLabel() string {
	s := strings.TrimPrefix(strings.TrimPrefix(b.Website, "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
}

// HelpLines are the lines that say where to get free help from the
// organisation, for a page footer or the foot of a letter:
//
//	Free help from Anytown Parent Carer Forum
//	Helpline: 0800 123 4567 (Monday to Friday, 9am to 5pm)
//	anytownpcf.org.uk
func (b Brand) HelpLines() []string {
	if b.IsZero() {
		return nil
	}
	lines := []string{"Free help from " + b.Name}
	if b.Helpline != "" {
		l := "Helpline: " + b.Helpline
		if b.Hours != "" {
			l += " (" + b.Hours + ")"
		}
		lines = append(lines, l)
	}
	if b.Website != "" {
		lines = append(lines, b.WebsiteLabel())
	}
	return lines
}
