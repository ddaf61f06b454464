package calc

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// twoPlans is a final plan of 1 September 2022 with weekly speech and
// language therapy from 6 February 2023 (two sessions missed), and an
// amended plan of 24 May 2023 after a phase transfer.
func twoPlans() Case {
	salt := Provision{ID: "provision-1", Section: SectionF, Type: TypeSALT, Wording: "Weekly SALT",
		Frequency: Frequency{1, UnitSessions, PerWeek}, Weeks: TermTime, Weekdays: []string{"monday"},
		Start: MustDate(2023, 2, 6), Provider: "NHS trust",
		Outcomes: []Outcome{
			{Date: MustDate(2023, 2, 6), Status: StatusMissed, Reason: ReasonNoTherapist},
			{Date: MustDate(2023, 2, 27), Status: StatusMissed},
		}}
	ot := Provision{ID: "provision-2", Section: SectionF, Type: TypeOT, Frequency: Frequency{1, UnitSessions, PerMonth},
		Weeks: TermTime, Start: MustDate(2022, 9, 1)}
	return Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{
		{ID: "plan-1", Kind: PlanEHC, Issued: MustDate(2022, 9, 1), Provisions: []Provision{salt, ot}},
	}}
}

func TestPlanInForce(t *testing.T) {
	c := twoPlans()
	c.Plans = append(c.Plans,
		Plan{ID: "plan-2", Kind: PlanEHC, Issued: MustDate(2023, 5, 24)},
		Plan{ID: "care", Kind: PlanCarePlan, Issued: MustDate(2023, 1, 10), Ended: MustDate(2023, 12, 31)},
		Plan{ID: "plan-3", Kind: PlanEHC, Issued: NewMonthMust(2024, 9)})
	for _, tc := range []struct {
		kind PlanKind
		on   Date
		want string
	}{
		{PlanEHC, MustDate(2022, 8, 31), ""},
		{PlanEHC, MustDate(2022, 9, 1), "plan-1"},
		{PlanEHC, MustDate(2023, 2, 6), "plan-1"},
		{PlanEHC, MustDate(2023, 5, 23), "plan-1"},
		{PlanEHC, MustDate(2023, 5, 24), "plan-2"},
		{PlanEHC, MustDate(2024, 8, 31), "plan-2"},
		{PlanEHC, MustDate(2024, 9, 1), "plan-3"}, // a month-only date counts from the 1st
		{PlanEHC, MustDate(2030, 1, 1), "plan-3"},
		{PlanCarePlan, MustDate(2023, 2, 6), "care"}, // another kind runs alongside
		{PlanCarePlan, MustDate(2024, 1, 1), ""},     // the care plan ended
		{PlanOther, MustDate(2023, 2, 6), ""},
	} {
		got := ""
		if i := PlanInForce(c, tc.kind, tc.on); i >= 0 {
			got = c.Plans[i].ID
		}
		if got != tc.want {
			t.Errorf("%s plan in force on %s = %q, want %q", tc.kind, tc.on, got, tc.want)
		}
	}
	pp := PlanPeriods(c)
	if pp[0].To != MustDate(2023, 5, 23) || pp[1].To != MustDate(2024, 8, 31) || !pp[3].To.IsZero() {
		t.Errorf("periods = %+v", pp)
	}
}

