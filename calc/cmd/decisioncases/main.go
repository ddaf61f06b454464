// Command decisioncases enters every decision of the decision set as a
// case file in calc/testdata/decisions, from its facts alone, with the
// gap rules of calc/testdata/decisions/README.md. Files of decisions no
// longer entered are removed. Run it from the repository root:
//
//	go run ./calc/cmd/decisioncases
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"provisiontracker/calc/decisions"
)

func main() {
	dir := flag.String("data", "calc/data", "the directory of decisions.json (and decisions-extra.json)")
	out := flag.String("out", "calc/testdata/decisions", "the directory to write the case files to")
	flag.Parse()
	ds, err := decisions.Load(*dir)
	if err != nil {
		fail(err)
	}
	ents, not := decisions.EnterAll(ds)
	files, err := decisions.CaseFiles(ents, *out)
	if err != nil {
		fail(err)
	}
	old, _ := filepath.Glob(filepath.Join(*out, "*.json"))
	for _, f := range old {
		if _, ok := files[f]; !ok {
			os.Remove(f)
		}
	}
	for path, b := range files {
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			fail(err)
		}
	}
	fmt.Printf("%d case files written to %s; %d decisions not entered:\n", len(files), *out, len(not))
	for _, n := range not {
		fmt.Printf("  %s: %s\n", n.Decision.Ref, strings.TrimSpace(n.Why))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "decisioncases:", err)
	os.Exit(1)
}
