package calc

import (
	"errors"
	"strconv"
	"time"
)

// Date is a civil date in England: a day, with no time of day and no time
// zone. A parent's "14 March" must never turn into the 13th because a
// browser runs in another zone, so calc never goes through time.Time for
// arithmetic. The zero value means "not known" and is written to JSON as
// an empty string or left out.
type Date struct {
	n int32 // days since 1970-01-01 plus dateBias; 0 means unknown
	// month marks a date the parent knows only to the month ("December
	// 2022"): n is the month's first day. Arithmetic on it gives exact
	// days; Earliest and Latest give the month's first and last day.
	month bool
}

// dateBias keeps every real date away from the zero value.
const dateBias = 1 << 20

// MinYear and MaxYear bound the dates calc accepts: far wider than any
// real case, narrow enough that arithmetic can never overflow.
const (
	MinYear = 1900
	MaxYear = 2199
)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// daysFromCivil returns the days since 1970-01-01 (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// NewDate returns the date y-m-d, or an error in plain words when no such
// day exists (31 February, month 13) or the year is out of range.
func NewDate(y, m, d int) (Date, error) {
	if y < MinYear || y > MaxYear {
		return Date{}, errors.New("the year must be between " + itoa(MinYear) + " and " + itoa(MaxYear))
	}
	if m < 1 || m > 12 {
		return Date{}, errors.New("there is no month " + itoa(m))
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, errors.New(monthNames[m-1] + " " + itoa(y) + " has no day " + itoa(d))
	}
	return Date{n: int32(daysFromCivil(y, m, d) + dateBias)}, nil
}

// MustDate is NewDate for constants in code and tests; it panics on an
// impossible date, so never call it with a parent's input.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func MustDate(y, m, d int) Date {
	dt, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// NewMonth returns a date known only to the month: "December 2022".
func NewMonth(y, m int) (Date, error) {
	d, err := NewDate(y, m, 1)
	if err != nil {
		return d, err
	}
	d.month = true
	return d, nil
}

// MonthOnly reports whether only the month of the date is known.
func (d Date) MonthOnly() bool { return d.month && !d.IsZero() }

// Earliest is the first day the date can be: the day itself, or the
// first day of a month-only date.
func (d Date) Earliest() Date { return Date{n: d.n} }

// Latest is the last day the date can be: the day itself, or the last
// day of a month-only date.
func (d Date) Latest() Date {
	if !d.MonthOnly() {
		return Date{n: d.n}
	}
	y, m, _ := d.YMD()
	return MustDate(y, m, DaysIn(y, m))
}

// ParseDate reads a date written YYYY-MM-DD (the case file format), or
// YYYY-MM for a date known only to the month. The empty string gives the
// zero Date ("not known") and no error.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	if len(s) == 7 && s[4] == '-' {
		y, err1 := strconv.Atoi(s[0:4])
		m, err2 := strconv.Atoi(s[5:7])
		if err1 != nil || err2 != nil || s[0] < '0' || s[0] > '9' || s[5] < '0' || s[5] > '9' {
			return Date{}, errors.New("write the date as YYYY-MM-DD, or YYYY-MM for a month, for example 2024-03-14")
		}
		return NewMonth(y, m)
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, errors.New("write the date as YYYY-MM-DD, for example 2024-03-14")
	}
	num := func(t string) (int, bool) {
		v := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(s[0:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, errors.New("write the date as YYYY-MM-DD, for example 2024-03-14")
	}
	return NewDate(y, m, d)
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.n == 0 }

// days returns days since 1970-01-01; only valid for a non-zero date.
func (d Date) days() int { return int(d.n) - dateBias }

func dateFromDays(n int) Date { return Date{n: int32(n + dateBias)} }

// YMD returns the year, month (1-12) and day. The zero Date gives 0, 0, 0.
func (d Date) YMD() (y, m, day int) {
	if d.IsZero() {
		return 0, 0, 0
	}
	return civilFromDays(d.days())
}

// Year returns the year, or 0 for the zero Date.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month 1-12, or 0 for the zero Date.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (d Date) Month() int { _, m, _ := d.YMD(); return m }

// Day returns the day of the month, or 0 for the zero Date.
func (d Date) Day() int { _, _, dd := d.YMD(); return dd }

// AddDays returns the date n days later (earlier when n < 0). The zero
// Date stays zero: adding to "unknown" gives "unknown".
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return dateFromDays(d.days() + n)
}

// AddMonths returns the same day n calendar months later, moved back to
// the month's last day when that day does not exist (31 January + 1 month
// = 28 or 29 February), which is how "within 12 months" and "2 months"
// limits are read.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	y, m, day := d.YMD()
	t := y*12 + (m - 1) + n
	y, m = t/12, t%12+1
	if day > DaysIn(y, m) {
		day = DaysIn(y, m)
	}
	return dateFromDays(daysFromCivil(y, m, day))
}

// Weekday returns the day of the week (Sunday for the zero Date).
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (d Date) Weekday() time.Weekday {
	if d.IsZero() {
		return time.Sunday
	}
	w := (d.days() + 4) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Equal reports whether d and e are the same day (a month-only date is
// its first day here).
func (d Date) Equal(e Date) bool { return d.n == e.n }

// Sub returns the number of days from e to d (d - e).
func (d Date) Sub(e Date) int { return int(d.n) - int(e.n) }

// String returns YYYY-MM-DD (YYYY-MM for a month-only date), or "" for
// the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10))
	if !d.month {
		b = append(b, '-', byte('0'+day/10), byte('0'+day%10))
	}
	return string(b)
}

// Long returns the date as written in a letter, "14 March 2027", or "" for
// the zero Date.
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	if d.month {
		return monthNames[m-1] + " " + itoa(y)
	}
	return itoa(day) + " " + monthNames[m-1] + " " + itoa(y)
}

// On is the date after a verb, as in "I complained on 5 March 2023": a
// date known only to its month reads "in March 2023".
func (d Date) On() string {
	if d.MonthOnly() {
		return "in " + d.Long()
	}
	return "on " + d.Long()
}

// MarshalJSON writes "YYYY-MM-DD", or "" for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" or "" (unknown).
func (d *Date) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return errors.New("a date must be written as a string \"YYYY-MM-DD\"")
	}
	v, err := ParseDate(string(b[1 : len(b)-1]))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// minDate and maxDate order dates where one may be unknown.
func minDate(a, b Date) Date {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

func maxDate(a, b Date) Date {
	if b.After(a) {
		return b
	}
	return a
}

// itoa is strconv.Itoa kept out of line: inlined at each of the many
// calls it costs code in the wasm.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }
