package calc

import (
	"sort"

	"github.com/shopspring/decimal"
)

// EntryKind says what one line of a session log is.
type EntryKind string

// Session log entry kinds.
const (
	// EntrySession is one session: expected by the schedule, or recorded
	// by the parent on a day the schedule did not expect.
	EntrySession EntryKind = "session"
	// EntryMadeUp is an extra session that replaced a missed one.
	EntryMadeUp EntryKind = "made_up"
	// EntryNotInPlace is a stretch of time when the provision was not in
	// place (the parent's own dates): the sessions the schedule expected in
	// it, with nothing else recorded, count as missed. Their dates are the
	// schedule's, not real appointments, so they are never listed one by one.
	EntryNotInPlace EntryKind = "not_in_place"
	// EntryPeriod is the totals the parent entered for a stretch of time.
	EntryPeriod EntryKind = "count_period"
)

// LogEntry is one line of a provision's session log. Its count fields are
// exactly what it adds to the log's Counts.
type LogEntry struct {
	Kind EntryKind `json:"kind"`
	// Date is the session's date, or the first day of a stretch.
	Date Date `json:"date"`
	// To is the last day of a stretch (not in place, count period).
	To  Date `json:"to,omitzero"`
	Seq int  `json:"seq,omitempty"`
	// Expected is true when the schedule expected this session.
	Expected bool `json:"expected,omitempty"`
	// Status is what the parent recorded; empty when nothing is.
	Status Status `json:"status,omitempty"`
	Reason Reason `json:"reason,omitempty"`
	// Replaces is the missed session a made-up session stands in for.
	Replaces Session `json:"replaces,omitzero"`
	// MadeUpOn is, for a missed or paid-for session, the day of the
	// made-up session that replaced it.
	MadeUpOn Date            `json:"made_up_on,omitzero"`
	Cost     decimal.Decimal `json:"cost,omitzero"`
	Note     string          `json:"note,omitempty"`

	Due           int `json:"due"`
	Delivered     int `json:"delivered"`
	Missed        int `json:"missed"`
	MadeUp        int `json:"made_up"`
	ChildAbsent   int `json:"child_absent"`
	PaidPrivately int `json:"paid_privately"`
	Unrecorded    int `json:"unrecorded"`
}

// SessionLog is the classified log of one provision over a period: every
// expected or recorded session, every stretch not in place and every count
// period, in date order, with their sums. It is the one place the counting
// rules live: Tally, the letters, the CSV and the session pages all read it.
type SessionLog struct {
	ProvisionID string     `json:"provision_id"`
	From        Date       `json:"from,omitzero"`
	To          Date       `json:"to,omitzero"`
	Entries     []LogEntry `json:"entries"`
	Counts      Counts     `json:"counts"`
	// Unrecorded lists the stretches of expected sessions with nothing
	// recorded, from the first such session to the last before something
	// recorded. Nothing may be said about them except that they are not
	// recorded.
	Unrecorded []Spell `json:"unrecorded,omitempty"`
	// RecordedFrom and RecordedTo are the first and last day the parent's
	// records cover (dated sessions, stretches not in place, count
	// periods); zero when nothing is recorded.
	RecordedFrom Date `json:"recorded_from,omitzero"`
	RecordedTo   Date `json:"recorded_to,omitzero"`
}

// ProvisionLog is the session log of a provision from..to (inclusive; a
// zero from is open), with the sessions Schedule expects up to to.
func ProvisionLog(p Provision, cal Calendar, from, to Date) SessionLog {
	return LogOf(p, Schedule(p, cal, to), from, to)
}

