package calc_test

import (
	"fmt"

	"provisiontracker/calc"
)

func ExampleParseMoney() {
	d, err := calc.ParseMoney("£1,234.5")
	fmt.Println(calc.FormatMoney(d), err)
	_, err = calc.ParseMoney("1e3")
	fmt.Println(err)
	// Output:
	// £1,234.50 <nil>
	// use only digits, one decimal point and commas between thousands
}

func ExampleNewDate() {
	d, _ := calc.NewDate(2027, 3, 14)
	fmt.Println(d, d.Long())
	_, err := calc.NewDate(2024, 2, 31)
	fmt.Println(err)
	// Output:
	// 2027-03-14 14 March 2027
	// February 2024 has no day 31
}

func ExampleCalendar_AddWorkingDays() {
	cal := calc.DefaultCalendar()
	sent := calc.MustDate(2023, 6, 30)
	due := cal.AddWorkingDays(sent, 20)
	fmt.Println(due.Long(), cal.WorkingDaysBetween(due, calc.MustDate(2023, 9, 1)))
	// Output: 28 July 2023 24
}

func ExampleSchedule() {
	p := calc.Provision{ID: "ot", Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek},
		Weeks: calc.TermTime, Weekdays: []string{"monday"}, Start: calc.MustDate(2025, 10, 13)}
	for _, s := range calc.Schedule(p, calc.DefaultCalendar(), calc.MustDate(2025, 11, 10)) {
		fmt.Println(s.Date.Long())
	}
	// Output:
	// 13 October 2025
	// 27 October 2025
	// 3 November 2025
	// 10 November 2025
}

func ExampleEstimateCase() {
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "Sam"},
		Plans: []calc.Plan{{ID: "ehcp", Kind: calc.PlanEHC, Provisions: []calc.Provision{{
			ID: "ot", Section: calc.SectionF, Type: calc.TypeOT, Weeks: calc.TermTime,
			Frequency:    calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek},
			CountPeriods: []calc.CountPeriod{{From: calc.MustDate(2025, 1, 6), To: calc.MustDate(2025, 3, 28), Missed: 6}},
		}}}}}
	e := calc.EstimateCase(c, calc.DefaultRules(), calc.MustDate(2025, 4, 1))
	for _, l := range e.Lines {
		fmt.Printf("%s: %s (%s to %s)\n", l.Title, l.Basis, calc.FormatMoney(l.Low), calc.FormatMoney(l.High))
	}
	fmt.Println("Total:", calc.FormatMoney(e.Low), "to", calc.FormatMoney(e.High))
	// Output:
	// Missed sessions not made up: occupational therapy (Section F): 6 missed sessions × £50.00 (£178.38 to £846.30)
	// Distress, frustration and uncertainty: a symbolic payment for the distress, frustration and uncertainty the faults caused: usually £353.00, from £0.00 to £1,000.00 (£0.00 to £1,000.00)
	// Total: £178.38 to £1,846.30
}

func ExampleDecodeCaseFile() {
	_, err := calc.DecodeCaseFile([]byte(`{"schema_version": 1, "child": {"first_name": "Sam"},
		"plans": [{"id": "p", "kind": "ehc_plan", "provisions": [{"id": "ot", "section": "F",
		"type": "occupational_therapy", "frequency": {"count": 0, "unit": "sessions", "per": "week"},
		"weeks": "term_time", "start": "2025-09-01", "end": "2025-07-01"}]}]}`))
	fmt.Println(err)
	// Output:
	// 2 problems:
	//   plans[0].provisions[0].frequency.count: must be at least 1
	//   plans[0].provisions[0].end: End date must be after the start date
}
