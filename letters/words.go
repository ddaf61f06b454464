package letters

import (
	"strings"

	"provisiontracker/calc"
)

// The words for a provision, used by the letters, the CSV and the app's
// pages alike, so the parent sees the same help named the same way
// everywhere.

// ProvisionName is the plain name of a provision in case c, capitalised:
// the name the parent gave it ("Theraplay"), or else its kind, with the
// provider for a therapy or other help ("Therapy (Dr G)"). Two provisions
// that would still share a name are told apart by their start dates when
// each has its own ("Therapy (from 24 May 2023)", help carried into a
// newer plan), else by their order in the case ("Therapy (first)",
// "Therapy (second)"). It never shows an
// internal ID.
func ProvisionName(c calc.Case, p calc.Provision) string {
	base := baseName(p)
	if oneLine(p.Name) != "" {
		return base
	}
	n, k := 0, 0
	starts := map[calc.Date]bool{}
	for _, pl := range c.Plans {
		for _, q := range pl.Provisions {
			if oneLine(q.Name) == "" && baseName(q) == base {
				n++
				starts[q.Start] = true
				if q.ID == p.ID {
					k = n
				}
			}
		}
	}
	if n < 2 || k == 0 {
		return base
	}
	// Help carried into a newer plan is told apart by when it starts.
	if len(starts) == n && !starts[calc.Date{}] {
		return base + " (from " + p.Start.Long() + ")"
	}
	return base + " (" + ordinal(k) + ")"
}

func baseName(p calc.Provision) string {
	if n := oneLine(p.Name); n != "" {
		return capital(n)
	}
	n := capital(calc.TypeName(p.Type))
	if p.Type == calc.TypeTherapy || p.Type == calc.TypeOther || p.Type == "" {
		if pv := oneLine(p.Provider); pv != "" {
			n += " (" + pv + ")"
		}
	}
	return n
}

var ordinals = [...]string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

func ordinal(k int) string {
	if k >= 1 && k <= len(ordinals) {
		return ordinals[k-1]
	}
	return "number " + itoa(k)
}

var perWords = map[calc.Per]string{
	calc.PerWeek: "a week", calc.PerFortnight: "a fortnight", calc.PerMonth: "a month",
	calc.PerHalfTerm: "each half term", calc.PerTerm: "a term", calc.PerYear: "a year", calc.PerTotal: "in total",
}

// AmountText says how much help the plan promises, without dates: "1
// session a week, term time only, 45 minutes each".
func AmountText(p calc.Provision) string {
	fr := p.Frequency
	if fr.Count < 1 {
		return ""
	}
	unit := strings.TrimSuffix(string(fr.Unit), "s")
	if unit == "" {
		unit = "session"
	}
	s := plural(fr.Count, unit)
	if w, ok := perWords[fr.Per]; ok {
		s += " " + w
	}
	switch p.Weeks {
	case calc.TermTime:
		s += ", term time only"
	case calc.AllYear:
		s += ", all year"
	}
	if p.SessionMinutes > 0 {
		s += ", " + itoa(p.SessionMinutes) + " minutes each"
	}
	return s
}

// FrequencyText is AmountText with the provision's dates: "1 session a
// week, term time only, 45 minutes each, from 27 February 2023".
func FrequencyText(p calc.Provision) string {
	s := AmountText(p)
	if s == "" {
		return ""
	}
	if !p.Start.IsZero() {
		s += ", from " + p.Start.Long()
	}
	if !p.End.IsZero() {
		s += " to " + p.End.Long()
	}
	return s
}
