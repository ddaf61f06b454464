package calc

import (
	"slices"
	"strconv"
	"strings"
)

// Plans over time. A case holds its plans oldest first: a final plan, an
// amended plan after a review or a phase transfer, a new care plan. Each
// provision belongs to the plan that holds it, and a plan is in force from
// its date until it ended or, when no end is recorded, until the day
// before the next plan of the same kind. An EHC plan and a care plan can
// be in force at the same time, so plans of different kinds never end
// each other.

// PlanStart returns the day a plan came into force: its date (Issued),
// else the date of its final amended plan, else of its first final plan;
// zero when none is known. A date known only to the month counts from the
// month's first day.
func PlanStart(p Plan) Date {
	d := p.Issued
	if d.IsZero() {
		d = p.Process.AmendedFinalIssued
	}
	if d.IsZero() {
		d = p.Process.FinalIssued
	}
	return d.Earliest()
}

// PlanPeriod is when one plan was in force. A zero From means its date is
// not known; a zero To means it is still in force.
type PlanPeriod struct {
	PlanID string
	From   Date
	To     Date
}

// PlanPeriods returns when each plan was in force, in the order of
// c.Plans: from its start (PlanStart) to the day it ended or, when no end
// is recorded, the day before the next newer plan of the same kind starts.
func PlanPeriods(c Case) []PlanPeriod {
	out := make([]PlanPeriod, len(c.Plans))
	for i, p := range c.Plans {
		out[i] = PlanPeriod{PlanID: p.ID, From: PlanStart(p), To: p.Ended.Latest()}
		if !out[i].To.IsZero() {
			continue
		}
		for _, q := range c.Plans[i+1:] {
			if s := PlanStart(q); q.Kind == p.Kind && !s.IsZero() && s.After(out[i].From) {
				out[i].To = s.AddDays(-1)
				break
			}
		}
	}
	return out
}

// PlanInForce returns the index in c.Plans of the plan of this kind that
// was in force on d, or -1 when none was (d before the first plan's date,
// or after the last one ended). When dates overlap, the newest wins.
func PlanInForce(c Case, kind PlanKind, d Date) int {
	found := -1
	for i, pp := range PlanPeriods(c) {
		if c.Plans[i].Kind != kind || pp.From.IsZero() || d.Before(pp.From) || (!pp.To.IsZero() && d.After(pp.To)) {
			continue
		}
		found = i
	}
	return found
}

// PlanHolding returns the index in c.Plans of the plan that holds the
// provision with this id, or -1.
func PlanHolding(c Case, provisionID string) int {
	for i, p := range c.Plans {
		for _, pr := range p.Provisions {
			if pr.ID == provisionID {
				return i
			}
		}
	}
	return -1
}

// PlanByID returns the index in c.Plans of the plan with this id, or -1.
func PlanByID(c Case, id string) int {
	for i, p := range c.Plans {
		if p.ID == id {
			return i
		}
	}
	return -1
}

// NewPlanID returns a plan id not used in the case ("plan-2").
func NewPlanID(c Case) string {
	used := map[string]bool{}
	for _, p := range c.Plans {
		used[p.ID] = true
	}
	return freeID("plan-", used, c.IDsGiven.Plan)
}

// NewProvisionID returns a provision id not used in any plan of the case
// ("provision-3"). Ids are never reused while the old one is in the case,
// so session records always stay with the provision they were made for.
func NewProvisionID(c Case) string {
	used := map[string]bool{}
	for _, p := range c.Plans {
		for _, pr := range p.Provisions {
			used[pr.ID] = true
		}
	}
	return freeID("provision-", used, c.IDsGiven.Provision)
}

// freeID returns prefix+N with N one above both given (the highest
// number given before, see IDsGiven) and the highest number any id in used
// has after prefix, so a removed item's id is not given again; never an
// id in used.
func freeID(prefix string, used map[string]bool, given int) string {
	n := given
	for id := range used {
		n = max(n, idNumber(prefix, id))
	}
	for n++; ; n++ {
		if id := prefix + itoa(n); !used[id] {
			return id
		}
	}
}

// idNumber is N in the id prefix+N, or 0.
func idNumber(prefix, id string) int {
	if !strings.HasPrefix(id, prefix) {
		return 0
	}
	k, err := strconv.Atoi(id[len(prefix):])
	if err != nil || k < 0 {
		return 0
	}
	return k
}

// RecordIDs raises c.IDsGiven to the highest id number in use, or
// given, for each kind of item in c and in each of replaced (another tab's
// version that c is about to replace). The app calls it on every save, so
// the numbers of removed items stay given.
func RecordIDs(c *Case, replaced ...Case) {
	g := &c.IDsGiven
	for _, x := range append([]Case{*c}, replaced...) {
		xg := x.IDsGiven
		g.Plan, g.Provision, g.Contact = max(g.Plan, xg.Plan), max(g.Provision, xg.Provision), max(g.Contact, xg.Contact)
		g.Payment, g.Cost = max(g.Payment, xg.Payment), max(g.Cost, xg.Cost)
		for _, p := range x.Plans {
			g.Plan = max(g.Plan, idNumber("plan-", p.ID))
			for _, pr := range p.Provisions {
				g.Provision = max(g.Provision, idNumber("provision-", pr.ID))
			}
		}
		for _, ct := range x.Contacts {
			g.Contact = max(g.Contact, idNumber("contact-", ct.ID))
		}
		for _, p := range x.Payments {
			g.Payment = max(g.Payment, idNumber("payment-", p.ID))
		}
		for _, pc := range x.ParentCosts {
			g.Cost = max(g.Cost, idNumber("cost-", pc.ID))
		}
	}
}

