package letters

import (
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// row is one line of the session log: an expected session, a made-up
// session, a recorded session the schedule did not expect, or a count-only
// period. Its count fields are exactly what calc.Tally adds for it, so the
// sums of all rows of a provision equal Tally's counts.
type row struct {
	Date, To   calc.Date // To: only for count periods
	Seq        int
	Status     string // plain words, see the status constants
	Reason     string // plain words
	MadeUpFor  calc.Date
	MadeUpOn   calc.Date // for a missed session: the made-up session that replaced it
	Cost       decimal.Decimal
	Note       string
	NotInPlace bool // missed because the provision was not in place
	Period     bool // a count-only period

	Due, Delivered, Missed, MadeUp, ChildAbsent, Paid int
}

// Statuses as written in the session log and the letters.
const (
	stDelivered  = "delivered"
	stMissed     = "missed"
	stAbsent     = "child absent"
	stMadeUp     = "made up"
	stPaid       = "paid privately"
	stUnrecorded = "not recorded"
	stPeriod     = "count only"
)

var reasonWords = map[calc.Reason]string{
	calc.ReasonProviderCancelled: "the provider cancelled",
	calc.ReasonNoTherapist:       "no therapist",
	calc.ReasonSchool:            "the school",
	calc.ReasonNotKnown:          "not known",
}

const reasonNotInPlace = "not in place"

func reasonText(r calc.Reason) string {
	if w, ok := reasonWords[r]; ok {
		return w
	}
	return string(r)
}

// provisionRows lists a provision's log up to today the way calc.Tally
// (from open, to today) counts it.
func provisionRows(p calc.Provision, cal calc.Calendar, today calc.Date) []row {
	sessions := calc.Schedule(p, cal, today)
	in := func(d calc.Date) bool { return today.IsZero() || !d.After(today) }
	covered := func(d calc.Date) bool {
		for _, cp := range p.CountPeriods {
			if !d.Before(cp.From) && !d.After(cp.To) {
				return true
			}
		}
		return false
	}
	notInPlace := func(d calc.Date) bool {
		for _, s := range p.NotInPlace {
			if !d.Before(s.From) && (s.To.IsZero() || !d.After(s.To)) {
				return true
			}
		}
		return false
	}
	recorded := make(map[calc.Session]*calc.Outcome, len(p.Outcomes))
	madeUpOn := map[calc.Session]calc.Date{}
	for i := range p.Outcomes {
		o := &p.Outcomes[i]
		if o.Status != calc.StatusMadeUp {
			recorded[calc.Session{Date: o.Date, Seq: o.Seq}] = o
		} else if !o.Replaces.IsZero() {
			k := calc.Session{Date: o.Replaces, Seq: o.ReplacesSeq}
			if _, ok := madeUpOn[k]; !ok {
				madeUpOn[k] = o.Date
			}
		}
	}
	fromOutcome := func(o *calc.Outcome) row {
		r := row{Date: o.Date, Seq: o.Seq, Due: 1, Note: o.Note}
		switch o.Status {
		case calc.StatusDelivered:
			r.Status, r.Delivered = stDelivered, 1
		case calc.StatusMissed:
			r.Status, r.Missed = stMissed, 1
			r.Reason = reasonText(o.Reason)
		case calc.StatusChildAbsent:
			r.Status, r.ChildAbsent = stAbsent, 1
		case calc.StatusPrivate:
			r.Status, r.Paid, r.Cost = stPaid, 1, o.Cost
			r.Reason = reasonText(o.Reason)
		default:
			r.Status = string(o.Status)
		}
		if r.Missed+r.Paid > 0 {
			r.MadeUpOn = madeUpOn[calc.Session{Date: o.Date, Seq: o.Seq}]
		}
		return r
	}
	var out []row
	expected := make(map[calc.Session]bool, len(sessions))
	for _, s := range sessions {
		if !in(s.Date) || covered(s.Date) {
			continue
		}
		expected[s] = true
		if o, ok := recorded[s]; ok {
			out = append(out, fromOutcome(o))
		} else if notInPlace(s.Date) {
			out = append(out, row{Date: s.Date, Seq: s.Seq, Status: stMissed, Reason: reasonNotInPlace,
				NotInPlace: true, Due: 1, Missed: 1, MadeUpOn: madeUpOn[s]})
		} else {
			out = append(out, row{Date: s.Date, Seq: s.Seq, Status: stUnrecorded, Due: 1})
		}
	}
	for i := range p.Outcomes {
		o := &p.Outcomes[i]
		if !in(o.Date) || covered(o.Date) {
			continue
		}
		if o.Status == calc.StatusMadeUp {
			out = append(out, row{Date: o.Date, Seq: o.Seq, Status: stMadeUp, MadeUp: 1, MadeUpFor: o.Replaces, Note: o.Note})
			continue
		}
		if !expected[calc.Session{Date: o.Date, Seq: o.Seq}] {
			out = append(out, fromOutcome(o))
		}
	}
	for _, cp := range p.CountPeriods {
		if !today.IsZero() && cp.From.After(today) {
			continue
		}
		due := cp.DueOf(sessions)
		r := row{Date: cp.From, To: cp.To, Status: stPeriod, Period: true, Note: cp.Note,
			Due: due, Delivered: cp.Delivered, Missed: cp.Missed, MadeUp: cp.MadeUp,
			ChildAbsent: cp.ChildAbsent, Paid: cp.PaidPrivately, Cost: cp.PrivateCost}
		if cp.Missed+cp.PaidPrivately > 0 {
			r.Reason = reasonText(cp.Reason)
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Seq < out[j].Seq
	})
	return out
}

// facts is what the letters say about one provision.
type facts struct {
	Plan    *calc.Plan
	Prov    *calc.Provision
	Counts  calc.Counts
	Rows    []row
	Since   calc.Date // first missed (or paid-for) session
	SinceTo calc.Date // when Since is the start of a count-only period: its end
	Gap     calc.Date // start of the not-in-place period that is still open
	Still   bool      // not in place on today
}

func provisionFacts(pl *calc.Plan, p *calc.Provision, cal calc.Calendar, today calc.Date) facts {
	f := facts{Plan: pl, Prov: p}
	f.Counts = calc.Tally(*p, calc.Schedule(*p, cal, today), calc.Date{}, today)
	f.Rows = provisionRows(*p, cal, today)
	for _, r := range f.Rows {
		if r.Missed+r.Paid > 0 && (f.Since.IsZero() || r.Date.Before(f.Since)) {
			f.Since, f.SinceTo = r.Date, r.To
		}
	}
	for _, s := range p.NotInPlace {
		if today.IsZero() || !s.From.After(today) {
			if s.To.IsZero() || (!today.IsZero() && s.To.After(today)) {
				f.Still = true
				f.Gap = s.From
			}
		}
	}
	return f
}

// missedEntries is the dated list of missed sessions for a letter:
// each missed or paid-for session, runs of sessions missed while the
// provision was not in place (one entry a run), and count-only periods
// with missed sessions.
func (f facts) missedEntries() [][]string {
	var out [][]string
	rows := f.Rows
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		switch {
		case r.Period && r.Missed+r.Paid > 0:
			what := plural(r.Missed, "session") + " missed"
			if r.Paid > 0 {
				what += ", " + plural(r.Paid, "session") + " paid for by me"
			}
			if r.MadeUp > 0 {
				what += ", " + strconv.Itoa(r.MadeUp) + " made up later"
			}
			out = append(out, []string{r.Date.Long() + " to " + r.To.Long(), what + " (dates not recorded)", r.Reason})
		case r.NotInPlace:
			j := i
			for j+1 < len(rows) && rows[j+1].NotInPlace {
				j++
			}
			n := j - i + 1
			if n == 1 {
				out = append(out, []string{r.Date.Long(), "missed", reasonNotInPlace})
			} else {
				out = append(out, []string{r.Date.Long() + " to " + rows[j].Date.Long(), plural(n, "session") + " missed", reasonNotInPlace})
			}
			i = j
		case !r.Period && r.Missed > 0:
			what := "missed"
			if !r.MadeUpOn.IsZero() {
				what += ", made up on " + r.MadeUpOn.Long()
			}
			out = append(out, []string{r.Date.Long(), what, r.Reason})
		case !r.Period && r.Paid > 0:
			what := "missed; I paid " + calc.FormatMoney(r.Cost) + " for a private session"
			out = append(out, []string{r.Date.Long(), what, r.Reason})
		}
	}
	return out
}