// LogOf classifies a provision's sessions from..to (inclusive; a zero date
// leaves that end open), given the expected sessions from Schedule. Count
// periods replace dated records and not-in-place periods for their dates;
// a count period overlapping the range is counted whole. A recorded
// session on a date the schedule did not expect still counts, so the
// parent's record always wins over the schedule.
func LogOf(p Provision, sessions []Session, from, to Date) SessionLog {
	lg := SessionLog{ProvisionID: p.ID, From: from, To: to}
	out := make([]LogEntry, 0, len(sessions)+len(p.Outcomes)+len(p.CountPeriods)+len(p.NotInPlace))
	classify(p, sessions, from, to, func(e LogEntry) { out = append(out, e) })
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Seq < out[j].Seq
	})
	lg.Entries = out
	lg.Counts = sumLog(p.ID, from, to, out)
	lg.Unrecorded, lg.RecordedFrom, lg.RecordedTo = stretches(out)
	return lg
}

// classify walks a provision's log entries from..to, in no set order,
// handing each to emit: the counting rules, in one place, for LogOf and
// Tally.
func classify(p Provision, sessions []Session, from, to Date, emit func(LogEntry)) {
	in := func(d Date) bool { return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to)) }
	covered := func(d Date) bool {
		for _, cp := range p.CountPeriods {
			if !d.Before(cp.From) && !d.After(cp.To) {
				return true
			}
		}
		return false
	}
	spellOf := func(d Date) int {
		for i, s := range p.NotInPlace {
			if !d.Before(s.From) && (s.To.IsZero() || !d.After(s.To)) {
				return i
			}
		}
		return -1
	}
	recorded := make(map[Session]*Outcome, len(p.Outcomes))
	madeUpOn := map[Session]Date{}
	for i := range p.Outcomes {
		o := &p.Outcomes[i]
		if o.Status != StatusMadeUp {
			recorded[Session{o.Date, o.Seq}] = o
		} else if !o.Replaces.IsZero() {
			k := Session{o.Replaces, o.ReplacesSeq}
			if _, ok := madeUpOn[k]; !ok {
				madeUpOn[k] = o.Date
			}
		}
	}
	fromOutcome := func(o *Outcome, expected bool) LogEntry {
		e := LogEntry{Kind: EntrySession, Date: o.Date, Seq: o.Seq, Expected: expected, Status: o.Status,
			Reason: o.Reason, Note: o.Note, Due: 1}
		switch o.Status {
		case StatusDelivered:
			e.Delivered = 1
		case StatusMissed:
			e.Missed = 1
		case StatusChildAbsent:
			e.ChildAbsent = 1
		case StatusPrivate:
			e.PaidPrivately, e.Cost = 1, o.Cost
		}
		if e.Missed+e.PaidPrivately > 0 {
			e.MadeUpOn = madeUpOn[Session{o.Date, o.Seq}]
		}
		return e
	}
	gapSessions := make([]int, len(p.NotInPlace))
	expected := make(map[Session]bool, len(sessions))
	for _, s := range sessions {
		if !in(s.Date) || covered(s.Date) {
			continue
		}
		expected[s] = true
		if o, ok := recorded[s]; ok {
			emit(fromOutcome(o, true))
			continue
		}
		if i := spellOf(s.Date); i >= 0 {
			gapSessions[i]++
			continue
		}
		emit(LogEntry{Kind: EntrySession, Date: s.Date, Seq: s.Seq, Expected: true, Due: 1, Unrecorded: 1})
	}
	for i, n := range gapSessions {
		if n == 0 {
			continue
		}
		sp := p.NotInPlace[i]
		start, end := sp.From, sp.To
		if !from.IsZero() && start.Before(from) {
			start = from
		}
		if !p.Start.IsZero() && start.Before(p.Start) {
			start = p.Start
		}
		if end.IsZero() || (!to.IsZero() && end.After(to)) {
			end = to
		}
		emit(LogEntry{Kind: EntryNotInPlace, Date: start, To: end, Note: sp.Note, Due: n, Missed: n})
	}
	for i := range p.Outcomes {
		o := &p.Outcomes[i]
		if !in(o.Date) || covered(o.Date) {
			continue
		}
		if o.Status == StatusMadeUp {
			emit(LogEntry{Kind: EntryMadeUp, Date: o.Date, Seq: o.Seq, Status: StatusMadeUp,
				Replaces: Session{o.Replaces, o.ReplacesSeq}, Note: o.Note, MadeUp: 1})
			continue
		}
		if !expected[Session{o.Date, o.Seq}] {
			emit(fromOutcome(o, false))
		}
	}
	for _, cp := range p.CountPeriods {
		if (!from.IsZero() && cp.To.Before(from)) || (!to.IsZero() && cp.From.After(to)) {
			continue
		}
		due := cp.DueOf(sessions)
		e := LogEntry{Kind: EntryPeriod, Date: cp.From, To: cp.To, Note: cp.Note, Due: due,
			Delivered: cp.Delivered, Missed: cp.Missed, MadeUp: cp.MadeUp, ChildAbsent: cp.ChildAbsent,
			PaidPrivately: cp.PaidPrivately, Cost: cp.PrivateCost,
			Unrecorded: due - (cp.Delivered + cp.Missed + cp.ChildAbsent + cp.PaidPrivately)}
		if cp.Missed+cp.PaidPrivately > 0 {
			e.Reason = cp.Reason
		}
		emit(e)
	}
}

