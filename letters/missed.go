package letters

import "provisiontracker/calc"

// Missed is one entry of the dated list of missed sessions, as the letters
// show it: a missed or paid-for session, a run of sessions missed while the
// provision was not in place, or a count-only period with missed sessions.
type Missed struct {
	ProvisionID string `json:"provision_id"`
	When        string `json:"when"`   // "27 February 2023", or "… to …" for a run or a period
	What        string `json:"what"`   // "missed", "missed, made up on …", "3 sessions missed"
	Reason      string `json:"reason"` // plain words, or ""
}

// MissedSessions returns the dated list of missed sessions of one
// provision up to today, exactly as the letters list them.
func MissedSessions(c calc.Case, p calc.Provision, today calc.Date) []Missed {
	var pl *calc.Plan
	for i := range c.Plans {
		for j := range c.Plans[i].Provisions {
			if c.Plans[i].Provisions[j].ID == p.ID {
				pl = &c.Plans[i]
			}
		}
	}
	if pl == nil {
		pl = &calc.Plan{}
	}
	f := provisionFacts(pl, &p, calc.CalendarFor(c), today)
	var out []Missed
	for _, e := range f.missedEntries() {
		out = append(out, Missed{ProvisionID: p.ID, When: e[0], What: e[1], Reason: e[2]})
	}
	return out
}
