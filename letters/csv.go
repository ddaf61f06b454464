package letters

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// CSVHeader is the header row of SessionLogCSV.
var CSVHeader = []string{"provision", "section", "date", "to_date", "status", "reason", "made_up_for",
	"private_cost", "due", "delivered", "missed", "made_up", "child_absent", "paid_privately", "note"}

// SessionLogCSV writes the session log of every provision up to today as
// CSV (RFC 4180, by encoding/csv): one row per expected session, per
// made-up session, per recorded session the schedule did not expect, and
// per count-only period (status "count only", with date and to_date). Dates
// are YYYY-MM-DD; private_cost has two decimals and no £ sign. The count
// columns hold what calc.Tally adds for the row (1 or 0 for a dated row, the
// period's numbers for a count-only period), so each column's sum for a
// provision equals Tally from the start to today. A cell starting with = + -
// or @ gets a leading single quote, so a spreadsheet does not run it as a
// formula.
func SessionLogCSV(c calc.Case, today calc.Date) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	cal := calc.CalendarFor(c)
	for i := range c.Plans {
		for j := range c.Plans[i].Provisions {
			p := &c.Plans[i].Provisions[j]
			name := calc.TypeName(p.Type)
			if p.ID != "" {
				name += " (" + p.ID + ")"
			}
			for _, r := range provisionRows(*p, cal, today) {
				cost := r.Cost
				if cost.IsZero() {
					cost = decimal.Zero
				}
				rec := []string{name, string(p.Section), r.Date.String(), r.To.String(), r.Status, r.Reason,
					r.MadeUpFor.String(), calc.RoundMoney(cost).StringFixed(2),
					strconv.Itoa(r.Due), strconv.Itoa(r.Delivered), strconv.Itoa(r.Missed), strconv.Itoa(r.MadeUp),
					strconv.Itoa(r.ChildAbsent), strconv.Itoa(r.Paid), flat(r.Note)}
				for k := range rec {
					rec[k] = SafeCell(rec[k])
				}
				if err := w.Write(rec); err != nil {
					return nil, err
				}
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
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
