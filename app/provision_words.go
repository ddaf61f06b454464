package main

import (
	"provisiontracker/calc"
	"provisiontracker/letters"
)

// Words for showing a provision back to the parent. They describe; they
// never count: counts come from calc.

var provisionTypes = []option{
	{string(calc.TypeOT), "Occupational therapy (OT)", ""},
	{string(calc.TypeSALT), "Speech and language therapy", ""},
	{string(calc.TypePhysio), "Physiotherapy", ""},
	{string(calc.TypeOneToOne), "1:1 support", "An adult working with your child on their own, such as a teaching assistant."},
	{string(calc.TypeSpecialistTeaching), "Specialist teaching", "For example a specialist teacher for hearing, vision or dyslexia."},
	{string(calc.TypeTherapy), "Another therapy, such as Theraplay or counselling", ""},
	{string(calc.TypeTuition), "Tuition", "Teaching at home or somewhere other than school."},
	{string(calc.TypeAlternative), "Alternative provision", "Teaching out of school, such as a learning centre, counted in hours."},
	{string(calc.TypeShortBreaks), "Short breaks or respite", "Care for your child so that you get a break, at home or away. Count nights or hours."},
	{string(calc.TypeDirectPayments), "Direct payments", "Money from the council to buy support yourself, such as a personal assistant."},
	{string(calc.TypeTransport), "Transport to school or college", "Count it in days: the days your child should have had it."},
	{string(calc.TypeOther), "Something else", ""},
}

var sections = []option{
	{string(calc.SectionF), "Section F: help with learning (special educational provision)", "Most therapy and support in school is here. The council must make sure your child gets it."},
	{string(calc.SectionG), "Section G: health", "The NHS must give this help."},
	{string(calc.SectionH), "Section H: social care", "Children's social care must give this help."},
}

var perOptions = []option{
	{string(calc.PerWeek), "a week", ""},
	{string(calc.PerFortnight), "a fortnight", ""},
	{string(calc.PerMonth), "a month", ""},
	{string(calc.PerHalfTerm), "each half term", ""},
	{string(calc.PerTerm), "a term", ""},
	{string(calc.PerYear), "a year", ""},
	{string(calc.PerTotal), "in total", "For example, 12 sessions in all."},
}

var weeksOptions = []option{
	{string(calc.TermTime), "Term time only", "Not in the school holidays."},
	{string(calc.AllYear), "All year", "Holidays too."},
}

var weekdayOptions = []option{
	{"monday", "Monday", ""}, {"tuesday", "Tuesday", ""}, {"wednesday", "Wednesday", ""},
	{"thursday", "Thursday", ""}, {"friday", "Friday", ""},
	{"saturday", "Saturday", ""}, {"sunday", "Sunday", ""},
	{"", "It changes, or I do not know", "We will spread the sessions evenly."},
}

// weekdayWords names the days sessions fall on ("Saturday, Sunday").
func weekdayWords(days []string) string {
	out := ""
	for i, d := range days {
		if i > 0 {
			out += ", "
		}
		out += labelOf(weekdayOptions, d)
	}
	return out
}

func labelOf(opts []option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

// provisionName is the name of a provision, the same as in the letters
// (letters.ProvisionName): the parent's own name for it, or its kind, never
// an internal ID.
func provisionName(b *caseBook, p calc.Provision) string {
	return letters.ProvisionName(b.current(), p)
}

// describeAmount says how much help the plan gives, in the letters' words
// (letters.AmountText), e.g. "1 session a week, term time only, 45 minutes
// each".
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func describeAmount(p calc.Provision) string { return letters.AmountText(p) }

// socialCareCase reports whether the case has children's social care in
// it (a care plan, or help in Section H), whose complaints have three
// statutory stages.
func socialCareCase(c calc.Case) bool {
	for _, pl := range c.Plans {
		if pl.Kind == calc.PlanCarePlan {
			return true
		}
		for _, p := range pl.Provisions {
			if p.Section == calc.SectionH {
				return true
			}
		}
	}
	return false
}
