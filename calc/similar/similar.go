// Package similar finds the real Ombudsman decisions nearest to a case:
// "decisions like yours". It carries the decision set in a compact table
// (table_gen.go, written by gen/main.go from calc/data) so it works
// offline in the browser, and it is pure and deterministic: the same case
// on the same day always gives the same decisions in the same order.
//
// # The method
//
// The case and each decision are put into the same few facts (a Profile):
// the kind of plan; the kinds of help missing (OT, speech and language
// therapy, one-to-one support, education, respite, transport...); the
// kinds of fault (help not given, no suitable education, a new plan late,
// a review or changed plan late, the complaint handled badly); how many
// months the help was missing and how many sessions; whether it was weekly;
// the longest delay of a plan step, in weeks; whether any help was made up
// later or paid for by the parent; the council; and the year it began.
//
// Each decision scores points for what it shares with the case (see the
// weights in score): the same plan kind, each kind of help in common (a
// different therapy counts a little), each kind of fault in common, a
// similar length of time (within half as much again), a similar delay of
// the same step, made-up or parent-paid help, the same council, and a
// start within two years. Kinds the decision has and the case does not
// cost a point each, so a decision about exactly this trouble comes before
// one about many things. A care-plan case and an EHC-plan decision (or
// the other way round) lose points, because the duties differ.
//
// The nearest are the highest scores, ties broken by the newer decision
// and then the reference; at most MaxResults, each at least MinScore and
// sharing a kind of help or fault with the case. Every point that counts
// comes with a reason in plain words ("also weekly OT missed for about a
// term"). A case with too little entered (no plan kind, or nothing missed
// and nothing late) gets Hints saying what to add instead of matches.
package similar

import (
	"sort"
	"strings"

	"provisiontracker/calc"
)

// MaxResults is the most decisions Nearest returns; MinScore is the
// fewest points a decision needs to be shown at all.
const (
	MaxResults = 5
	MinScore   = 8
)

// Profile is what nearness is worked out from, for a case or a decision.
type Profile struct {
	Plans   []calc.PlanKind
	Help    []Help
	Faults  []Fault
	Months  int
	Missed  int
	Weekly  bool
	Delay   Fault // the step with the longest delay: FaultPlanLate or FaultReviewLate
	Weeks   int
	MadeUp  bool
	Paid    bool
	Council string // council name
	Year    int
}

// Match is one decision near the case, with its score and the reasons.
type Match struct {
	Decision Decision
	Score    int
	Why      []string // "also weekly OT missed for about a term"
}

// Result is what Nearest found: the matches, or hints when the case has
// too little in it to match fairly.
type Result struct {
	Matches []Match
	Hints   []string // what to add to the record; set only when Matches is empty
}

// Nearest returns the decisions nearest to case c on today (the date that
// decides what is overdue), from the decisions of the set made by then
// (or of unknown date).
func Nearest(c calc.Case, today calc.Date) Result {
	all := Decisions()
	ds := make([]Decision, 0, len(all))
	for _, d := range all {
		if !d.Date.After(today) {
			ds = append(ds, d)
		}
	}
	return NearestIn(ds, ProfileOf(c, today))
}

// NearestIn ranks ds against the profile p.
func NearestIn(ds []Decision, p Profile) Result {
	if h := hints(p); len(h) > 0 {
		return Result{Hints: h}
	}
	var ms []Match
	for _, d := range ds {
		m := score(p, d)
		if m.Score >= MinScore && m.shared {
			ms = append(ms, m.Match)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if !a.Decision.Date.Equal(b.Decision.Date) {
			return a.Decision.Date.After(b.Decision.Date)
		}
		return a.Decision.Ref < b.Decision.Ref
	})
	if len(ms) > MaxResults {
		ms = ms[:MaxResults]
	}
	if len(ms) == 0 {
		return Result{Hints: []string{"No decision in the set is close enough to your case to be a fair comparison. " +
			"Check that the help, the missed sessions and the plan dates are all recorded."}}
	}
	return Result{Matches: ms}
}

