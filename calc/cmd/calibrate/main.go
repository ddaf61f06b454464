// Command calibrate measures how realistic the remedy estimate is: for
// each decision of the decision set it derives the rates from all the
// other decisions, estimates that decision from its case file and
// compares the estimate with what the Ombudsman paid (leave-one-out).
// It prints the table and the summary and exits 1 when the summary
// misses issue 12's targets. Run it from the repository root:
//
//	go run ./calc/cmd/calibrate
package main

import (
	"flag"
	"fmt"
	"os"

	"provisiontracker/calc"
	"provisiontracker/calc/decisions"
)

func main() {
	dir := flag.String("data", "calc/data", "the directory of decisions.json (and decisions-extra.json)")
	flag.Parse()
	ds, err := decisions.Load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "calibrate:", err)
		os.Exit(2)
	}
	ents, not := decisions.EnterAll(ds)
	rows := decisions.LeaveOneOut(ents, calc.SeedRules())
	fmt.Printf("Leave-one-out over %d decisions: %d entered from their facts (%d compared), %d not\n\n", len(ds), len(ents), len(rows), len(not))
	decisions.WriteTable(os.Stdout, rows, ents, not)
	decisions.WriteSameFacts(os.Stdout, decisions.SameFacts(ents, calc.SeedRules(), 3))
	all := decisions.Summarise("all", rows)
	if missed := decisions.IssueTargets.Missed(all); len(missed) > 0 {
		fmt.Println("\nTargets missed:", missed)
		os.Exit(1)
	}
	fmt.Println("\nAll targets met: coverage ≥ 85%, median error ≤ 30%, bias 0.85–1.15, median width ≤ 3.")
}
