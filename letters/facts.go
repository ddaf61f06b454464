package letters

import (
	"sort"
	"strings"

	"provisiontracker/calc"
)

// Statuses as written in the session log and the letters.
const (
	stDelivered  = "delivered"
	stMissed     = "missed"
	stAbsent     = "child absent"
	stMadeUp     = "made up"
	stPaid       = "paid privately"
	stUnrecorded = "not recorded"
	stPeriod     = "count only"
	stNotInPlace = "not in place"
)

var reasonWords = map[calc.Reason]string{
	calc.ReasonProviderCancelled: "the provider cancelled",
	calc.ReasonNoTherapist:       "no therapist",
	calc.ReasonSchool:            "the school",
	calc.ReasonNotKnown:          "not known",
}

const reasonNotInPlace = "not in place"

func reasonText(r calc.Reason) string {
	if r == "" {
		return ""
	}
	if w, ok := reasonWords[r]; ok {
		return w
	}
	return string(r)
}

// statusText is the plain word for what a log entry records.
func statusText(e calc.LogEntry) string {
	switch e.Kind {
	case calc.EntryPeriod:
		return stPeriod
	case calc.EntryNotInPlace:
		return stNotInPlace
	case calc.EntryMadeUp:
		return stMadeUp
	}
	switch e.Status {
	case calc.StatusDelivered:
		return stDelivered
	case calc.StatusMissed:
		return stMissed
	case calc.StatusChildAbsent:
		return stAbsent
	case calc.StatusPrivate:
		return stPaid
	case "":
		return stUnrecorded
	}
	return string(e.Status)
}

// entryReason is the reason shown for an entry: the parent's, or "not in
// place" for a stretch when the provision was not arranged.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func entryReason(e calc.LogEntry) string {
	if e.Kind == calc.EntryNotInPlace {
		return reasonNotInPlace
	}
	if e.Missed+e.PaidPrivately == 0 {
		return ""
	}
	return reasonText(e.Reason)
}

// facts is what the letters say about one provision.
type facts struct {
	Plan    *calc.Plan
	Prov    *calc.Provision
	Counts  calc.Counts
	Log     calc.SessionLog
	Since   calc.Date // first missed (or paid-for) session
	SinceTo calc.Date // when Since is the start of a count-only period: its end
	Gap     calc.Date // start of the not-in-place period that is still open
	Still   bool      // not in place on today
}

func provisionFacts(pl *calc.Plan, p *calc.Provision, cal calc.Calendar, today calc.Date) facts {
	f := facts{Plan: pl, Prov: p}
	f.Log = calc.ProvisionLog(*p, cal, calc.Date{}, today)
	f.Counts = f.Log.Counts
	for _, e := range f.Log.Entries {
		// A stretch not in place has no real session dates: the letter says
		// when it was not in place instead.
		if e.Kind != calc.EntryNotInPlace && e.Missed+e.PaidPrivately > 0 && (f.Since.IsZero() || e.Date.Before(f.Since)) {
			f.Since, f.SinceTo = e.Date, e.To
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

// missedEntries is the list of missed sessions for a letter: each missed
// or paid-for session, each stretch when the provision was not in place
// (with the parent's dates, never the schedule's), and count-only periods
// with missed sessions.
func (f facts) missedEntries() [][]string {
	var out [][]string
	for _, e := range f.Log.Entries {
		switch {
		case e.Kind == calc.EntryPeriod && e.Missed+e.PaidPrivately > 0:
			what := plural(e.Missed, "session") + " missed"
			if e.PaidPrivately > 0 {
				what += ", " + plural(e.PaidPrivately, "session") + " paid for by me"
			}
			if e.MadeUp > 0 {
				what += ", " + itoa(e.MadeUp) + " made up later"
			}
			out = append(out, []string{e.Date.Long() + " to " + e.To.Long(), what + " (dates not recorded)", entryReason(e)})
		case e.Kind == calc.EntryNotInPlace:
			span := "From " + e.Date.Long()
			if !e.To.IsZero() {
				span += " to " + e.To.Long()
			}
			out = append(out, []string{span, "not arranged: " + plural(e.Missed, "session") + " the plan set for this time " + was(e.Missed) + " not given", reasonNotInPlace})
		case e.Kind == calc.EntrySession && e.Missed > 0:
			what := "missed"
			if !e.MadeUpOn.IsZero() {
				what += ", made up on " + e.MadeUpOn.Long()
			}
			out = append(out, []string{e.Date.Long(), what, entryReason(e)})
		case e.Kind == calc.EntrySession && e.PaidPrivately > 0:
			what := "missed; I paid " + calc.FormatMoney(e.Cost) + " for a private session"
			out = append(out, []string{e.Date.Long(), what, entryReason(e)})
		}
	}
	return out
}

// reasons sums up the reasons given for missed sessions, most frequent
// first: "no therapist (12 sessions)".
func (f facts) reasons() []string {
	n := map[string]int{}
	var order []string
	for _, e := range f.Log.Entries {
		k := e.Missed + e.PaidPrivately
		r := entryReason(e)
		if k == 0 || r == "" || r == reasonNotInPlace {
			continue
		}
		if _, ok := n[r]; !ok {
			order = append(order, r)
		}
		n[r] += k
	}
	sort.SliceStable(order, func(i, j int) bool { return n[order[i]] > n[order[j]] })
	out := make([]string, len(order))
	for i, r := range order {
		out[i] = r + " (" + plural(n[r], "session") + ")"
	}
	return out
}

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
