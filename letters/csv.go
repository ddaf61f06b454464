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
	"private_cost", "due", "delivered", "missed", "made_up", "child_absent", "paid_privately", "not_recorded", "note", "provision_id"}

// SessionLogCSV writes the session log of every provision up to today as
// CSV (RFC 4180, by encoding/csv): one row per entry of calc's session log
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
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
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
					strconv.Itoa(e.Due), strconv.Itoa(e.Delivered), strconv.Itoa(e.Missed), strconv.Itoa(e.MadeUp),
					strconv.Itoa(e.ChildAbsent), strconv.Itoa(e.PaidPrivately), strconv.Itoa(e.Unrecorded), flat(e.Note), p.ID}
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
