package calc

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

// Session is one expected session: its date and, when there are two or
// more on one day, its number that day (Seq 0, 1, ...). Outcomes use the
// same key.
type Session struct {
	Date Date `json:"date"`
	Seq  int  `json:"seq,omitempty"`
}

// dayNames are the days a case file names, in time.Weekday order.
var dayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// weekdayByName reads a day a case file names ("saturday"). A list, not
// a map: a map literal costs more wasm than the lookup saves.
func weekdayByName(w string) (time.Weekday, bool) {
	for i, n := range dayNames {
		if n == w {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// Schedule returns the sessions a provision promised from its start date
// up to its end date or until (whichever is earlier), in date order. The
// dates are deterministic so a parent and a council counting from the
// same plan get the same list:
//   - per week or fortnight: on the chosen weekdays (default: the start
//     date's weekday for one session, else spread Monday to Friday); a
//     session that falls on a day off moves to the next school (or, for
//     all-year provision, working) day of the same week, or is dropped;
//     a session chosen for a Saturday or Sunday (short breaks at
//     weekends) stays on that day: every weekend for all-year help, and
//     for term-time help only a weekend between two weeks of term;
//   - per month, half term, term, school year or in total: spread evenly
//     over the school (or working) days of each period, or over the
//     chosen days when they are all at the weekend; a provision that
//     starts or ends part-way through a period gets the share of the
//     sessions falling inside its dates;
//   - hours or minutes: one entry per school (or working) day, since
//     support measured in hours runs every day; or, for help chosen for
//     weekend days only (short breaks), one entry per chosen weekend day,
//     in term for term-time help (see entryDays).
//
// A provision with no start date has no schedule: use count periods.
func Schedule(p Provision, cal Calendar, until Date) []Session {
	if p.Start.IsZero() || p.Frequency.Count < 1 {
		return nil
	}
	end := p.End
	if p.Frequency.Per == PerTotal && end.IsZero() {
		end = p.Start.AddMonths(12).AddDays(-1)
	}
	last := minDate(end, until)
	if last.IsZero() || last.Before(p.Start) {
		return nil
	}
	eligible := cal.IsSchoolDay
	if p.Weeks == AllYear {
		eligible = cal.IsWorkingDay
	}
	var out []Session
	keep := func(d Date, seq int) {
		if !d.Before(p.Start) && !d.After(last) {
			out = append(out, Session{d, seq})
		}
	}
	if p.Frequency.Unit != UnitSessions {
		weekend := WeekendOnly(p)
		for d := p.Start; !d.After(last); d = d.AddDays(1) {
			if weekend && chosenWeekend(p, cal, d) || !weekend && eligible(d) {
				out = append(out, Session{Date: d})
			}
		}
		return out
	}
	n := p.Frequency.Count
	switch p.Frequency.Per {
	case PerWeek, PerFortnight:
		days := sessionWeekdays(p)
		step := 7
		if p.Frequency.Per == PerFortnight {
			step = 14
		}
		monday := p.Start.AddDays(-((int(p.Start.Weekday()) + 6) % 7))
		for wk := monday; !wk.After(last); wk = wk.AddDays(step) {
			perDay := map[Date]int{}
			for i := 0; i < n; i++ {
				d := wk.AddDays((int(days[i%len(days)]) + 6) % 7)
				if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
					if p.Weeks == AllYear || cal.weekendInTerm(d) {
						keep(d, perDay[d])
						perDay[d]++
					}
					continue
				}
				for !eligible(d) && d.Weekday() != time.Saturday {
					d = d.AddDays(1)
				}
				if d.Weekday() == time.Saturday {
					continue // no school day left that week
				}
				keep(d, perDay[d])
				perDay[d]++
			}
		}
		sortSessions(out)
	default:
		// Short breaks at weekends, a few a month or a term: spread over
		// the chosen weekend days of each period.
		weekend := WeekendOnly(p)
		for _, w := range periodWindows(p, cal, end, last) {
			var days []Date
			for d := w[0]; !d.After(w[1]); d = d.AddDays(1) {
				if weekend && chosenWeekend(p, cal, d) || !weekend && eligible(d) {
					days = append(days, d)
				}
			}
			e := len(days)
			if e == 0 {
				continue
			}
			prev, seq := Date{}, 0
			for i := 0; i < n; i++ {
				d := days[(2*i+1)*e/(2*n)] // the middle of each of n equal shares
				if d == prev {
					seq++
				} else {
					seq = 0
				}
				prev = d
				keep(d, seq)
			}
		}
	}
	return out
}

// entryDays is how many school (or working) days of help one scheduled
// entry of a provision counted in hours stands for: one, or, for help on
// chosen weekend days only, a week's worth (five) shared by the days
// chosen, so a missed Saturday of "6 hours a week" is a week's help lost.
func entryDays(p Provision) decimal.Decimal {
	if p.Frequency.Unit == UnitSessions || !WeekendOnly(p) {
		return decimal.NewFromInt(1)
	}
	return decimal.New(int64(50/len(p.Weekdays)), -1) // one or two days (validation refuses repeats): 5 or 2.5
}

// WeekendOnly reports whether every day chosen for a provision's sessions
// is a Saturday or Sunday. Only then do sessions counted per month, term
// or year, and help in hours, fall on the chosen days: weekdays chosen
// before version 5 did not place such entries, and moving them would part
// recorded sessions from their dates.
//
//go:noinline
func WeekendOnly(p Provision) bool {
	days := 0
	for _, w := range p.Weekdays {
		if wd, ok := weekdayByName(w); !ok || (wd != time.Saturday && wd != time.Sunday) {
			return false
		}
		days++
	}
	return days > 0
}

// chosenWeekend reports whether d is a weekend day chosen for p, in term
// for term-time help.
func chosenWeekend(p Provision, cal Calendar, d Date) bool {
	for _, w := range p.Weekdays {
		if wd, ok := weekdayByName(w); ok && wd == d.Weekday() {
			return p.Weeks == AllYear || cal.weekendInTerm(d)
		}
	}
	return false
}

// sessionWeekdays returns the weekdays sessions fall on for a weekly or
// fortnightly provision.
func sessionWeekdays(p Provision) []time.Weekday {
	var days []time.Weekday
	for _, w := range p.Weekdays {
		if d, ok := weekdayByName(w); ok {
			days = append(days, d)
		}
	}
	if len(days) > 0 {
		return days
	}
	n := p.Frequency.Count
	if n == 1 {
		if wd := p.Start.Weekday(); wd != time.Saturday && wd != time.Sunday {
			return []time.Weekday{wd}
		}
		return []time.Weekday{time.Monday}
	}
	if n > 5 {
		n = 5
	}
	for i := 0; i < n; i++ {
		days = append(days, time.Weekday(1+i*5/n))
	}
	return days
}

// periodWindows returns the [first, last] day of each period (month, half
// term, term, school year, or the whole provision) overlapping the
// provision's dates.
func periodWindows(p Provision, cal Calendar, end, last Date) [][2]Date {
	var ws [][2]Date
	switch p.Frequency.Per {
	case PerTotal:
		ws = append(ws, [2]Date{p.Start, end})
	case PerMonth:
		y, m, _ := p.Start.YMD()
		for d := MustDate(y, m, 1); !d.After(last); d = d.AddMonths(1) {
			ws = append(ws, [2]Date{d, d.AddMonths(1).AddDays(-1)})
		}
	case PerYear:
		sy := p.Start.Year()
		if p.Start.Month() < 9 {
			sy--
		}
		for d := MustDate(sy, 9, 1); !d.After(last); d = d.AddMonths(12) {
			ws = append(ws, [2]Date{d, d.AddMonths(12).AddDays(-1)})
		}
	case PerTerm, PerHalfTerm:
		for _, t := range cal.TermsBetween(p.Start, last) {
			if p.Frequency.Per == PerTerm || t.HalfTermStart.IsZero() {
				ws = append(ws, [2]Date{t.Start, t.End})
				continue
			}
			ws = append(ws, [2]Date{t.Start, t.HalfTermStart.AddDays(-1)}, [2]Date{t.HalfTermEnd.AddDays(1), t.End})
		}
	}
	return ws
}

func sortSessions(s []Session) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Date != s[j].Date {
			return s[i].Date.Before(s[j].Date)
		}
		return s[i].Seq < s[j].Seq
	})
}

