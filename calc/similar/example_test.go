package similar_test

import (
	"fmt"
	"os"
	"strings"

	"provisiontracker/calc"
	"provisiontracker/calc/similar"
)

// A case of weekly OT missed for most of a school year finds decisions
// about missed OT, each with why it is similar.
func ExampleNearest() {
	b, _ := os.ReadFile("../testdata/seeds/notts-23-009-620.json")
	c, err := calc.DecodeCaseFile(b)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := similar.Nearest(c, calc.MustDate(2026, 11, 25))
	for _, m := range r.Matches[:3] {
		fmt.Println(m.Decision.Ref, m.Decision.Council, calc.FormatMoney(m.Decision.Total()))
		fmt.Println("  " + strings.Join(m.Why, "; "))
	}
	// Output:
	// 23 002 334 Isle of Wight Council £3,200.00
	//   also an EHC plan; also OT missed for about a year
	// 22 015 984 Devon County Council £1,700.00
	//   also an EHC plan; also OT missed for about 9 months
	// 21 003 011 Suffolk County Council £6,350.00
	//   also an EHC plan; also OT missed for about 14 months
}

// With nothing missed or late, Nearest says what to add instead.
func ExampleNearest_tooLittle() {
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Plans: []calc.Plan{{ID: "p", Kind: calc.PlanEHC}}}
	for _, h := range similar.Nearest(c, calc.MustDate(2026, 11, 25)).Hints {
		fmt.Println(h)
	}
	// Output:
	// Add the help in the plan and record which sessions were missed, or how many.
	// Or add the dates of the plan's steps (the request for assessment, the review meeting), so any delay can be found.
}
