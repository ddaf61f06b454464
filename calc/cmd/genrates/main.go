// Command genrates derives the rules table's rates from the decision set
// and writes them to calc/rates_gen.go: every rate's low, typical and
// high, the decisions it rests on and the latest of their dates. Run it
// from the repository root after the decision set changes:
//
//	go run ./calc/cmd/genrates
package main

import (
	"flag"
	"fmt"
	"os"

	"provisiontracker/calc/decisions"
)

func main() {
	dir := flag.String("data", "calc/data", "the directory of decisions.json (and decisions-extra.json)")
	out := flag.String("out", "calc/rates_gen.go", "the Go file to write")
	flag.Parse()
	src, err := decisions.GenerateRates(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genrates:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genrates:", err)
		os.Exit(1)
	}
}