// hints says what to add when the profile has too little to match on.
func hints(p Profile) []string {
	var out []string
	if len(p.Plans) == 0 {
		out = append(out, "Say what kind of plan your child has.")
	}
	if len(p.Help) == 0 && p.Weeks == 0 && !hasFault(p.Faults, FaultPlanLate) && !hasFault(p.Faults, FaultReviewLate) {
		out = append(out,
			"Add the help in the plan and record which sessions were missed, or how many.",
			"Or add the dates of the plan's steps (the request for assessment, the review meeting), so any delay can be found.")
	}
	return out
}

type scored struct {
	Match
	shared bool // a kind of help or fault in common
}

// Weights of score, in points.
const (
	wPlan        = 6  // same plan kind
	wPlanWrong   = -6 // care plan against a non-care plan
	wHelp        = 8  // each kind of help in common
	wTherapy     = 3  // a different therapy
	wExtra       = -1 // each kind of help or fault the case does not have
	wFault       = 4  // each kind of fault in common (help missed: 2)
	wTimeSame    = 6  // months within one of each other
	wTimeClose   = 5  // months within half as much again
	wTimeNear    = 3  // months within twice
	wTimeFar     = 1  // months within three times
	wWeekly      = 2
	wSessions    = 3 // sessions within half as much again (1 within twice)
	wDelayClose  = 4 // same step late, weeks within half as much again
	wDelayNear   = 2 // ... within twice
	wDelaySame   = 1 // ... late by a quite different time
	wMadeUp      = 2
	wPaid        = 2
	wCouncil     = 2
	wYear        = 2 // began the same year (1 the year before or after)
	closeNum     = 3 // "within half as much again": larger*2 <= smaller*3
	nearNum      = 4 // "within twice": larger*2 <= smaller*4
	farNum       = 6 // "within three times"
	ratioDivisor = 2
)

// within says whether a and b (both above zero) are within num/2 times
// each other.
func within(a, b, num int) bool {
	lo, hi := min(a, b), max(a, b)
	return hi*ratioDivisor <= lo*num
}

func score(p Profile, d Decision) scored {
	var s scored
	s.Decision = d
	add := func(pts int, why string) {
		s.Score += pts
		if why != "" {
			s.Why = append(s.Why, why)
		}
	}
	plan := false
	for _, k := range p.Plans {
		if k == d.Plan {
			plan = true
		}
	}
	care := func(k calc.PlanKind) bool { return k == calc.PlanCarePlan }
	switch {
	case plan:
		add(wPlan, "also "+planWords(d.Plan))
	case care(d.Plan) != hasPlan(p.Plans, calc.PlanCarePlan):
		add(wPlanWrong, "")
	}
	// Help in common: the first gets the fullest reason.
	first, partial := true, false
	for _, h := range p.Help {
		switch {
		case d.Has(h):
			s.shared = true
			why := "also " + h.short() + " missed"
			if h == HelpEducation {
				why = "also without suitable education"
			}
			if first {
				why = helpReason(p, d, h)
				first = false
			}
			add(wHelp, why)
		case h.therapy() && anyTherapy(d.Help):
			partial = true
			add(wTherapy, "also a therapy missed ("+therapyNames(d.Help)+")")
		}
	}
	for _, h := range d.Help {
		if !hasHelp(p.Help, h) {
			add(wExtra, "")
		}
	}
	for _, f := range p.Faults {
		if !d.HasFault(f) {
			continue
		}
		s.shared = true
		switch f {
		case FaultHelpMissed:
			add(wFault/2, "")
		case FaultEducationLost:
			add(wFault, "") // said with the help in common
		case FaultComplaint:
			add(wFault, "also a complaint the council handled badly")
		default:
			add(wFault, "")
		}
	}
	for _, f := range d.Faults {
		if !hasFault(p.Faults, f) {
			add(wExtra, "")
		}
	}
	if p.Months > 0 && d.Months > 0 && (!first || partial) {
		pts := timePoints(p.Months, d.Months)
		if first {
			pts /= 2 // only a different therapy in common
		}
		add(pts, "")
	}
	if p.Weekly && d.Weekly && !first {
		add(wWeekly, "")
	}
	if p.Missed > 0 && d.Missed > 0 {
		switch {
		case within(p.Missed, d.Missed, closeNum):
			add(wSessions, "also about "+itoa(d.Missed)+" sessions missed")
		case within(p.Missed, d.Missed, nearNum):
			add(wSessions/2, "")
		}
	}
	if p.Delay != "" && p.Delay == d.Delay {
		why := "also " + delayWords(d.Delay)
		if d.Weeks > 0 {
			why += " " + itoa(d.Weeks) + " weeks late"
		} else {
			why += " late"
		}
		switch {
		case p.Weeks > 0 && d.Weeks > 0 && within(p.Weeks, d.Weeks, closeNum):
			add(wDelayClose, why)
		case p.Weeks > 0 && d.Weeks > 0 && within(p.Weeks, d.Weeks, nearNum):
			add(wDelayNear, why)
		default:
			add(wDelaySame, why)
		}
	}
	if p.MadeUp && d.MadeUp {
		add(wMadeUp, "also some help made up later")
	}
	if p.Paid && d.Paid {
		add(wPaid, "also a parent who paid for help")
	}
	if p.Council != "" && d.Council != "" && councilKey(p.Council) == councilKey(d.Council) {
		add(wCouncil, "also "+d.Council)
	}
	if p.Year > 0 && d.Year > 0 {
		switch p.Year - d.Year {
		case 0:
			add(wYear, "")
		case -1, 1:
			add(wYear/2, "")
		}
	}
	return s
}

