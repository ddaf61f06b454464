//go:build !js

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/casestore"
)

// Every page is given main's book and draws from it alone: a page built
// without it would fail here, not in a parent's browser.
func TestEveryPageDrawsFromTheBookItIsGiven(t *testing.T) {
	s, err := casestore.Open(casestore.NewMemory(), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Parallel() // it shares nothing with the other tests
	b := &caseBook{store: s}
	if problems := b.start(seedCase(t)); len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, r := range routes {
		t.Run(r.path, func(t *testing.T) {
			html := app.HTMLString(r.page(b))
			if !strings.Contains(html, appName) {
				t.Errorf("%s does not draw the app's frame", r.path)
			}
		})
	}
}
