package letters_test

import (
	"fmt"
	"os"

	"provisiontracker/calc"
	"provisiontracker/letters"
)

func ExampleBuild() {
	data, _ := os.ReadFile("../calc/testdata/seeds/notts-23-009-620.json")
	c, _ := calc.DecodeCaseFile(data)
	in := letters.Inputs{SenderName: "Alex Morgan", SenderAddress: []string{"12 Willow Road", "Anytown"},
		RecipientName: "Ms Priya Patel", RecipientRole: "Complaints Manager"}
	l, err := letters.Build(letters.CouncilStage1, c, in, calc.MustDate(2024, 1, 22))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Subject)
	fmt.Println(l.Salutation, "...", l.SignOff)
	fmt.Println("Reply by", l.ReplyBy.Long())
	fmt.Println(l.Missing[0])
	// Output:
	// Formal complaint (stage 1): Section F provision not delivered – Ms B's son
	// Dear Ms Patel ... Yours sincerely
	// Reply by 5 February 2024
	// the council's address for complaints
}

func ExampleRoutes() {
	c := calc.Case{SchemaVersion: 1, Child: calc.Child{FirstName: "Sam"}, Council: "919",
		Plans: []calc.Plan{{ID: "ehcp", Kind: calc.PlanEHC, Provisions: []calc.Provision{{ID: "ot",
			Section: calc.SectionF, Type: calc.TypeOT, Weeks: calc.TermTime,
			Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}}}}},
		Complaint: calc.Complaint{ProblemNoticed: calc.MustDate(2026, 3, 14)}}
	for _, r := range letters.Routes(c, calc.MustDate(2026, 11, 25)) {
		fmt.Println(r.Title)
		for _, l := range r.Limits {
			fmt.Printf("  %s: %s (%s)\n", l.What, l.Date.Long(), l.Source)
		}
	}
	// Output:
	// Complain to the council
	//   Council's stage 1 answer due, if you send it on 25 November 2026: 16 December 2026 (Local Government and Social Care Ombudsman, Complaint Handling Code (applied by the Ombudsman to complaints made from 1 April 2026))
	// Complain to the Local Government and Social Care Ombudsman
	//   Complain to the Ombudsman by: 14 March 2027 (Local Government Act 1974 s26B)
	// Appeal to the SEND Tribunal about what the plan says
	// Free, independent help
}