func NewMonthMust(y, m int) Date {
	d, err := NewMonth(y, m)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCarryForward(t *testing.T) {
	c := twoPlans()
	before, _ := json.Marshal(c.Plans[0].Provisions[0].Outcomes)
	newer := Plan{Kind: PlanEHC, Title: "amended plan", Issued: MustDate(2023, 5, 24)}
	for _, tc := range []struct {
		name  string
		carry []string
		from  Date
		want  string // a problem's path, or "" for none
	}{
		{"from the plan's date", []string{"provision-1"}, Date{}, ""},
		{"from a later day", []string{"provision-1", "provision-2"}, MustDate(2023, 6, 5), ""},
		{"nothing carried", nil, Date{}, ""},
		{"from before the plan", []string{"provision-1"}, MustDate(2023, 5, 1), "from"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := CarryForward(c, "plan-1", newer, tc.carry, tc.from)
			if tc.want != "" {
				if len(problems) == 0 || problems[0].Path != tc.want {
					t.Fatalf("problems %v, want one about %s", problems, tc.want)
				}
				if len(got.Plans) != 1 {
					t.Error("a refused carry forward changed the case")
				}
				return
			}
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if len(got.Plans) != 2 || got.Plans[1].ID != "plan-2" {
				t.Fatalf("plans = %+v", got.Plans)
			}
			old, nw := got.Plans[0], got.Plans[1]
			if old.Ended != MustDate(2023, 5, 23) {
				t.Errorf("older plan ended %s, want the day before the newer plan", old.Ended)
			}
			for _, pr := range old.Provisions {
				if pr.End != MustDate(2023, 5, 23) {
					t.Errorf("%s in the older plan ends %s, want 23 May 2023", pr.ID, pr.End)
				}
			}
			after, _ := json.Marshal(old.Provisions[0].Outcomes)
			if string(after) != string(before) || c.Plans[0].Provisions[0].End != (Date{}) || c.Plans[0].Ended != (Date{}) {
				t.Error("the older plan's records changed, or the case passed in was changed")
			}
			if len(nw.Provisions) != len(tc.carry) {
				t.Fatalf("carried %d, want %d", len(nw.Provisions), len(tc.carry))
			}
			from := tc.from
			if from.IsZero() {
				from = newer.Issued
			}
			seen := map[string]bool{"provision-1": true, "provision-2": true}
			for i, pr := range nw.Provisions {
				if seen[pr.ID] {
					t.Errorf("carried provision %d has id %q, already used", i, pr.ID)
				}
				seen[pr.ID] = true
				if pr.Start != from || len(pr.Outcomes) > 0 || pr.Type != old.Provisions[i].Type || pr.Wording != old.Provisions[i].Wording {
					t.Errorf("carried %+v", pr)
				}
			}
			// Both periods count: the older plan's missed sessions stay
			// with its provision, the carried one starts with nothing.
			cal := DefaultCalendar()
			today := MustDate(2023, 7, 1)
			if n := Tally(old.Provisions[0], Schedule(old.Provisions[0], cal, today), Date{}, today); n.Missed != 2 || n.Due == 0 {
				t.Errorf("older plan's therapy: %+v", n)
			}
			for _, s := range Schedule(old.Provisions[0], cal, today) {
				if !s.Date.Before(newer.Issued) {
					t.Errorf("older plan's therapy due on %s, after it ended", s.Date)
				}
			}
		})
	}
	if _, problems := CarryForward(c, "nope", newer, nil, Date{}); len(problems) == 0 {
		t.Error("carried forward from a plan that is not there")
	}
	early := newer
	early.Issued = MustDate(2022, 1, 1)
	if _, problems := CarryForward(c, "plan-1", early, nil, Date{}); len(problems) == 0 || !strings.Contains(problems[0].Message, "after the older plan") {
		t.Errorf("a newer plan dated before the older one: %v", problems)
	}
	ended := c
	ended.Plans = []Plan{c.Plans[0]}
	ended.Plans[0].Provisions = append([]Provision(nil), c.Plans[0].Provisions...)
	ended.Plans[0].Provisions[0].End = MustDate(2023, 3, 31)
	if _, problems := CarryForward(ended, "plan-1", newer, []string{"provision-1"}, Date{}); len(problems) == 0 || problems[0].Path != "carry" {
		t.Errorf("carried help that had ended: %v", problems)
	}
}

func salt(id string, start, end Date) Provision {
	return Provision{ID: id, Section: SectionF, Type: TypeSALT, Frequency: Frequency{1, UnitSessions, PerWeek}, Weeks: TermTime, Start: start, End: end}
}