// timePoints scores two lengths of time, in months.
func timePoints(a, b int) int {
	switch {
	case within(a, b, closeNum) && a-b <= 1 && b-a <= 1:
		return wTimeSame
	case within(a, b, closeNum):
		return wTimeClose
	case within(a, b, nearNum):
		return wTimeNear
	case within(a, b, farNum):
		return wTimeFar
	}
	return 0
}

// helpReason is the fullest reason for a kind of help in common: "also
// weekly OT missed for about a term".
func helpReason(p Profile, d Decision, h Help) string {
	w := "also "
	if p.Weekly && d.Weekly {
		w += "weekly "
	}
	w += h.short() + " missed"
	if h == HelpEducation {
		w = "also without suitable education"
	}
	if p.Months > 0 && d.Months > 0 && within(p.Months, d.Months, nearNum) {
		w += " for " + monthWords(d.Months)
	}
	return w
}

func monthWords(m int) string {
	switch {
	case m <= 1:
		return "about a month"
	case m == 3 || m == 4:
		return "about a term"
	case m >= 10 && m <= 13:
		return "about a year"
	case m >= 18 && m <= 30 && m%12 == 0:
		return "about " + itoa(m/12) + " years"
	}
	return "about " + itoa(m) + " months"
}

func planWords(k calc.PlanKind) string {
	switch k {
	case calc.PlanEHC:
		return "an EHC plan"
	case calc.PlanCarePlan:
		return "a social-care care plan"
	}
	return "another kind of plan"
}

func delayWords(f Fault) string {
	if f == FaultPlanLate {
		return "a new plan"
	}
	return "a changed plan"
}

func anyTherapy(hs []Help) bool {
	for _, h := range hs {
		if h.therapy() {
			return true
		}
	}
	return false
}

func therapyNames(hs []Help) string {
	var n []string
	for _, h := range hs {
		if h.therapy() {
			n = append(n, h.short())
		}
	}
	return strings.Join(n, " and ")
}

func hasHelp(hs []Help, h Help) bool {
	for _, x := range hs {
		if x == h {
			return true
		}
	}
	return false
}

func hasFault(fs []Fault, f Fault) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

func hasPlan(ks []calc.PlanKind, k calc.PlanKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// councilKey reduces a council's name to the place: "Hertfordshire
// County Council" and "Hertfordshire" are the same council.
func councilKey(name string) string {
	var keep []string
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(name, "&", "and"))) {
		switch w {
		case "council", "county", "borough", "city", "metropolitan", "district", "london", "of", "the", "royal", "corporation":
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}