// Counts sums up one provision over a period.
type Counts struct {
	ProvisionID string `json:"provision_id"`
	From        Date   `json:"from,omitzero"`
	To          Date   `json:"to,omitzero"`
	Due         int    `json:"due"`
	Delivered   int    `json:"delivered"`
	Missed      int    `json:"missed"` // the council's failures, including days the provision was not in place
	MadeUp      int    `json:"made_up"`
	ChildAbsent int    `json:"child_absent"`
	// PaidPrivately sessions were missed and paid for by the parent: a
	// cost claim, never provision delivered (CFA 2014 s42(5), RULES.md §1).
	PaidPrivately   int             `json:"paid_privately"`
	PrivateCost     decimal.Decimal `json:"private_cost"`
	Unrecorded      int             `json:"unrecorded"`         // due sessions with nothing recorded yet
	MissedNotMadeUp int             `json:"missed_not_made_up"` // Missed minus MadeUp, never below zero
	// Recorded is how many due sessions have something recorded:
	// Delivered + Missed + ChildAbsent + PaidPrivately (Due - Unrecorded).
	Recorded int `json:"recorded"`
	// PercentDelivered is (Delivered + MadeUp) / (Recorded - ChildAbsent)
	// as a percentage with one decimal place, at most 100: the share of
	// the sessions the parent recorded, never of unrecorded time.
	PercentDelivered decimal.Decimal `json:"percent_delivered"`
	// HasPercent is false when the share would say nothing true: no
	// session that counts is recorded, or only missed ones are while
	// others due are not recorded.
	HasPercent bool `json:"has_percent"`
}

// Tally counts a provision's sessions from..to (inclusive; a zero date
// leaves that end open), given the expected sessions from Schedule. Count
// periods replace dated records and not-in-place periods for their dates;
// a count period overlapping the range is counted whole. A recorded
// session on a date the schedule did not expect still counts, so the
// parent's record always wins over the schedule.
func Tally(p Provision, sessions []Session, from, to Date) Counts {
	// The same rules as LogOf (classify), summed without keeping entries.
	c := Counts{ProvisionID: p.ID, From: from, To: to}
	classify(p, sessions, from, to, c.add)
	return c.finish()
}

// TermsBetween returns the school terms overlapping from..to, in order,
// for tallies per term.
func (c Calendar) TermsBetween(from, to Date) []Term { return c.termsBetween(from, to) }

// DueOf is how many sessions a count period covers: the parent's number,
// or else the expected sessions in its dates, and never fewer than the
// sessions it records.
func (cp CountPeriod) DueOf(sessions []Session) int {
	due := cp.Due
	if due == 0 {
		for _, s := range sessions {
			if !s.Date.Before(cp.From) && !s.Date.After(cp.To) {
				due++
			}
		}
	}
	return max(due, cp.Delivered+cp.Missed+cp.ChildAbsent+cp.PaidPrivately)
}