func TestValidatePlansOverTime(t *testing.T) {
	d := MustDate
	for _, tc := range []struct {
		name  string
		plans []Plan
		path  string // "" for valid
		words string
	}{
		{"one plan", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1)}}, "", ""},
		{"in order, no end", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1)}, {ID: "b", Kind: PlanEHC, Issued: d(2023, 5, 24)}}, "", ""},
		{"ended the day before", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1), Ended: d(2023, 5, 23)}, {ID: "b", Kind: PlanEHC, Issued: d(2023, 5, 24)}}, "", ""},
		{"kinds run alongside", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2023, 5, 24)}, {ID: "b", Kind: PlanCarePlan, Issued: d(2022, 9, 1)}}, "", ""},
		{"unordered", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2023, 5, 24)}, {ID: "b", Kind: PlanEHC, Issued: d(2022, 9, 1)}},
			"plans[1].issued", "put the plans in date order"},
		{"same date", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2023, 5, 24)}, {ID: "b", Kind: PlanEHC, Issued: d(2023, 5, 24)}},
			"plans[1].issued", "same date"},
		{"overlap", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1), Ended: d(2023, 6, 30)}, {ID: "b", Kind: PlanEHC, Issued: d(2023, 5, 24)}},
			"plans[0].ended", "end it the day before"},
		{"help before its plan", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1), Ended: d(2023, 5, 23)}, {ID: "b", Kind: PlanEHC, Issued: d(2023, 5, 24),
			Provisions: []Provision{salt("p2", d(2023, 2, 6), Date{})}}}, "plans[1].provisions[0].start", "before its plan of 24 May 2023"},
		{"help after its plan was replaced", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1), Provisions: []Provision{salt("p1", d(2023, 2, 6), Date{})}},
			{ID: "b", Kind: PlanEHC, Issued: d(2023, 5, 24)}}, "plans[0].provisions[0].end", "after its plan was replaced on 24 May 2023"},
		{"help in its own plan's time", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1), Provisions: []Provision{salt("p1", d(2023, 2, 6), d(2023, 5, 23))}},
			{ID: "b", Kind: PlanEHC, Issued: d(2023, 5, 24), Provisions: []Provision{salt("p2", d(2023, 5, 24), Date{})}}}, "", ""},
		{"an ended plan with no newer one keeps open help", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1), Ended: d(2023, 5, 23),
			Provisions: []Provision{salt("p1", d(2023, 2, 6), Date{})}}}, "", ""},
		{"ends before it starts", []Plan{{ID: "a", Kind: PlanEHC, Issued: d(2022, 9, 1), Ended: d(2022, 8, 1)}},
			"plans[0].ended", "cannot end before its date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: tc.plans}
			problems := Validate(c)
			if tc.path == "" {
				if len(problems) > 0 {
					t.Fatal(problems)
				}
				return
			}
			if len(problems) != 1 || problems[0].Path != tc.path || !strings.Contains(problems[0].Message, tc.words) {
				t.Fatalf("problems %v, want one at %s saying %q", problems, tc.path, tc.words)
			}
		})
	}
}

func TestNewIDs(t *testing.T) {
	c := twoPlans()
	if id := NewProvisionID(c); id != "provision-3" {
		t.Errorf("new provision id %q", id)
	}
	c.Plans = append(c.Plans, Plan{ID: "plan-3", Kind: PlanEHC, Provisions: []Provision{{ID: "provision-3"}}})
	if id := NewProvisionID(c); id != "provision-4" {
		t.Errorf("new provision id %q, want one no plan uses", id)
	}
	if id := NewPlanID(c); id != "plan-4" { // after the ids in use, none reused
		t.Errorf("new plan id %q", id)
	}
	if i := PlanHolding(c, "provision-3"); i != 1 {
		t.Errorf("provision-3 is held by plan %d", i)
	}
	if i := PlanHolding(c, "nope"); i != -1 {
		t.Errorf("a missing provision is held by plan %d", i)
	}
}