// sumLog adds up a log's entries.
func sumLog(id string, from, to Date, es []LogEntry) Counts {
	c := Counts{ProvisionID: id, From: from, To: to}
	for i := range es {
		c.add(es[i])
	}
	return c.finish()
}

// add adds one entry's counts.
func (c *Counts) add(e LogEntry) {
	{
		c.Due += e.Due
		c.Delivered += e.Delivered
		c.Missed += e.Missed
		c.MadeUp += e.MadeUp
		c.ChildAbsent += e.ChildAbsent
		c.PaidPrivately += e.PaidPrivately
		if !e.Cost.IsZero() { // decimal addition allocates: only when there is a cost
			c.PrivateCost = c.PrivateCost.Add(e.Cost)
		}
		c.Unrecorded += e.Unrecorded
	}
}

// finish works out the counts that follow from the sums.
func (c Counts) finish() Counts {
	c.Recorded = c.Delivered + c.Missed + c.ChildAbsent + c.PaidPrivately
	c.MissedNotMadeUp = max(0, c.Missed-c.MadeUp)
	if base := c.Recorded - c.ChildAbsent; base > 0 {
		pct := decInt(int64(c.Delivered+c.MadeUp)).Mul(decInt(100)).
			DivRound(decInt(int64(base)), 1)
		if pct.GreaterThan(decInt(100)) {
			pct = decInt(100)
		}
		c.PercentDelivered = pct
		// A share of only missed sessions, while others are not
		// recorded, would say "none delivered" of time nobody recorded.
		c.HasPercent = c.Unrecorded == 0 || c.Delivered > 0
	}
	return c
}

// stretches finds the runs of unrecorded expected sessions and the span
// the records cover.
func stretches(es []LogEntry) (gaps []Spell, first, last Date) {
	var run Spell
	open := false
	for _, e := range es {
		if e.Kind == EntrySession && e.Unrecorded > 0 {
			if !open {
				run, open = Spell{From: e.Date}, true
			}
			run.To = e.Date
			continue
		}
		if open {
			gaps, open = append(gaps, run), false
		}
		if first.IsZero() || e.Date.Before(first) {
			first = e.Date
		}
		end := e.Date
		if !e.To.IsZero() {
			end = e.To
		}
		if end.After(last) {
			last = end
		}
	}
	if open {
		gaps = append(gaps, run)
	}
	return gaps, first, last
}

// Sessions returns the log's session entries (expected or recorded off
// the schedule): the ones a parent can tap, in date order.
func (lg SessionLog) Sessions() []Session {
	var out []Session
	for _, e := range lg.Entries {
		if e.Kind == EntrySession {
			out = append(out, Session{e.Date, e.Seq})
		}
	}
	return out
}