// reasons sums up the reasons given for missed sessions, most frequent
// first: "no therapist (12 sessions)".
func (f facts) reasons() []string {
	n := map[string]int{}
	var order []string
	for _, r := range f.Rows {
		k := r.Missed + r.Paid
		if k == 0 || r.Reason == "" || r.Reason == reasonNotInPlace {
			continue
		}
		if _, ok := n[r.Reason]; !ok {
			order = append(order, r.Reason)
		}
		n[r.Reason] += k
	}
	sort.SliceStable(order, func(i, j int) bool { return n[order[i]] > n[order[j]] })
	out := make([]string, len(order))
	for i, r := range order {
		out[i] = r + " (" + plural(n[r], "session") + ")"
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// provName is the plain name of a provision, capitalised: "Occupational
// therapy".
func provName(p *calc.Provision) string {
	n := capital(calc.TypeName(p.Type))
	if p.Type == calc.TypeTherapy || p.Type == calc.TypeOther || p.Type == "" {
		if pv := oneLine(p.Provider); pv != "" {
			n += " (" + pv + ")"
		} else if p.ID != "" {
			n += " (" + oneLine(p.ID) + ")"
		}
	}
	return n
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var perWords = map[calc.Per]string{
	calc.PerWeek: "a week", calc.PerFortnight: "a fortnight", calc.PerMonth: "a month",
	calc.PerHalfTerm: "each half term", calc.PerTerm: "a term", calc.PerYear: "a year", calc.PerTotal: "in total",
}

// frequencyText says how much the plan promises: "1 session a week of 45
// minutes, in term time, from 27 February 2023".
func frequencyText(p *calc.Provision) string {
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
	if p.SessionMinutes > 0 && fr.Unit == calc.UnitSessions {
		s += ", " + strconv.Itoa(p.SessionMinutes) + " minutes each"
	}
	switch p.Weeks {
	case calc.TermTime:
		s += ", in term time"
	case calc.AllYear:
		s += ", all year round"
	}
	if !p.Start.IsZero() {
		s += ", from " + p.Start.Long()
	}
	if !p.End.IsZero() {
		s += " to " + p.End.Long()
	}
	return s
}
