package letters

import (
	"strings"

	"provisiontracker/calc"
	"provisiontracker/calc/similar"
)

// MaxCited is the most Ombudsman decisions a letter cites.
const MaxCited = 2

// Cited returns the decisions nearest to the case (calc/similar) that a
// letter of this scope may cite: at most MaxCited, each decided on or
// before today, and of the same side (care-plan and social-care
// decisions for a social-care letter, the others for a council letter).
func Cited(c calc.Case, social bool, today calc.Date) []similar.Match {
	var out []similar.Match
	for _, m := range similar.Nearest(c, today).Matches {
		d := m.Decision
		if d.Date.IsZero() || d.Date.After(today) {
			continue
		}
		careSide := d.Plan == calc.PlanCarePlan || (d.Has(similar.HelpSocialCare) && len(d.Help) == 1)
		if careSide != social {
			continue
		}
		out = append(out, m)
		if len(out) == MaxCited {
			break
		}
	}
	return out
}

// citeDecisions adds the parent's own point that the Ombudsman has
// recommended payments in cases like theirs: reference, council, date and
// amount of up to two decisions, never as a promise. toOmbudsman words it
// for the Ombudsman's own form ("you recommended").
func (b *builder) citeDecisions(toOmbudsman bool) {
	ms := Cited(b.c, b.social, b.today)
	if len(ms) == 0 || len(b.lines) == 0 {
		return
	}
	who := "the Ombudsman"
	if toOmbudsman {
		who = "you"
	}
	var parts []string
	for _, m := range ms {
		d := m.Decision
		where := d.Council
		if where == "" {
			where = "a council"
		}
		parts = append(parts, "in decision "+d.Ref+" ("+where+", "+d.Date.Long()+") "+who+" recommended "+calc.FormatMoney(d.Total())+" in all")
	}
	s := strings.Join(parts, ", and ")
	whom := map[bool]string{false: "the council", true: "you"}[toOmbudsman]
	b.p("Decisions like mine: " + s + ". I know each case is decided on its own facts; I mention these so that " + whom + " can compare them with mine.")
}
