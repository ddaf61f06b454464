//go:build !js

package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc/similar"
)

var dataRef = regexp.MustCompile(`data-ref="([0-9 ]{10})"`)

func refsIn(page string) []string {
	var out []string
	for _, m := range dataRef.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// The summary shows calc/similar's nearest decisions, in its order, each
// with its link; a record with nothing missed shows what to add.
func TestSummaryShowsDecisionsLikeYours(t *testing.T) {
	for _, seed := range []string{"notts-23-009-620.json", "bromley-23-008-648.json", "bromley-news-750.json"} {
		t.Run(seed, func(t *testing.T) {
			c := summaryBook(t, seed)
			page := app.HTMLString(&summaryPage{book: book})
			want := similar.Nearest(c, today()).Matches
			got := refsIn(page)
			if len(got) != len(want) || len(got) < 3 {
				t.Fatalf("summary shows decisions %q, want %d", got, len(want))
			}
			for i, m := range want {
				if got[i] != m.Decision.Ref {
					t.Errorf("decision %d is %s, want %s", i, got[i], m.Decision.Ref)
				}
				if !strings.Contains(page, `href="`+m.Decision.URL+`"`) {
					t.Errorf("no link to %s", m.Decision.URL)
				}
			}
			if !strings.Contains(page, "Each case turns on its own facts.") {
				t.Error("the summary does not say each case turns on its facts")
			}
		})
	}
	c := summaryBook(t, "notts-23-009-620.json")
	c.Plans[0].Provisions = nil
	if problems := book.start(c); len(problems) > 0 {
		t.Fatal(problems)
	}
	page := app.HTMLString(&summaryPage{book: book})
	if refs := refsIn(page); len(refs) != 0 || !strings.Contains(page, "record which sessions were missed") {
		t.Errorf("a record with no help shows %q and no hint", refs)
	}
}

// The list page shows every decision, or those the filters keep.
func TestDecisionsPageFilters(t *testing.T) {
	all := similar.Decisions()
	if got := refsIn(app.HTMLString(&decisionsPage{book: book})); len(got) != len(all) {
		t.Fatalf("the list shows %d decisions, the set has %d", len(got), len(all))
	}
	p := &decisionsPage{book: book, help: string(similar.HelpSALT), year: "2023"}
	want := similar.Filter{Help: similar.HelpSALT, Year: 2023}.Apply(all)
	got := refsIn(app.HTMLString(p))
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("filtered list shows %q, want %d", got, len(want))
	}
	for i, d := range want {
		if got[i] != d.Ref {
			t.Errorf("decision %d is %s, want %s", i, got[i], d.Ref)
		}
	}
	if page := app.HTMLString(&decisionsPage{book: book, council: "Nowhere Council"}); !strings.Contains(page, "No decision in the set matches") {
		t.Error("an empty result does not say so")
	}
}
