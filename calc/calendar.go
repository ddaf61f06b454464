package calc

import (
	_ "embed"
	"encoding/json"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
)

// Term is one school term: first and last day (INSET days included, as
// councils publish them) and its half-term break (first and last weekday
// pupils are off). A zero half term means none.
type Term struct {
	Name          string `json:"name"`
	Start         Date   `json:"start"`
	End           Date   `json:"end"`
	HalfTermStart Date   `json:"half_term_start,omitzero"`
	HalfTermEnd   Date   `json:"half_term_end,omitzero"`
}

// SchoolYear is the three terms of one school year, "2025-26".
type SchoolYear struct {
	Year      string `json:"year"`
	Terms     []Term `json:"terms"`
	InsetDays []Date `json:"inset_days,omitempty"`
	Source    string `json:"source,omitempty"`
}

// StartYear returns 2025 for "2025-26" (0 when the label is malformed).
func (y SchoolYear) StartYear() int {
	if len(y.Year) != 7 || y.Year[4] != '-' {
		return 0
	}
	n, err := strconv.Atoi(y.Year[:4])
	if err != nil {
		return 0
	}
	return n
}

// schoolYearLabel returns "2025-26" for 2025.
func schoolYearLabel(start int) string {
	s := itoa(start) + "-"
	e := (start + 1) % 100
	if e < 10 {
		s += "0"
	}
	return s + itoa(e)
}

// Calendar answers "is this a working day / a school day?" for England.
// Working days exclude weekends and England & Wales bank holidays (from
// github.com/rickar/cal/v2/gb, plus the one-off 19 September 2022 that the
// library lacks). School days are weekdays in term, outside half terms,
// bank holidays and INSET days. A Calendar is built once and never
// changed, so it can be shared; build a new one when the parent edits
// term dates.
type Calendar struct {
	first    int     // days since 1970 of flags[0]
	flags    []uint8 // one byte a day: flagWorking | flagSchool
	holidays map[Date]string
	years    []SchoolYear // sorted by start year, covering the table
}

const (
	flagWorking = 1 << iota
	flagSchool
)

// The table covers these calendar years; outside it days are worked out
// one by one (slower, and never school days).
const (
	calFirstYear = 1995
	calLastYear  = 2080
)

// stateFuneral2022 is the one-off bank holiday for the State Funeral of
// Queen Elizabeth II, missing from rickar/cal/v2 v2.1.13 (checked against
// GOV.UK's list in term-dates.json).
var stateFuneral2022 = &cal.Holiday{
	Name: "Bank holiday for the State Funeral of Queen Elizabeth II", Type: cal.ObservanceBank,
	Month: time.September, Day: 19, Func: cal.CalcDayOfMonth, StartYear: 2022, EndYear: 2022,
}

var bankHolidayRules = append(append([]*cal.Holiday{}, gb.Holidays...), stateFuneral2022)

// bankHolidaysIn returns England & Wales bank holidays (observed dates) in
// calendar year y.
func bankHolidaysIn(y int, into map[Date]string) {
	for _, h := range bankHolidayRules {
		_, obs := h.Calc(y)
		if obs.IsZero() {
			continue
		}
		d, err := NewDate(obs.Year(), int(obs.Month()), obs.Day())
		if err == nil {
			into[d] = h.Name
		}
	}
}

//go:embed data/term-dates.json
var termDatesJSON []byte

// Real term dates used by the default calendar: Hertfordshire 2022-23 to
// 2024-25 and Kent 2025-26 and 2026-27 (the complete records of
// term-dates.json; Kent is the suggested England pattern).
var defaultYearSources = map[string]string{
	"2022-23": "Hertfordshire County Council",
	"2023-24": "Hertfordshire County Council",
	"2024-25": "Hertfordshire County Council",
	"2025-26": "Kent County Council",
	"2026-27": "Kent County Council",
}

