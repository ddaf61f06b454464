package similar

import (
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

//go:generate go run ./gen

// Help is a kind of help that was missing, in a case or a decision. The
// therapy and support kinds are calc's provision types, so a case maps on
// directly.
type Help string

// Kinds of help.
const (
	HelpOT         Help = Help(calc.TypeOT)
	HelpSALT       Help = Help(calc.TypeSALT)
	HelpPhysio     Help = Help(calc.TypePhysio)
	HelpOneToOne   Help = Help(calc.TypeOneToOne)
	HelpTeaching   Help = Help(calc.TypeSpecialistTeaching)
	HelpTherapy    Help = Help(calc.TypeTherapy)
	HelpTuition    Help = Help(calc.TypeTuition)
	HelpEducation  Help = "education"   // a school place or suitable education at all
	HelpSocialCare Help = "social_care" // respite, short breaks, care support
	HelpTransport  Help = "transport"   // home to school transport
	HelpOther      Help = Help(calc.TypeOther)
)

// Helps lists every kind of help, in the order the list page offers them.
var Helps = []Help{HelpOT, HelpSALT, HelpPhysio, HelpTherapy, HelpOneToOne, HelpTeaching, HelpTuition,
	HelpEducation, HelpSocialCare, HelpTransport, HelpOther}

// Name is the kind of help in plain words, for lists and filters.
func (h Help) Name() string {
	switch h {
	case HelpOT:
		return "Occupational therapy"
	case HelpSALT:
		return "Speech and language therapy"
	case HelpPhysio:
		return "Physiotherapy"
	case HelpOneToOne:
		return "One-to-one support"
	case HelpTeaching:
		return "Specialist teaching"
	case HelpTherapy:
		return "Other therapy"
	case HelpTuition:
		return "Tuition"
	case HelpEducation:
		return "Education or a school place"
	case HelpSocialCare:
		return "Social care, respite or short breaks"
	case HelpTransport:
		return "Transport to school"
	}
	return "Other help"
}

// short is the kind of help inside a sentence ("weekly OT missed").
func (h Help) short() string {
	switch h {
	case HelpOT:
		return "OT"
	case HelpSALT:
		return "speech and language therapy"
	case HelpEducation:
		return "education"
	case HelpSocialCare:
		return "respite or social care"
	case HelpOther:
		return "help in the plan"
	}
	return strings.ToLower(h.Name())
}

func (h Help) therapy() bool {
	return h == HelpOT || h == HelpSALT || h == HelpPhysio || h == HelpTherapy
}

// Fault is a kind of thing that went wrong.
type Fault string

// Kinds of fault.
const (
	FaultHelpMissed    Fault = "help_missed"    // help in the plan not given
	FaultEducationLost Fault = "education_lost" // no suitable education
	FaultPlanLate      Fault = "plan_late"      // assessment or new plan late
	FaultReviewLate    Fault = "review_late"    // review, amended plan or Tribunal order late
	FaultComplaint     Fault = "complaint"      // complaint handled badly
)

// Faults lists every kind of fault, in the order the list page offers them.
var Faults = []Fault{FaultHelpMissed, FaultEducationLost, FaultPlanLate, FaultReviewLate, FaultComplaint}

// Name is the kind of fault in plain words.
func (f Fault) Name() string {
	switch f {
	case FaultHelpMissed:
		return "Help in the plan not given"
	case FaultEducationLost:
		return "No suitable education"
	case FaultPlanLate:
		return "Assessment or new plan late"
	case FaultReviewLate:
		return "Review or changed plan late"
	case FaultComplaint:
		return "Complaint handled badly"
	}
	return string(f)
}

// Item is one payment the Ombudsman recommended: the decision's own
// amount and what it was for, in the project's words (CategoryName).
type Item struct {
	Amount   decimal.Decimal
	Category string // as calc/decisions writes it: missed_provision, distress, ...
}

// CategoryName says what a payment was for.
func CategoryName(cat string) string {
	switch cat {
	case "missed_provision":
		return "for the help or education missed"
	case "distress":
		return "for distress"
	case "time_and_trouble":
		return "for time and trouble"
	case "distress_and_time_trouble":
		return "for distress, time and trouble"
	case "reimbursement":
		return "to pay back costs"
	case "delay_payment":
		return "for the delay"
	case "ongoing_per_month":
		return "each month until it is put right"
	}
	return "for other harm"
}

// Decision is one Ombudsman decision as the client carries it: who, when,
// where to read it, and the facts the nearness is worked out from. The
// facts are the decision set's (calc/data), put into the kinds above by
// the generator (gen/main.go); the summary is the project's own sentence.
type Decision struct {
	Ref     string    // "23 009 620"
	Council string    // "" when the decision does not name it
	Date    calc.Date // decision date; zero when not known
	URL     string    // the decision on the Ombudsman's site
	Plan    calc.PlanKind
	Help    []Help
	Faults  []Fault
	Months  int  // months the help or education was missing; 0 = not known
	Missed  int  // sessions missed; 0 = not known
	Weekly  bool // the missed help was weekly
	Delay   Fault
	Weeks   int  // how many weeks late the Delay step was; 0 = not known
	Handled bool // the complaint handling was at fault
	MadeUp  bool // some of the help was made up later
	Paid    bool // the parent paid for some help
	Offered bool // the council had already paid or offered something
	Year    int  // year the trouble began (or the decision year)
	Items   []Item
	Summary string // one sentence in the project's words
}

// Total is the sum of the items, leaving out payments that run monthly
// into the future.
func (d Decision) Total() decimal.Decimal {
	t := decimal.Zero
	for _, it := range d.Items {
		if it.Category != "ongoing_per_month" {
			t = t.Add(it.Amount)
		}
	}
	return t
}

// Has says whether the decision is about the kind of help h.
func (d Decision) Has(h Help) bool {
	for _, x := range d.Help {
		if x == h {
			return true
		}
	}
	return false
}

// HasFault says whether the decision found fault f.
func (d Decision) HasFault(f Fault) bool {
	for _, x := range d.Faults {
		if x == f {
			return true
		}
	}
	return false
}

// Decisions returns the whole set, ordered by reference. It is read once
// from the generated table; the slice is shared: do not change it.
func Decisions() []Decision { return loaded() }

var loaded = sync.OnceValue(func() []Decision {
	ds, err := parseTable(table)
	if err != nil {
		return nil // the table is checked by a test
	}
	return ds
})

// Table layout: one decision a line, fields separated by tabs, lists by
// commas, items as amount:category. See encodeTable.
const nFields = 19

func parseTable(s string) ([]Decision, error) {
	var out []Decision
	for n, line := range strings.Split(strings.TrimSpace(s), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != nFields {
			return nil, &tableError{n + 1, "has " + itoa(len(f)) + " fields"}
		}
		d := Decision{Ref: f[0], Council: f[1], URL: f[3], Plan: calc.PlanKind(f[4]), Delay: Fault(f[9]), Summary: f[18]}
		var err error
		if d.Date, err = calc.ParseDate(f[2]); err != nil {
			return nil, &tableError{n + 1, err.Error()}
		}
		for _, h := range list(f[5]) {
			d.Help = append(d.Help, Help(h))
		}
		for _, x := range list(f[6]) {
			d.Faults = append(d.Faults, Fault(x))
		}
		ints := []*int{&d.Months, &d.Missed, &d.Weeks, &d.Year}
		for i, k := range []int{7, 8, 10, 16} {
			if f[k] == "" {
				continue
			}
			if *ints[i], err = strconv.Atoi(f[k]); err != nil {
				return nil, &tableError{n + 1, err.Error()}
			}
		}
		bools := []*bool{&d.Weekly, &d.Handled, &d.MadeUp, &d.Paid, &d.Offered}
		for i, k := range []int{11, 12, 13, 14, 15} {
			*bools[i] = f[k] == "1"
		}
		for _, it := range list(f[17]) {
			amt, cat, _ := strings.Cut(it, ":")
			a, err := decimal.NewFromString(amt)
			if err != nil {
				return nil, &tableError{n + 1, err.Error()}
			}
			d.Items = append(d.Items, Item{Amount: a, Category: cat})
		}
		out = append(out, d)
	}
	return out, nil
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

type tableError struct {
	line int
	msg  string
}

func (e *tableError) Error() string {
	return "decision table line " + itoa(e.line) + ": " + e.msg
}

// EncodeTable writes decisions in the table layout parseTable reads; the
// generator uses it, and a test checks the round trip.
func EncodeTable(ds []Decision) string {
	var b strings.Builder
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return itoa(n)
	}
	flag := func(v bool) string {
		if v {
			return "1"
		}
		return ""
	}
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }
	for _, d := range ds {
		var help, faults, items []string
		for _, h := range d.Help {
			help = append(help, string(h))
		}
		for _, f := range d.Faults {
			faults = append(faults, string(f))
		}
		for _, it := range d.Items {
			items = append(items, it.Amount.String()+":"+it.Category)
		}
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.String()
		}
		f := []string{d.Ref, clean(d.Council), date, d.URL, string(d.Plan), strings.Join(help, ","), strings.Join(faults, ","),
			num(d.Months), num(d.Missed), string(d.Delay), num(d.Weeks), flag(d.Weekly), flag(d.Handled), flag(d.MadeUp),
			flag(d.Paid), flag(d.Offered), num(d.Year), strings.Join(items, ","), clean(d.Summary)}
		b.WriteString(strings.Join(f, "\t"))
		b.WriteByte('\n')
	}
	return b.String()
}

// itoa is strconv.Itoa kept out of line: inlined at each of the many
// calls it costs code in the wasm.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }
