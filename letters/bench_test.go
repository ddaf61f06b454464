package letters

import (
	"strconv"
	"testing"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// largeCase is five years of a weekly therapy with an outcome for every
// session, daily 1:1 support partly not in place, and 100 contacts.
func largeCase() calc.Case {
	start := calc.MustDate(2021, 9, 6)
	today := calc.MustDate(2026, 7, 1)
	ot := calc.Provision{ID: "ot", Section: calc.SectionF, Type: calc.TypeOT, Wording: "Weekly OT.",
		Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.TermTime,
		Weekdays: []string{"tuesday"}, Start: start}
	statuses := []calc.Status{calc.StatusDelivered, calc.StatusMissed, calc.StatusDelivered, calc.StatusPrivate, calc.StatusChildAbsent}
	for i, s := range calc.Schedule(ot, calc.DefaultCalendar(), today) {
		o := calc.Outcome{Date: s.Date, Status: statuses[i%len(statuses)], Reason: calc.ReasonNoTherapist}
		if o.Status == calc.StatusPrivate {
			o.Cost = decimal.NewFromInt(85)
		}
		ot.Outcomes = append(ot.Outcomes, o)
	}
	support := calc.Provision{ID: "ta", Section: calc.SectionF, Type: calc.TypeOneToOne, Wording: "15 hours of 1:1 a week.",
		Frequency: calc.Frequency{Count: 15, Unit: calc.UnitHours, Per: calc.PerWeek}, Weeks: calc.TermTime, Start: start,
		NotInPlace: []calc.Spell{{From: calc.MustDate(2024, 1, 8)}}}
	c := calc.Case{SchemaVersion: 1, Child: calc.Child{FirstName: "Sam"}, Council: "919",
		Plans: []calc.Plan{{ID: "ehcp", Kind: calc.PlanEHC, Issued: calc.MustDate(2021, 7, 1), Provisions: []calc.Provision{ot, support}}}}
	for i := 0; i < 100; i++ {
		c.Contacts = append(c.Contacts, calc.Contact{Date: start.AddDays(i * 10), Kind: calc.ContactEmail, With: "SEN team", Said: "Chased, message " + strconv.Itoa(i)})
	}
	return c
}

func BenchmarkBuild(b *testing.B) {
	c := largeCase()
	today := calc.MustDate(2026, 7, 1)
	for b.Loop() {
		l, err := Build(CouncilStage1, c, goldenInputs(), today)
		if err != nil {
			b.Fatal(err)
		}
		_ = l.PlainText()
		_ = l.StandaloneHTML()
	}
}

func BenchmarkSessionLogCSV(b *testing.B) {
	c := largeCase()
	today := calc.MustDate(2026, 7, 1)
	for b.Loop() {
		if _, err := SessionLogCSV(c, today); err != nil {
			b.Fatal(err)
		}
	}
}