// ExampleCarryForward: an amended plan after a phase transfer carries the
// speech and language therapy forward; the final plan ends the day before.
func ExampleCarryForward() {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "plan-1", Kind: PlanEHC,
		Issued: MustDate(2022, 9, 1), Provisions: []Provision{{ID: "provision-1", Section: SectionF, Type: TypeSALT,
			Frequency: Frequency{1, UnitSessions, PerWeek}, Weeks: TermTime, Start: MustDate(2023, 2, 6)}}}}}
	c, _ = CarryForward(c, "plan-1", Plan{Kind: PlanEHC, Issued: MustDate(2023, 5, 24)}, []string{"provision-1"}, Date{})
	for _, pp := range PlanPeriods(c) {
		pl := c.Plans[PlanByID(c, pp.PlanID)]
		fmt.Println(pp.PlanID, pp.From.Long(), "to", pp.To.Long(), pl.Provisions[0].ID, "from", pl.Provisions[0].Start.Long())
	}
	fmt.Println(c.Plans[PlanInForce(c, PlanEHC, MustDate(2023, 2, 6))].ID)
	// Output:
	// plan-1 1 September 2022 to 23 May 2023 provision-1 from 6 February 2023
	// plan-2 24 May 2023 to  provision-2 from 24 May 2023
	// plan-1
}