var knownYears = sync.OnceValue(func() map[int]SchoolYear {
	var file struct {
		Councils []struct {
			Council    string `json:"council"`
			SchoolYear string `json:"school_year"`
			Source     string `json:"source"`
			Terms      []struct {
				Name          string  `json:"name"`
				Start         *string `json:"start"`
				End           *string `json:"end"`
				HalfTermStart *string `json:"half_term_start"`
				HalfTermEnd   *string `json:"half_term_end"`
			} `json:"terms"`
		} `json:"councils"`
	}
	out := map[int]SchoolYear{}
	if err := json.Unmarshal(termDatesJSON, &file); err != nil {
		return out // the embedded file is tested; fall back to rules
	}
	for _, rec := range file.Councils {
		if defaultYearSources[rec.SchoolYear] != rec.Council {
			continue
		}
		sy := SchoolYear{Year: rec.SchoolYear, Source: rec.Council + " term dates (" + rec.Source + ")"}
		ok := len(rec.Terms) == 3
		for _, t := range rec.Terms {
			var tm Term
			tm.Name = t.Name
			for _, f := range []struct {
				s *string
				d *Date
			}{{t.Start, &tm.Start}, {t.End, &tm.End}, {t.HalfTermStart, &tm.HalfTermStart}, {t.HalfTermEnd, &tm.HalfTermEnd}} {
				if f.s == nil {
					ok = false
					continue
				}
				d, err := ParseDate(*f.s)
				if err != nil {
					ok = false
				}
				*f.d = d
			}
			sy.Terms = append(sy.Terms, tm)
		}
		if ok {
			out[sy.StartYear()] = sy
		}
	}
	return out
})

// firstWeekdayOnOrAfter returns d or the next Monday-Friday.
func firstWeekdayOnOrAfter(d Date) Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDays(1)
	}
	return d
}

func lastWeekdayOnOrBefore(d Date) Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDays(-1)
	}
	return d
}

// mondayBetween returns the Monday of month m, year y, falling on day lo..lo+6.
func mondayBetween(y, m, lo int) Date {
	d := MustDate(y, m, lo)
	for d.Weekday() != time.Monday {
		d = d.AddDays(1)
	}
	return d
}

// easterSunday returns Easter Sunday (anonymous Gregorian algorithm).
func easterSunday(y int) Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return MustDate(y, month, day)
}

// RuleSchoolYear returns the rule-based England pattern for the school
// year starting in September of year y, used where no real dates are
// known. Checked against Hertfordshire 2022-25 and Kent 2025-27: autumn
// from the first weekday on or after 1 September to the last weekday on
// or before 20 December, half term the week starting on the Monday of
// 22-28 October; spring from the first weekday on or after 4 January
// (a New Year substitute day is the 3rd at the latest), half term the week starting on the Monday of 13-19
// February, Easter break from Good Friday for two weeks; summer from the
// Monday after, half term the week of the spring bank holiday, to the last
// weekday on or before 21 July. Schools differ: parents can edit.
func RuleSchoolYear(y int) SchoolYear {
	autumn := Term{Name: "autumn",
		Start:         firstWeekdayOnOrAfter(MustDate(y, 9, 1)),
		End:           lastWeekdayOnOrBefore(MustDate(y, 12, 20)),
		HalfTermStart: mondayBetween(y, 10, 22)}
	autumn.HalfTermEnd = autumn.HalfTermStart.AddDays(4)

	springStart := firstWeekdayOnOrAfter(MustDate(y+1, 1, 4))
	goodFriday := easterSunday(y + 1).AddDays(-2)
	spring := Term{Name: "spring", Start: springStart, End: goodFriday.AddDays(-1),
		HalfTermStart: mondayBetween(y+1, 2, 13)}
	spring.HalfTermEnd = spring.HalfTermStart.AddDays(4)
	// Good Friday can fall as early as 20 March, so spring still ends after half term.

	summerStart := goodFriday.AddDays(17) // the Monday two weeks after Easter Monday's week
	spb := MustDate(y+1, 5, 31)
	for spb.Weekday() != time.Monday {
		spb = spb.AddDays(-1)
	}
	summer := Term{Name: "summer", Start: summerStart, End: lastWeekdayOnOrBefore(MustDate(y+1, 7, 21)),
		HalfTermStart: spb, HalfTermEnd: spb.AddDays(4)}
	return SchoolYear{Year: schoolYearLabel(y), Terms: []Term{autumn, spring, summer},
		Source: "rule-based England pattern (calc.RuleSchoolYear); check your school's dates"}
}

