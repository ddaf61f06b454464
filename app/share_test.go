//go:build !js

package main

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"provisiontracker/branding"
)

func TestSharedCouncil(t *testing.T) {
	tests := []struct {
		query, want string
		ok          bool
	}{
		{"council=891", "891", true},
		{"council=+891+", "891", true},
		{"council=999999", "", false},
		{"council=", "", false},
		{"", "", false},
		{"council=Nottinghamshire", "", false},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		c, ok := sharedCouncil(q)
		if ok != tt.ok || c.Code != tt.want {
			t.Errorf("%q: got %q %v, want %q %v", tt.query, c.Code, ok, tt.want, tt.ok)
		}
	}
}

// The start page's links carry the share link's council to the first
// question; with no share link they are as before.
func TestStartLinks(t *testing.T) {
	p := &startPage{book: book}
	if got := p.startLink(false); got != "/child/name" {
		t.Errorf("plain start link %q", got)
	}
	if got := p.startLink(true); got != "/child/name?new=1" {
		t.Errorf("plain another link %q", got)
	}
	p.shared, p.hasShared = sharedCouncil(url.Values{"council": {"891"}})
	if got := p.startLink(false); got != "/child/name?council=891" {
		t.Errorf("shared start link %q", got)
	}
	if got := p.startLink(true); got != "/child/name?council=891&new=1" {
		t.Errorf("shared another link %q", got)
	}
}

// A new record started from a share link has its council; renaming an
// existing record from the same address leaves its council alone.
func TestChildNameTakesTheSharedCouncil(t *testing.T) {
	logsBook(t, nil)
	p := &childNamePage{book: book}
	p.load(url.Values{"council": {"891"}})
	p.name = "Amira"
	if !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	if got := book.current().Council; got != "891" {
		t.Fatalf("the new record's council is %q, want 891", got)
	}
	p.load(url.Values{"council": {"202"}})
	p.name = "Amira B"
	if !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	if got := book.current().Council; got != "891" {
		t.Errorf("renaming from a share link changed the council to %q", got)
	}
	p.load(url.Values{"new": {"1"}, "council": {"202"}})
	p.name = "Ben"
	if !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	if got := book.current().Council; got != "202" || len(book.list()) != 2 {
		t.Errorf("Ben's record has council %q (%d records)", got, len(book.list()))
	}
}

// The start page and the footer show the brand that the build put in the
// environment, and nothing of one without it.
func TestStartPageBrand(t *testing.T) {
	b := branding.Brand{Name: "Anytown Forum", Description: "Help in Anytown.", Helpline: "0800 123 4567",
		Hours: "weekdays", Website: "https://anytown.example/", Logo: "/web/brand/logo.png"}
	plain := renderText(t, &startPage{book: book})
	if strings.Contains(plain, "Anytown") || strings.Contains(plain, "Free help from") {
		t.Fatalf("unbranded start page shows a brand:\n%s", plain)
	}
	for k, v := range b.Env() {
		os.Setenv(k, v)
		t.Cleanup(func() { os.Unsetenv(k) })
	}
	text := strings.Join(strings.Fields(renderText(t, &startPage{book: book})), " ")
	for _, want := range []string{"Shared with you by Anytown Forum", "Help in Anytown.", "Free helpline: 0800 123 4567 (weekdays)",
		"anytown.example", "Free help from Anytown Forum"} {
		if !strings.Contains(text, want) {
			t.Errorf("branded start page lacks %q:\n%s", want, text)
		}
	}
}