func TestSetPlanDate(t *testing.T) {
	c, problems := CarryForward(twoPlans(), "plan-1", Plan{Kind: PlanEHC, Issued: MustDate(2023, 5, 24)}, []string{"provision-1"}, Date{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	outcomes, _ := json.Marshal(c.Plans[0].Provisions[0].Outcomes)
	for _, tc := range []struct {
		name     string
		plan     string
		to       Date
		oldEnd   Date // the older plan's end and its help's, after
		newStart Date // the carried help's start, after
		problem  string
	}{
		{"later", "plan-2", MustDate(2023, 6, 5), MustDate(2023, 6, 4), MustDate(2023, 6, 5), ""},
		{"earlier", "plan-2", MustDate(2023, 5, 2), MustDate(2023, 5, 1), MustDate(2023, 5, 2), ""},
		{"month only", "plan-2", NewMonthMust(2023, 6), MustDate(2023, 5, 31), MustDate(2023, 6, 1), ""},
		{"the same", "plan-2", MustDate(2023, 5, 24), MustDate(2023, 5, 23), MustDate(2023, 5, 24), ""},
		{"before the older plan", "plan-2", MustDate(2022, 8, 1), MustDate(2023, 5, 23), MustDate(2023, 5, 24), "plans[1].issued"},
		{"the older plan's date", "plan-1", MustDate(2022, 10, 3), MustDate(2023, 5, 23), MustDate(2023, 5, 24), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SetPlanDate(c, tc.plan, tc.to)
			if got.Plans[PlanByID(got, tc.plan)].Issued != tc.to {
				t.Errorf("date not set")
			}
			old, nw := got.Plans[0], got.Plans[1]
			if old.Ended != tc.oldEnd || old.Provisions[0].End != tc.oldEnd || old.Provisions[1].End != tc.oldEnd || nw.Provisions[0].Start != tc.newStart {
				t.Errorf("older plan ends %s (help %s, %s); carried help starts %s", old.Ended, old.Provisions[0].End, old.Provisions[1].End, nw.Provisions[0].Start)
			}
			if after, _ := json.Marshal(old.Provisions[0].Outcomes); string(after) != string(outcomes) {
				t.Error("the older plan's records changed")
			}
			if c.Plans[0].Ended != MustDate(2023, 5, 23) || c.Plans[1].Issued != MustDate(2023, 5, 24) {
				t.Error("the case passed in was changed")
			}
			if tc.plan == "plan-1" && got.Plans[0].Provisions[1].Start != MustDate(2022, 9, 1) {
				t.Errorf("help the parent dated in the first plan moved to %s", got.Plans[0].Provisions[1].Start)
			}
			problems := Validate(got)
			if tc.problem == "" && len(problems) > 0 {
				t.Errorf("not valid: %v", problems)
			}
			if tc.problem != "" && (len(problems) == 0 || problems[0].Path != tc.problem) {
				t.Errorf("problems %v, want one at %s", problems, tc.problem)
			}
		})
	}
}

// A new id is above every number in use, so an id removed below the
// highest is not given again (a page open on it in another tab would
// write into the new item).
func TestNewIDsAreNotTheRemovedOnes(t *testing.T) {
	for _, tc := range []struct {
		name string
		have []string
		want string
	}{
		{"none yet", nil, "payment-1"},
		{"first removed", []string{"payment-2", "payment-3"}, "payment-4"},
		{"gaps", []string{"payment-7", "payment-2"}, "payment-8"},
		{"other prefixes and words ignored", []string{"contact-9", "payment-x", "payment-"}, "payment-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c Case
			for _, id := range tc.have {
				c.Payments = append(c.Payments, Payment{ID: id})
			}
			c.Payments = append(c.Payments, Payment{})
			AssignPaymentIDs(&c)
			if got := c.Payments[len(c.Payments)-1].ID; got != tc.want {
				t.Errorf("new payment after %v has id %q, want %q", tc.have, got, tc.want)
			}
		})
	}
	// Removing the newest item does not free its number either: the app
	// records the numbers given (RecordIDs) on every save.
	c := Case{Payments: []Payment{{ID: "payment-1"}, {ID: "payment-2"}},
		Plans: []Plan{{ID: "plan-1", Provisions: []Provision{{ID: "provision-1"}, {ID: "provision-2"}}}, {ID: "plan-2"}}}
	RecordIDs(&c)
	c.Payments = append(c.Payments[:1], Payment{})
	c.Plans = []Plan{{ID: "plan-1", Provisions: []Provision{{ID: "provision-1"}}}}
	AssignPaymentIDs(&c)
	if got := c.Payments[1].ID; got != "payment-3" {
		t.Errorf("after removing payment-2 the new payment is %q, want payment-3", got)
	}
	if got, want := NewProvisionID(c)+" "+NewPlanID(c), "provision-3 plan-3"; got != want {
		t.Errorf("after removing the newest plan and help: %q, want %q", got, want)
	}
	if c.IDsGiven != (IDsGiven{Plan: 2, Provision: 2, Payment: 2}) {
		t.Errorf("IDsGiven = %+v", c.IDsGiven)
	}
	RecordIDs(&c) // never lowers a number
	if c.IDsGiven != (IDsGiven{Plan: 2, Provision: 2, Payment: 3}) {
		t.Errorf("IDsGiven after the new payment = %+v", c.IDsGiven)
	}
	// Keeping this tab's version over another's keeps the other's numbers.
	other := Case{ParentCosts: []ParentCost{{ID: "cost-4"}}, IDsGiven: IDsGiven{Contact: 7}}
	RecordIDs(&c, other)
	if c.IDsGiven != (IDsGiven{Plan: 2, Provision: 2, Payment: 3, Contact: 7, Cost: 4}) {
		t.Errorf("IDsGiven after keeping mine = %+v", c.IDsGiven)
	}
	if probs := Validate(Case{IDsGiven: IDsGiven{Cost: -1}}); !hasPath(probs, "ids_given") {
		t.Errorf("a negative number is not refused: %v", probs)
	}
	// An id with a very large number (in an imported file) must not stop
	// the record from being saved.
	big := Case{Payments: []Payment{{ID: "payment-9223372036854775807"}, {}}}
	RecordIDs(&big)
	AssignPaymentIDs(&big)
	if hasPath(Validate(big), "ids_given") || big.Payments[1].ID == "" || big.Payments[1].ID == big.Payments[0].ID {
		t.Errorf("after the largest id: %+v, %+v", big.IDsGiven, big.Payments)
	}
	c = Case{Plans: []Plan{{ID: "plan-1", Provisions: []Provision{{ID: "provision-2"}}}, {ID: "plan-3"}}}
	if got := NewProvisionID(c); got != "provision-3" {
		t.Errorf("NewProvisionID = %q, want provision-3", got)
	}
	if got := NewPlanID(c); got != "plan-4" {
		t.Errorf("NewPlanID = %q, want plan-4", got)
	}
}
