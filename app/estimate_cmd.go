//go:build !js

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"provisiontracker/calc"
)

// runEstimate is the "estimate" subcommand: it prints the itemised remedy
// estimate of each case file named in args (as text, or as JSON with
// --json). "Today" comes from --today YYYY-MM-DD or the clock: this is the
// only place that reads the clock, so calc stays reproducible. It returns
// 0 when every file was estimated, 1 when any file could not be read, and
// 2 for a usage mistake.
func runEstimate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("estimate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the estimates as JSON")
	todayFlag := fs.String("today", "", "the date to estimate on, YYYY-MM-DD (default: today)")
	nearest := fs.Bool("similar", false, "list the Ombudsman decisions nearest to each case instead of the estimate")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: estimate [--json] [--similar] [--today YYYY-MM-DD] FILE.json [FILE.json ...]")
		fs.PrintDefaults()
	}
	// Flags may come before or after the file names.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) == 0 {
		fs.Usage()
		return 2
	}
	today, err := calc.ParseDate(*todayFlag)
	if err != nil {
		fmt.Fprintf(stderr, "estimate: --today %q: %v\n", *todayFlag, err)
		return 2
	}
	if today.IsZero() {
		now := time.Now()
		today = calc.MustDate(now.Year(), int(now.Month()), now.Day())
	}
	type result struct {
		File     string            `json:"file"`
		Estimate *calc.Estimate    `json:"estimate,omitempty"`
		Similar  *similarJSON      `json:"similar,omitempty"`
		Error    string            `json:"error,omitempty"`
		Problems []calc.FieldError `json:"problems,omitempty"`
	}
	var results []result
	code := 0
	rules := calc.DefaultRules()
	for _, f := range files {
		r := result{File: f}
		c, err := readCase(f)
		if err != nil {
			code = 1
			r.Error = err.Error()
			if ve, ok := err.(*calc.ValidationError); ok {
				r.Error = "the case file has problems"
				r.Problems = ve.Problems
			}
			fmt.Fprintf(stderr, "%s: %v\n", f, err)
		} else if *nearest {
			s := nearestFor(c, today)
			r.Similar = &s
		} else {
			e := calc.EstimateCase(c, rules, today)
			r.Estimate = &e
		}
		results = append(results, r)
		switch {
		case *asJSON:
		case r.Similar != nil:
			writeSimilarText(stdout, f, *r.Similar)
		case r.Estimate != nil:
			writeText(stdout, f, c, *r.Estimate)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			fmt.Fprintf(stderr, "estimate: %v\n", err)
			return 1
		}
	}
	return code
}

func readCase(path string) (calc.Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return calc.Case{}, fmt.Errorf("cannot read the file: %w", err)
	}
	return calc.DecodeCaseFile(b)
}

func writeText(w io.Writer, file string, c calc.Case, e calc.Estimate) {
	fmt.Fprintf(w, "== %s\n", file)
	council := c.Council
	if k, ok := calc.CouncilByCode(c.Council); ok {
		council = k.Name
	}
	fmt.Fprintf(w, "Child: %s", c.Child.FirstName)
	if council != "" {
		fmt.Fprintf(w, "    Council: %s", council)
	}
	fmt.Fprintf(w, "\nEstimate on %s (rules %s, figures as of %s)\n\n", e.Today.Long(), e.RulesVersion, e.FiguresDate.Long())
	if len(e.Lines) == 0 {
		fmt.Fprintln(w, "No remedy lines: nothing recorded is a fault the estimate can price.")
	}
	for _, l := range e.Lines {
		title := l.Title
		if l.Overridden {
			title += " [rate changed for this case]"
		}
		if l.Ongoing {
			title += " [for months still to come]"
		}
		fmt.Fprintf(w, "%s\n    %s\n    low %s   typical %s   high %s\n    Source: %s (figures as of %s)\n",
			title, l.Basis, calc.FormatMoney(l.Low), calc.FormatMoney(l.Typical), calc.FormatMoney(l.High), l.Source, l.FiguresDate.Long())
	}
	fmt.Fprintf(w, "\nTotal   low %s   typical %s   high %s\n", calc.FormatMoney(e.Low), calc.FormatMoney(e.Typical), calc.FormatMoney(e.High))
	fmt.Fprintf(w, "%s\n", calc.Rounding)
	var late []string
	for _, d := range e.Deadlines {
		if d.Status == calc.Late || d.Status == calc.Overdue {
			late = append(late, fmt.Sprintf("  %s: due %s, %s by %d weeks (%d working days)", d.Rule, d.Due.Long(), d.Status, d.WeeksLate, d.WorkingDaysLate))
		}
	}
	if len(late) > 0 {
		fmt.Fprintf(w, "\nDeadlines missed:\n%s\n", strings.Join(late, "\n"))
	}
	for _, n := range e.Notes {
		fmt.Fprintf(w, "\nNote: %s", n)
	}
	fmt.Fprint(w, "\n\n")
}