// DefaultSchoolYear returns the real dates the app ships for that year
// (Hertfordshire 2022-23 to 2024-25, Kent 2025-26 and 2026-27), or the rule
// pattern for other years.
func DefaultSchoolYear(y int) SchoolYear {
	if sy, ok := knownYears()[y]; ok {
		return sy
	}
	return RuleSchoolYear(y)
}

var defaultCalendar = sync.OnceValue(func() Calendar { return NewCalendar(nil, nil) })

// DefaultCalendar returns the England calendar with the default term
// dates (see DefaultSchoolYear) and no extra INSET days.
func DefaultCalendar() Calendar { return defaultCalendar() }

// CalendarFor returns the calendar for a case: the defaults with the
// parent's own term dates and INSET days.
func CalendarFor(c Case) Calendar {
	if len(c.Calendar.SchoolYears) == 0 && len(c.Calendar.InsetDays) == 0 {
		return DefaultCalendar()
	}
	return NewCalendar(c.Calendar.SchoolYears, c.Calendar.InsetDays)
}

// NewCalendar builds a calendar from the default term dates, replacing
// any school year given in years (matched by its "2025-26" label), and
// removing the extra INSET days from school days.
func NewCalendar(years []SchoolYear, inset []Date) Calendar {
	first := daysFromCivil(calFirstYear, 1, 1)
	last := daysFromCivil(calLastYear, 12, 31)
	c := Calendar{first: first, flags: make([]uint8, last-first+1), holidays: map[Date]string{}}
	for y := calFirstYear; y <= calLastYear; y++ {
		bankHolidaysIn(y, c.holidays)
	}
	for i := range c.flags {
		d := dateFromDays(first + i)
		wd := d.Weekday()
		if wd != time.Saturday && wd != time.Sunday {
			if _, hol := c.holidays[d]; !hol {
				c.flags[i] = flagWorking
			}
		}
	}
	override := map[int]SchoolYear{}
	for _, sy := range years {
		if s := sy.StartYear(); s != 0 {
			override[s] = sy
		}
	}
	for y := calFirstYear - 1; y <= calLastYear; y++ {
		sy, ok := override[y]
		if !ok {
			sy = DefaultSchoolYear(y)
		}
		c.years = append(c.years, sy)
		for _, t := range sy.Terms {
			if t.Start.IsZero() || t.End.IsZero() {
				continue
			}
			for d := t.Start; !d.After(t.End); d = d.AddDays(1) {
				if !t.HalfTermStart.IsZero() && !d.Before(t.HalfTermStart) && !d.After(t.HalfTermEnd) {
					continue
				}
				if i := d.days() - first; i >= 0 && i < len(c.flags) && c.flags[i]&flagWorking != 0 {
					c.flags[i] |= flagSchool
				}
			}
		}
		for _, d := range sy.InsetDays {
			c.clearSchool(d)
		}
	}
	for _, d := range inset {
		c.clearSchool(d)
	}
	return c
}

func (c *Calendar) clearSchool(d Date) {
	if i := d.days() - c.first; !d.IsZero() && i >= 0 && i < len(c.flags) {
		c.flags[i] &^= flagSchool
	}
}

// dayFlags returns the flags of d, working them out when d is outside the
// table (or the Calendar is the zero value).
func (c Calendar) dayFlags(d Date) uint8 {
	if d.IsZero() {
		return 0
	}
	if i := d.days() - c.first; c.flags != nil && i >= 0 && i < len(c.flags) {
		return c.flags[i]
	}
	wd := d.Weekday()
	if wd == time.Saturday || wd == time.Sunday {
		return 0
	}
	hols := map[Date]string{}
	bankHolidaysIn(d.Year(), hols)
	if _, ok := hols[d]; ok {
		return 0
	}
	return flagWorking
}

