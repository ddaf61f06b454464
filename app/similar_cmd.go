//go:build !js

package main

import (
	"fmt"
	"io"
	"strings"

	"provisiontracker/calc"
	"provisiontracker/calc/similar"
)

// similarJSON is one case file's nearest decisions, for estimate --similar --json.
type similarJSON struct {
	Matches []similarMatchJSON `json:"matches"`
	Hints   []string           `json:"hints,omitempty"`
	Note    string             `json:"note"`
}

type similarMatchJSON struct {
	Ref     string            `json:"ref"`
	Council string            `json:"council,omitempty"`
	Date    calc.Date         `json:"date,omitzero"`
	URL     string            `json:"url"`
	Summary string            `json:"summary"`
	Items   []similarItemJSON `json:"items"`
	Total   string            `json:"total"`
	Score   int               `json:"score"`
	Why     []string          `json:"why"`
}

type similarItemJSON struct {
	Amount string `json:"amount"` // decimal, pounds
	For    string `json:"for"`
}

// factsNote is said with every list of decisions.
const factsNote = "Each case turns on its own facts: these amounts are what the Ombudsman recommended for those families, not a promise."

// nearestFor puts calc/similar's answer for a case into the JSON shape.
func nearestFor(c calc.Case, today calc.Date) similarJSON {
	r := similar.Nearest(c, today)
	out := similarJSON{Matches: []similarMatchJSON{}, Hints: r.Hints, Note: factsNote}
	for _, m := range r.Matches {
		d := m.Decision
		j := similarMatchJSON{Ref: d.Ref, Council: d.Council, Date: d.Date, URL: d.URL, Summary: d.Summary,
			Total: d.Total().String(), Score: m.Score, Why: m.Why, Items: []similarItemJSON{}}
		for _, it := range d.Items {
			j.Items = append(j.Items, similarItemJSON{Amount: it.Amount.String(), For: similar.CategoryName(it.Category)})
		}
		out.Matches = append(out.Matches, j)
	}
	return out
}

// writeSimilarText prints the nearest decisions of one case file.
func writeSimilarText(w io.Writer, file string, s similarJSON) {
	fmt.Fprintf(w, "== %s\n", file)
	if len(s.Matches) == 0 {
		fmt.Fprintln(w, "No decisions shown: the case has too little in it to compare fairly.")
		for _, h := range s.Hints {
			fmt.Fprintf(w, "  - %s\n", h)
		}
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "Decisions like this case. %s\n\n", s.Note)
	for i, m := range s.Matches {
		council, when := m.Council, "date not known"
		if council == "" {
			council = "council not named"
		}
		if !m.Date.IsZero() {
			when = m.Date.Long()
		}
		var paid []string
		for _, it := range m.Items {
			a, _ := calc.ParseMoney(it.Amount)
			paid = append(paid, calc.FormatMoney(a)+" "+it.For)
		}
		total, _ := calc.ParseMoney(m.Total)
		fmt.Fprintf(w, "%d. %s  %s, %s\n   What went wrong: %s\n   Paid: %s (in all %s)\n   Why similar: %s\n   %s\n",
			i+1, m.Ref, council, when, m.Summary, strings.Join(paid, "; "), calc.FormatMoney(total), strings.Join(m.Why, "; "), m.URL)
	}
	fmt.Fprintln(w)
}
