package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// CSVHeader is the header row of SessionLogCSV.
var CSVHeader = []string{"provision", "section", "date", "to_date", "status", "reason", "made_up_for",
	"private_cost", "due", "delivered", "missed", "made_up", "child_absent", "paid_privately", "not_recorded", "note", "provision_id"}

// SessionLogCSV writes the session log of every provision up to today as
// CSV (RFC 4180, written as encoding/csv writes it): one row per entry of calc's session log
// (calc.ProvisionLog): each expected session, made-up session and recorded
// session the schedule did not expect; each stretch when the provision was
// not in place (status "not in place", with date and to_date and the
// number of sessions the plan set for it, never invented session dates);
// and each count-only period (status "count only", with date and to_date).
// The provision column is its name in the letters; provision_id is the
// case file's stable ID, for joining tables. Dates
// are YYYY-MM-DD; private_cost has two decimals and no £ sign. The count
// columns hold what calc.Tally adds for the row (1 or 0 for a dated row, the
// period's numbers for a count-only period), so each column's sum for a
// provision equals Tally from the start to today. A cell starting with = + -
// or @ gets a leading single quote, so a spreadsheet does not run it as a
// formula.
func SessionLogCSV(c calc.Case, today calc.Date) ([]byte, error) {
	var buf []byte
	buf = appendCSVRecord(buf, CSVHeader)
	cal := calc.CalendarFor(c)
	for i := range c.Plans {
		for j := range c.Plans[i].Provisions {
			p := &c.Plans[i].Provisions[j]
			name := ProvisionName(c, *p)
			for _, e := range calc.ProvisionLog(*p, cal, calc.Date{}, today).Entries {
				cost := e.Cost
				if cost.IsZero() {
					cost = decimal.Zero
				}
				rec := []string{name, string(p.Section), e.Date.String(), e.To.String(), statusText(e), entryReason(e),
					e.Replaces.Date.String(), calc.RoundMoney(cost).StringFixed(2),
					itoa(e.Due), itoa(e.Delivered), itoa(e.Missed), itoa(e.MadeUp),
					itoa(e.ChildAbsent), itoa(e.PaidPrivately), itoa(e.Unrecorded), flat(e.Note), p.ID}
				for k := range rec {
					rec[k] = SafeCell(rec[k])
				}
				buf = appendCSVRecord(buf, rec)
			}
		}
	}
	return buf, nil
}

// appendCSVRecord appends one CSV record as encoding/csv's Writer writes
// it (comma, "\n" line ends, a field quoted when it holds a comma, quote or
// line break, starts with a space or is \.). Written by hand so that the
// wasm carries neither encoding/csv nor bufio; a test checks it against
// encoding/csv.
func appendCSVRecord(b []byte, rec []string) []byte {
	for i, f := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		if !csvNeedsQuotes(f) {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		b = append(b, strings.ReplaceAll(f, `"`, `""`)...)
		b = append(b, '"')
	}
	return append(b, '\n')
}

// csvNeedsQuotes is encoding/csv's rule for when a field needs quotes.
func csvNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` || strings.ContainsAny(f, "\n\r\",") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}

// SafeCell guards a CSV cell against spreadsheet formula injection: a cell
// starting with = + - or @ (or a tab or carriage return, which some
// spreadsheets skip before reading a formula) gets a leading single quote.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
