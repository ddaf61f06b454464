package main

import (
	"fmt"
	"math"
	"os"

	"provisiontracker/calc"
	"provisiontracker/calc/decisions"
)

func main() {
	ds, _ := decisions.Load("calc/data")
	ents, _ := decisions.EnterAll(ds)
	ents = decisions.Comparable(ents)
	for i, en := range ents {
		if len(os.Args) > 1 && en.Decision.Category != os.Args[1] {
			continue
		}
		others := append(append([]decisions.Entered(nil), ents[:i]...), ents[i+1:]...)
		r := decisions.Derive(others, calc.SeedRules())
		est := calc.EstimateCase(en.Case, r, en.Today)
		a, _ := en.Decision.Paid()
		af, _ := a.Float64()
		tf, _ := est.Typical.Float64()
		if math.Abs(math.Log(tf/af)) < 0.5 && len(os.Args) < 3 {
			continue
		}
		fmt.Printf("%s %s paid %s est %s  (%s)\n", en.Decision.Ref, en.Decision.Category, a, est.Typical, en.Decision.Notes)
		for _, it := range en.Decision.Remedy.Items {
			fmt.Printf("   item %v %s: %s\n", it.Amount, it.Category, it.Purpose)
		}
		for _, l := range est.Lines {
			fmt.Printf("    %s %s | %s\n", l.Kind, l.Typical, l.Basis)
		}
	}
}