// CarryForward adds newer, a plan that replaces the plan with id older,
// and carries the older plan's provisions named in carry into it from the
// day from (zero: the newer plan's date). The older plan ends the day
// before the newer plan's date and its help stops then; its session
// records stay where they are and still count for that time. Each carried
// provision is a new provision with a new id, starting on from, with the
// same words and amount and no records. newer gets a new id when it has
// none. It returns the changed case, or the case as it was and the
// problems (with the path of the field they are about) when the dates do
// not fit or the result would not be valid.
func CarryForward(c Case, older string, newer Plan, carry []string, from Date) (Case, []FieldError) {
	oi := PlanByID(c, older)
	start := PlanStart(newer)
	fail := func(path, msg string) (Case, []FieldError) { return c, []FieldError{{path, msg}} }
	switch {
	case oi < 0:
		return fail("plans", "The older plan is no longer in the record")
	case start.IsZero():
		return fail("issued", "Enter the date of the newer plan")
	case !start.After(PlanStart(c.Plans[oi])):
		return fail("issued", "The newer plan must be dated after the older plan of "+PlanStart(c.Plans[oi]).Long())
	}
	if from.IsZero() {
		from = start
	}
	if from.Before(start) {
		return fail("from", "Help can be carried forward only from the newer plan's date, "+start.Long()+", or later")
	}
	if newer.ID == "" {
		newer.ID = NewPlanID(c)
	}
	next := c
	next.Plans = append(append([]Plan(nil), c.Plans...), newer)
	old, nw := &next.Plans[oi], &next.Plans[len(next.Plans)-1]
	old.Provisions = append([]Provision(nil), old.Provisions...)
	nw.Provisions = append([]Provision(nil), nw.Provisions...)
	end := start.AddDays(-1)
	if old.Ended.IsZero() || old.Ended.After(end) {
		old.Ended = end
	}
	for i := range old.Provisions {
		pr := &old.Provisions[i]
		if slices.Contains(carry, pr.ID) {
			if !pr.End.IsZero() && pr.End.Before(from) {
				return fail("carry", "Help that ended before "+from.Long()+" cannot be carried forward: untick it")
			}
			cp := *pr
			cp.ID = NewProvisionID(next)
			cp.Start = maxDate(cp.Start, from)
			cp.Weekdays = slices.Clone(pr.Weekdays)
			cp.Outcomes, cp.CountPeriods, cp.NotInPlace, cp.PartlyInPlace = nil, nil, nil, nil
			cp.MakeUpAgreed, cp.IndirectMissed = 0, false
			nw.Provisions = append(nw.Provisions, cp)
		}
		// The older plan's help stops when it ends (help starting later
		// than that is left for the parent to move).
		if pr.Start.Before(start) && (pr.End.IsZero() || pr.End.After(end)) {
			pr.End = end
		}
	}
	if problems := Validate(next); len(problems) > 0 {
		return c, problems
	}
	return next, nil
}

// SetPlanDate changes the date of the plan with this id. When the plan
// follows an older plan of the same kind that ended the day before its old
// date (as CarryForward leaves it), the older plan, and its help that
// stopped then, now end the day before the new date; help in this plan
// that started on the old date starts on the new one. So correcting a
// date neither loses time nor counts it twice. Validate says when the new
// date does not fit.
func SetPlanDate(c Case, planID string, d Date) Case {
	i := PlanByID(c, planID)
	if i < 0 {
		return c
	}
	next := c
	next.Plans = slices.Clone(c.Plans)
	pl := &next.Plans[i]
	was, now := PlanStart(*pl), d.Earliest()
	pl.Issued = d
	if was.IsZero() || now.IsZero() || was == now {
		return next
	}
	// The older plan of the same kind, if it ended the day before this
	// one (as CarryForward leaves it). Moved before that plan's own date,
	// this plan is out of order: Validate says so, and nothing else moves.
	old := (*Plan)(nil)
	for j := i - 1; j >= 0; j-- {
		if next.Plans[j].Kind == pl.Kind {
			if next.Plans[j].Ended == was.AddDays(-1) && now.After(PlanStart(next.Plans[j])) {
				old = &next.Plans[j]
			}
			break
		}
	}
	if old == nil {
		return next // help the parent dated in a first plan keeps its dates
	}
	move := func(ps []Provision, f func(pr *Provision)) []Provision {
		ps = slices.Clone(ps)
		for k := range ps {
			f(&ps[k])
		}
		return ps
	}
	pl.Provisions = move(pl.Provisions, func(pr *Provision) {
		if pr.Start == was {
			pr.Start = now
		}
	})
	end := old.Ended
	old.Ended = now.AddDays(-1)
	old.Provisions = move(old.Provisions, func(pr *Provision) {
		if pr.End == end {
			pr.End = old.Ended
		}
	})
	return next
}
