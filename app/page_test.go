package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// These tests run natively and, through wasmbrowsertest, in headless
// Chromium (GOOS=js GOARCH=wasm), where go-app renders into a real DOM.

// renderText returns the text a person would read on a page: its HTML as
// go-app writes it, without the tags.
func renderText(t *testing.T, c app.UI) string {
	t.Helper()
	html := app.HTMLString(c)
	return html2text.ReplaceAllString(strings.ReplaceAll(html, "&#39;", "'"), " ")
}

var html2text = regexp.MustCompile(`<[^>]*>|\s+`)

func TestPagesSayWhatThisIsAndIsNot(t *testing.T) {
	pages := map[string]app.Composer{
		"start":     &startPage{book: book},
		"privacy":   &privacyPage{book: book},
		"not found": &notFoundPage{book: book},
	}
	for name, c := range pages {
		text := renderText(t, c)
		for _, must := range []string{"Provision Tracker", "not a government or council service", "legal advice"} {
			if !strings.Contains(text, must) {
				t.Errorf("%s page does not say %q", name, must)
			}
		}
	}
}

func TestStartPageSaysDataStaysOnDevice(t *testing.T) {
	text := renderText(t, &startPage{book: book})
	for _, must := range []string{"EHC", "stays on this device", "Section F"} {
		if !strings.Contains(text, must) {
			t.Errorf("start page does not say %q:\n%s", must, text)
		}
	}
}