// IsWorkingDay reports whether d is a Monday-Friday that is not an England
// & Wales bank holiday.
func (c Calendar) IsWorkingDay(d Date) bool { return c.dayFlags(d)&flagWorking != 0 }

// IsSchoolDay reports whether pupils are in school on d (term time, not
// half term, bank holiday, weekend or INSET day).
func (c Calendar) IsSchoolDay(d Date) bool { return c.dayFlags(d)&flagSchool != 0 }

// BankHoliday returns the bank holiday's name and true when d is one.
func (c Calendar) BankHoliday(d Date) (string, bool) {
	if c.holidays != nil && d.Year() >= calFirstYear && d.Year() <= calLastYear {
		n, ok := c.holidays[d]
		return n, ok
	}
	hols := map[Date]string{}
	bankHolidaysIn(d.Year(), hols)
	n, ok := hols[d]
	return n, ok
}

// BankHolidays returns the bank holidays from..to inclusive, in order.
func (c Calendar) BankHolidays(from, to Date) []Date {
	var out []Date
	for y := from.Year(); y <= to.Year(); y++ {
		hols := map[Date]string{}
		bankHolidaysIn(y, hols)
		for d := range hols {
			if !d.Before(from) && !d.After(to) {
				out = append(out, d)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// AddWorkingDays returns the date n working days after d (the day itself
// not counted): "answer within 20 working days" of a complaint sent on d
// is due on AddWorkingDays(d, 20).
func (c Calendar) AddWorkingDays(d Date, n int) Date {
	if d.IsZero() {
		return d
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after a up to and including
// b; it is negative when b is before a and 0 when they are equal. So a
// reply due on a and sent on b is WorkingDaysBetween(a, b) working days late.
func (c Calendar) WorkingDaysBetween(a, b Date) int {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	if b.Before(a) {
		return -c.WorkingDaysBetween(b, a)
	}
	n := 0
	for d := a.AddDays(1); !d.After(b); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// SchoolDaysBetween counts school days from a to b, both included.
func (c Calendar) SchoolDaysBetween(a, b Date) int {
	n := 0
	for d := a; !d.After(b); d = d.AddDays(1) {
		if c.IsSchoolDay(d) {
			n++
		}
	}
	return n
}

// SchoolYears returns the school years the calendar uses, oldest first.
func (c Calendar) SchoolYears() []SchoolYear { return c.years }

// SchoolYearOf returns the school year that d falls in (1 September to 31
// August).
func (c Calendar) SchoolYearOf(d Date) SchoolYear {
	y := d.Year()
	if d.Month() < 9 {
		y--
	}
	for _, sy := range c.years {
		if sy.StartYear() == y {
			return sy
		}
	}
	return DefaultSchoolYear(y)
}

// weekendInTerm reports whether the weekend of d (a Saturday or Sunday)
// falls between two weeks of term: its Friday and its Monday are both
// inside one term and outside half term. Bank holidays and INSET days do
// not count, since the weekend itself is still in term.
func (c Calendar) weekendInTerm(d Date) bool {
	fri := d.AddDays(-((int(d.Weekday()) + 2) % 7))
	mon := fri.AddDays(3)
	for _, t := range c.termsBetween(fri, mon) {
		in := func(x Date) bool {
			return !x.Before(t.Start) && !x.After(t.End) &&
				(t.HalfTermStart.IsZero() || x.Before(t.HalfTermStart) || x.After(t.HalfTermEnd))
		}
		if in(fri) && in(mon) {
			return true
		}
	}
	return false
}

// termsBetween returns the terms overlapping from..to, in order.
func (c Calendar) termsBetween(from, to Date) []Term {
	var out []Term
	for y := from.Year() - 1; y <= to.Year(); y++ {
		sy := c.SchoolYearOf(MustDate(y, 9, 1))
		for _, t := range sy.Terms {
			if t.Start.IsZero() || t.End.IsZero() || t.End.Before(from) || t.Start.After(to) {
				continue
			}
			out = append(out, t)
		}
	}
	return out
}
