package calc

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"2024-02-29", "2024-02-29", ""},
		{"2023-02-29", "", "February 2023 has no day 29"},
		{"2024-02-31", "", "February 2024 has no day 31"},
		{"2024-13-01", "", "there is no month 13"},
		{"24-01-01", "", "YYYY-MM-DD"},
		{"2024-1-01", "", "YYYY-MM-DD"},
		{"1899-12-31", "", "year must be between"},
		{"", "", ""},
	} {
		d, err := ParseDate(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseDate(%q) error = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || d.String() != tc.want {
			t.Errorf("ParseDate(%q) = %q, %v", tc.in, d, err)
		}
	}
	d := MustDate(2027, 3, 14)
	if d.Long() != "14 March 2027" || d.Weekday() != time.Sunday {
		t.Errorf("Long/Weekday = %q %v", d.Long(), d.Weekday())
	}
	if got := MustDate(2024, 1, 31).AddMonths(1); got != MustDate(2024, 2, 29) {
		t.Errorf("AddMonths = %v", got)
	}
	// Every day from 1900 to 2199 survives a round trip through its parts.
	for n := daysFromCivil(1900, 1, 1); n <= daysFromCivil(2199, 12, 31); n++ {
		y, m, dd := civilFromDays(n)
		if daysFromCivil(y, m, dd) != n {
			t.Fatalf("round trip failed at %d", n)
		}
		if n%997 == 0 {
			want := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC).Weekday()
			if dateFromDays(n).Weekday() != want {
				t.Fatalf("weekday wrong at %d-%d-%d", y, m, dd)
			}
		}
	}
}

func TestMoney(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"50", "£50.00", ""}, {"50.5", "£50.50", ""}, {"1,234.50", "£1,234.50", ""}, {"£1,234.50", "£1,234.50", ""},
		{" £ 100000 ", "£100,000.00", ""}, {"0.5", "£0.50", ""},
		{"1e3", "", "use only digits"}, {"-5", "", "negative"}, {"1.234", "", "two digits"},
		{"100000.01", "", "too large"}, {"12,34", "", "thousands"}, {"", "", "enter an amount"}, {".5", "", "before the decimal"},
		{"1,2345", "", "thousands"}, {"5.", "", "after the decimal"},
	} {
		d, err := ParseMoney(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseMoney(%q) error = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || FormatMoney(d) != tc.want {
			t.Errorf("ParseMoney(%q) = %s, %v; want %s", tc.in, FormatMoney(d), err, tc.want)
		}
	}
	for in, want := range map[string]string{"0.005": "£0.01", "0.004": "£0.00", "-0.005": "-£0.01", "1234567.891": "£1,234,567.89", "0": "£0.00", "999.995": "£1,000.00"} {
		if got := FormatMoney(money(in)); got != want {
			t.Errorf("FormatMoney(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestBankHolidaysMatchGovUK(t *testing.T) {
	var file struct {
		BH []struct {
			Date string `json:"date"`
		} `json:"bank_holidays_england_wales"`
	}
	if err := json.Unmarshal(termDatesJSON, &file); err != nil {
		t.Fatal(err)
	}
	cal := DefaultCalendar()
	want := map[Date]bool{}
	for _, b := range file.BH {
		d, _ := ParseDate(b.Date)
		want[d] = true
		if _, ok := cal.BankHoliday(d); !ok || cal.IsWorkingDay(d) {
			t.Errorf("%s should be a bank holiday", d)
		}
	}
	for _, d := range cal.BankHolidays(MustDate(2022, 1, 1), MustDate(2027, 12, 31)) {
		if !want[d] {
			t.Errorf("%s is not a bank holiday on GOV.UK's list", d)
		}
	}
	for _, d := range []Date{MustDate(2022, 9, 19), MustDate(2023, 5, 8)} {
		if cal.IsWorkingDay(d) || cal.IsSchoolDay(d) {
			t.Errorf("%s must be neither a working nor a school day", d)
		}
	}
}

func TestCalendar(t *testing.T) {
	cal := DefaultCalendar()
	for _, tc := range []struct {
		d      Date
		school bool
	}{
		{MustDate(2025, 9, 1), true},    // Kent autumn term starts
		{MustDate(2025, 10, 20), false}, // Kent half term
		{MustDate(2025, 12, 22), false}, // Christmas holiday
		{MustDate(2023, 2, 13), false},  // Herts half term
		{MustDate(2023, 2, 20), true},
		{MustDate(2030, 8, 10), false}, // summer (rule-based year)
	} {
		if got := cal.IsSchoolDay(tc.d); got != tc.school {
			t.Errorf("IsSchoolDay(%s) = %v", tc.d, got)
		}
	}
	// The rule pattern gives a sensible year: 185 to 200 school days.
	for y := 2000; y < 2070; y++ {
		sy := RuleSchoolYear(y)
		n := 0
		for _, tm := range sy.Terms {
			n += cal.SchoolDaysBetween(tm.Start, tm.End)
		}
		if y >= 2028 && (n < 185 || n > 200) {
			t.Errorf("%s: %d school days", sy.Year, n)
		}
	}
	// The shipped Herts 2023-24 record has HCC's 196 days (190 + 5 INSET + 1 occasional).
	sy := DefaultSchoolYear(2023)
	n := 0
	for _, tm := range sy.Terms {
		n += cal.SchoolDaysBetween(tm.Start, tm.End)
	}
	if n != 196 {
		t.Errorf("Herts 2023-24: %d school days, want 196", n)
	}
	// Working days: 20 working days after Friday 30 June 2023 is Friday 28 July.
	if got := cal.AddWorkingDays(MustDate(2023, 6, 30), 20); got != MustDate(2023, 7, 28) {
		t.Errorf("AddWorkingDays = %s", got)
	}
	if got := cal.WorkingDaysBetween(MustDate(2023, 7, 28), MustDate(2023, 9, 1)); got != 24 {
		t.Errorf("WorkingDaysBetween = %d (28 August 2023 is a bank holiday)", got)
	}
	// A parent's INSET day stops being a school day.
	c := NewCalendar(nil, []Date{MustDate(2025, 9, 2)})
	if c.IsSchoolDay(MustDate(2025, 9, 2)) || !c.IsSchoolDay(MustDate(2025, 9, 3)) {
		t.Error("INSET day not applied")
	}
}

func TestCouncils(t *testing.T) {
	cs := Councils()
	if len(cs) != 153 {
		t.Fatalf("%d councils, want 153", len(cs))
	}
	if c, ok := CouncilByCode("839"); !ok || c.ShortName != "Bournemouth, Christchurch and Poole" {
		t.Errorf("839 = %+v", c)
	}
}

func TestSchedule(t *testing.T) {
	cal := DefaultCalendar()
	weekly := Provision{ID: "a", Frequency: Frequency{1, UnitSessions, PerWeek}, Weeks: TermTime,
		Weekdays: []string{"monday"}, Start: MustDate(2025, 9, 1), End: MustDate(2026, 7, 21)}
	s := Schedule(weekly, cal, MustDate(2030, 1, 1))
	if len(s) != 40 { // 15 + 12 + 13 term weeks
		t.Errorf("weekly Kent 2025-26: %d sessions", len(s))
	}
	// Monday 4 May 2026 is a bank holiday: that week's session moves to Tuesday.
	found := false
	for _, x := range s {
		if x.Date == MustDate(2026, 5, 5) {
			found = true
		}
	}
	if !found {
		t.Error("bank holiday session not moved to Tuesday")
	}
	for _, tc := range []struct {
		f    Frequency
		want int
	}{
		{Frequency{6, UnitSessions, PerTerm}, 18},
		{Frequency{2, UnitSessions, PerHalfTerm}, 12},
		{Frequency{30, UnitSessions, PerYear}, 30},
		{Frequency{12, UnitSessions, PerTotal}, 12},
		{Frequency{2, UnitSessions, PerFortnight}, 39},
		{Frequency{3, UnitSessions, PerMonth}, 33},
	} {
		p := weekly
		p.Weekdays, p.Frequency = nil, tc.f
		if got := len(Schedule(p, cal, MustDate(2030, 1, 1))); got != tc.want {
			t.Errorf("%+v: %d sessions, want %d", tc.f, got, tc.want)
		}
	}
}

// Short breaks at weekends: a session chosen for a Saturday or Sunday
// stays on that day. All-year help has every weekend; term-time help only
// the weekends between two weeks of term (Kent 2025-26: 13 in autumn, 10
// in spring, 11 in summer), so not the weekends either side of a holiday.
func TestScheduleWeekends(t *testing.T) {
	cal := DefaultCalendar()
	for _, tc := range []struct {
		name   string
		days   []string
		weeks  Weeks
		want   int
		has    []Date
		hasNot []Date
	}{
		{"Saturdays all year", []string{"saturday"}, AllYear, 47,
			[]Date{MustDate(2025, 9, 6), MustDate(2025, 10, 25), MustDate(2025, 12, 27), MustDate(2026, 7, 25)}, nil},
		{"Saturdays in term time", []string{"saturday"}, TermTime, 34,
			[]Date{MustDate(2025, 9, 6), MustDate(2025, 12, 13), MustDate(2026, 7, 18)},
			// half term, the weekend before half term, Christmas, the last weekend of spring term
			[]Date{MustDate(2025, 10, 25), MustDate(2025, 10, 18), MustDate(2025, 12, 20), MustDate(2026, 4, 4)}},
		{"Sundays in term time", []string{"sunday"}, TermTime, 34,
			[]Date{MustDate(2025, 9, 7)}, []Date{MustDate(2025, 10, 19), MustDate(2025, 10, 26)}},
		{"both days of the weekend", []string{"saturday", "sunday"}, TermTime, 68, nil, nil},
		{"a weekday and Saturday", []string{"wednesday", "saturday"}, TermTime, 39 + 34, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Provision{ID: "sb", Type: TypeShortBreaks, Section: SectionH, Weeks: tc.weeks, Weekdays: tc.days,
				Frequency: Frequency{len(tc.days), UnitSessions, PerWeek}, Start: MustDate(2025, 9, 1), End: MustDate(2026, 7, 31)}
			s := Schedule(p, cal, MustDate(2030, 1, 1))
			if len(s) != tc.want {
				t.Errorf("%d sessions, want %d", len(s), tc.want)
			}
			on := map[Date]bool{}
			for _, x := range s {
				on[x.Date] = true
			}
			for _, d := range tc.has {
				if !on[d] {
					t.Errorf("no session on %s", d)
				}
			}
			for _, d := range tc.hasNot {
				if on[d] {
					t.Errorf("a session on %s, a weekend out of term", d)
				}
			}
		})
	}
	// A few a month or a term, at weekends: spread over the chosen days.
	for _, tc := range []struct {
		name  string
		f     Frequency
		days  []string
		weeks Weeks
		want  int
	}{
		{"two Saturdays a month, all year", Frequency{2, UnitSessions, PerMonth}, []string{"saturday"}, AllYear, 22},
		{"two Sundays a term, in term time", Frequency{2, UnitSessions, PerTerm}, []string{"sunday"}, TermTime, 6},
		{"one weekend day a month", Frequency{1, UnitSessions, PerMonth}, []string{"saturday", "sunday"}, AllYear, 11},
	} {
		p := Provision{ID: "sb", Weeks: tc.weeks, Weekdays: tc.days, Frequency: tc.f,
			Start: MustDate(2025, 9, 1), End: MustDate(2026, 7, 31)}
		s := Schedule(p, cal, MustDate(2030, 1, 1))
		if len(s) != tc.want {
			t.Errorf("%s: %d sessions, want %d", tc.name, len(s), tc.want)
		}
		for _, x := range s {
			wd := x.Date.Weekday()
			if (wd != time.Saturday && wd != time.Sunday) || (tc.weeks == TermTime && !cal.weekendInTerm(x.Date)) {
				t.Errorf("%s: a session on %s %s", tc.name, wd, x.Date)
			}
		}
	}
	// A weekday chosen for sessions counted a month leaves them where they
	// were before weekends could be chosen: records keep their dates.
	monthly := Provision{ID: "m", Weeks: TermTime, Frequency: Frequency{3, UnitSessions, PerMonth},
		Start: MustDate(2025, 9, 1), End: MustDate(2026, 7, 31)}
	withDay := monthly
	withDay.Weekdays = []string{"monday"}
	if a, b := Schedule(monthly, cal, MustDate(2030, 1, 1)), Schedule(withDay, cal, MustDate(2030, 1, 1)); !reflect.DeepEqual(a, b) {
		t.Errorf("choosing Monday moved monthly sessions: %v, then %v", a[:3], b[:3])
	}

	// Help in hours on Saturdays is due on Saturdays, and a week of it
	// missed is worth what a week of the same help on weekdays is.
	hours := Provision{ID: "h", Type: TypeShortBreaks, Section: SectionH, Weeks: AllYear, Weekdays: []string{"saturday"},
		Frequency: Frequency{6, UnitHours, PerWeek}, Start: MustDate(2025, 9, 1), End: MustDate(2026, 7, 31)}
	s := Schedule(hours, cal, MustDate(2030, 1, 1))
	if len(s) != 47 || s[0].Date != MustDate(2025, 9, 6) {
		t.Errorf("6 hours every Saturday: %d entries from %v, want the 47 Saturdays from 6 September 2025", len(s), s[:1])
	}
	weekdays := hours
	weekdays.Weekdays = nil
	missWeeks := func(p Provision, n int) Estimate {
		var out []Outcome
		for _, x := range Schedule(p, cal, MustDate(2030, 1, 1)) {
			if x.Date.Before(MustDate(2025, 9, 1).AddDays(7 * n)) {
				out = append(out, Outcome{Date: x.Date, Seq: x.Seq, Status: StatusMissed})
			}
		}
		p.Outcomes = out
		c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "e", Kind: PlanEHC, Provisions: []Provision{p}}}}
		return EstimateCase(c, DefaultRules(), MustDate(2025, 12, 1))
	}
	if a, b := missWeeks(hours, 4), missWeeks(weekdays, 4); !a.Typical.Equal(b.Typical) || a.Typical.Sign() <= 0 {
		t.Errorf("four weeks of 6 hours missed: %s on Saturdays, %s on weekdays; want the same money", a.Typical, b.Typical)
	}

	c := Case{Plans: []Plan{{Provisions: []Provision{{Weekdays: []string{"saturday", "sunday", "funday"}}}}}}
	var days []FieldError
	for _, p := range Validate(c) {
		if strings.Contains(p.Path, "weekdays") {
			days = append(days, p)
		}
	}
	if len(days) != 1 || days[0].Path != "plans[0].provisions[0].weekdays[2]" {
		t.Errorf("weekday problems %v, want one for funday only", days)
	}
}

func TestTally(t *testing.T) {
	cal := DefaultCalendar()
	p := Provision{ID: "ot", Frequency: Frequency{1, UnitSessions, PerWeek}, Weeks: TermTime,
		Start: MustDate(2025, 9, 1), End: MustDate(2025, 10, 17)}
	s := Schedule(p, cal, MustDate(2026, 1, 1)) // 7 Mondays
	p.Outcomes = []Outcome{
		{Date: s[0].Date, Status: StatusDelivered},
		{Date: s[1].Date, Status: StatusMissed, Reason: ReasonNoTherapist},
		{Date: s[2].Date, Status: StatusMissed},
		{Date: s[3].Date, Status: StatusChildAbsent},
		{Date: s[4].Date, Status: StatusPrivate, Cost: money("85")},
		{Date: s[4].Date.AddDays(2), Status: StatusMadeUp, Replaces: s[1].Date},
	}
	// The share counts only what is recorded: 2 of the 4 sessions recorded
	// that count (child absent is left out); the 2 unrecorded say nothing.
	n := Tally(p, s, Date{}, Date{})
	want := Counts{ProvisionID: "ot", Due: 7, Delivered: 1, Missed: 2, MadeUp: 1, ChildAbsent: 1, PaidPrivately: 1,
		Unrecorded: 2, MissedNotMadeUp: 1, Recorded: 5, HasPercent: true}
	got := n
	got.PrivateCost, got.PercentDelivered = decimal.Decimal{}, decimal.Decimal{}
	if got != want || !n.PrivateCost.Equal(money("85")) || !n.PercentDelivered.Equal(money("50")) {
		t.Errorf("Tally = %+v", n)
	}
}

func TestDecodeErrors(t *testing.T) {
	good, _ := os.ReadFile(filepath.Join("testdata", "seeds", "notts-23-009-620.json"))
	for _, tc := range []struct {
		name, in, path, msg string
	}{
		{"not json", "{", "", "not valid JSON"},
		{"empty", "", "", "empty"},
		{"array", "[]", "", "one JSON object"},
		{"no version", `{}`, "schema_version", "missing"},
		{"newer", `{"schema_version": 99}`, "schema_version", "newer version"},
		{"trailing", `{"schema_version":1} {}`, "", "after the end"},
		{"unknown", strings.Replace(string(good), `"council"`, `"councl"`, 1), "councl", "unknown field"},
		{"wrong type", strings.Replace(string(good), `"count": 1`, `"count": "1"`, 1), "plans[0].provisions[0].frequency.count", "whole number"},
		{"float count", strings.Replace(string(good), `"count": 1`, `"count": 1.5`, 1), "plans[0].provisions[0].frequency.count", "whole number"},
		{"zero count", strings.Replace(string(good), `"count": 1`, `"count": 0`, 1), "plans[0].provisions[0].frequency.count", "must be at least 1"},
		{"absurd count", strings.Replace(string(good), `"count": 1`, `"count": 10000`, 1), "plans[0].provisions[0].frequency.count", "too many"},
		{"bad date", strings.Replace(string(good), `"2023-02-27"`, `"2023-02-30"`, 1), "plans[0].provisions[0].start", "no day 30"},
		{"end before start", strings.Replace(string(good), `"start": "2023-02-27"`, `"start": "2023-02-27", "end": "2023-01-01"`, 1), "plans[0].provisions[0].end", "End date must be after the start date"},
		{"negative", strings.Replace(string(good), `"missed": 12`, `"missed": -12`, 1), "plans[0].provisions[0].count_periods[0].missed", "below zero"},
		{"money number", strings.Replace(string(good), `"weeks": "term_time",`, `"weeks": "term_time", "price_per_session": 50,`, 1), "plans[0].provisions[0].price_per_session", "written as a string"},
		{"absurd money", strings.Replace(string(good), `"weeks": "term_time",`, `"weeks": "term_time", "price_per_session": "1000000",`, 1), "plans[0].provisions[0].price_per_session", "too large"},
		{"bad enum", strings.Replace(string(good), `"term_time"`, `"sometimes"`, 1), "plans[0].provisions[0].weeks", "term time"},
		{"bad council", strings.Replace(string(good), `"891"`, `"999"`, 1), "council", "not known"},
	} {
		_, err := DecodeCaseFile([]byte(tc.in))
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: error %v is not a ValidationError", tc.name, err)
			continue
		}
		ok := false
		for _, p := range ve.Problems {
			if p.Path == tc.path && strings.Contains(p.Message, tc.msg) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: got %v, want %s: ...%s...", tc.name, err, tc.path, tc.msg)
		}
	}
}

// equalCases compares two cases, treating amounts as equal by value.
func equalCases(a, b any) bool { return deepEq(reflect.ValueOf(a), reflect.ValueOf(b)) }

func deepEq(a, b reflect.Value) bool {
	if a.Type() == dateType {
		return a.Interface().(Date) == b.Interface().(Date)
	}
	if a.Type() == decimalType {
		return a.Interface().(decimal.Decimal).Equal(b.Interface().(decimal.Decimal))
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if !deepEq(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !deepEq(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

func allCaseFiles(t testing.TB) []string {
	a, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.json"))
	b, _ := filepath.Glob(filepath.Join("testdata", "lgsco", "*.json"))
	c, _ := filepath.Glob(filepath.Join("testdata", "decisions", "*.json"))
	return append(append(a, b...), c...)
}

func TestRoundTrip(t *testing.T) {
	for _, f := range allCaseFiles(t) {
		c := loadCase(t, f)
		b, err := EncodeCaseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := DecodeCaseFile(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		b2, _ := EncodeCaseFile(c2)
		if !equalCases(c, c2) || string(b) != string(b2) {
			t.Errorf("%s: round trip changed the case", f)
		}
	}
}

func TestMigrate(t *testing.T) {
	migrations[0] = func(m map[string]any) error { m["notes"] = "from v0"; return nil }
	defer delete(migrations, 0)
	// A version 0 file is lifted to the current version by the chain.
	out, err := Migrate([]byte(`{"schema_version": 0}`))
	if err == nil {
		t.Fatalf("version 0 is below 1 and must be refused: %s", out)
	}
	same, err := Migrate([]byte(`{"schema_version": 5, "notes": "x"}`))
	if err != nil || !strings.Contains(string(same), `"notes": "x"`) {
		t.Errorf("current version changed: %s %v", same, err)
	}
	// Version 2, 3 and 4 files become version 5 unchanged apart from the
	// number (versions 3 to 5 only add optional fields and values);
	// version 1 files pass through every step.
	for _, v := range []string{"1", "2", "3", "4"} {
		up, err := Migrate([]byte(`{"schema_version": ` + v + `, "notes": "x", "contacts": [{"date": "2025-01-06", "kind": "email"}]}`))
		if err != nil || !strings.Contains(string(up), `"schema_version": 5`) || !strings.Contains(string(up), `"notes": "x"`) {
			t.Errorf("version %s not lifted to 5: %s %v", v, up, err)
		}
	}
	// A version 3 file's parent costs get ids on reading.
	v3 := []byte(`{"schema_version": 3, "child": {"first_name": "A"}, "plans": [{"id": "plan-1", "kind": "ehc_plan"}], "parent_costs": [{"amount": "90"}, {"amount": "40"}]}`)
	if c, err := DecodeCaseFile(v3); err != nil || len(c.ParentCosts) != 2 || c.ParentCosts[0].ID != "cost-1" || c.ParentCosts[1].ID != "cost-2" {
		t.Errorf("version 3 parent costs read as %+v, %v", c.ParentCosts, err)
	}
	// A version 2 file with every version 3 fields left out decodes, and
	// a version 3 file with them round-trips.
	c := loadCase(t, filepath.Join("testdata", "seeds", "herts-24-006-445.json"))
	c.Payments = []Payment{{ID: "payment-1", Amount: money("500"), WhatFor: "missed OT", Date: MustDate(2025, 1, 6)}}
	c.ParentCosts = []ParentCost{{ID: "cost-1", Amount: money("90"), WhatFor: "private OT", Receipts: true}}
	c.Closed, c.ClosedWhy = MustDate(2025, 2, 1), "OT restarted"
	c.Plans[0].Provisions[0].MakeUpAgreed = 3
	b, err := EncodeCaseFile(c)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := DecodeCaseFile(b)
	if err != nil || !equalCases(c, c2) {
		t.Errorf("version 3 facts do not round-trip: %v", err)
	}
	// A payment saved without an id gets one, so the app can address it.
	c.Payments = append(c.Payments, Payment{Amount: money("20")}, Payment{Amount: money("30")})
	b, _ = EncodeCaseFile(c)
	if c2, err = DecodeCaseFile(b); err != nil || c2.Payments[1].ID != "payment-2" || c2.Payments[2].ID != "payment-3" {
		t.Errorf("payments without ids: %+v %v", c2.Payments, err)
	}
	// So does a parent's cost, above every number in use, and two costs
	// may not share one.
	c.ParentCosts = append(c.ParentCosts, ParentCost{Amount: money("20")}, ParentCost{ID: "cost-3", Amount: money("30")}, ParentCost{Amount: money("40")})
	b, _ = EncodeCaseFile(c)
	if c2, err = DecodeCaseFile(b); err != nil || c2.ParentCosts[1].ID != "cost-4" || c2.ParentCosts[2].ID != "cost-3" || c2.ParentCosts[3].ID != "cost-5" {
		t.Errorf("costs without ids: %+v %v", c2.ParentCosts, err)
	}
	// A parent may know only the month they paid.
	c.ParentCosts[1].Date, _ = NewMonth(2025, 1)
	if probs := Validate(c); len(probs) > 0 {
		t.Errorf("a cost dated to the month only was refused: %v", probs)
	}
	c.ParentCosts[1].ID = "cost-1"
	if probs := Validate(c); !hasProblemAt(probs, "parent_costs[1].id") {
		t.Errorf("two costs with one id were let through: %v", probs)
	}
}

func TestEstimateTotalsAndOverrides(t *testing.T) {
	for _, f := range allCaseFiles(t) {
		c := loadCase(t, f)
		e := EstimateCase(c, DefaultRules(), MustDate(2025, 6, 1))
		lo, ty, hi := decimal.Zero, decimal.Zero, decimal.Zero
		for _, l := range e.Lines {
			lo, ty, hi = lo.Add(l.Low), ty.Add(l.Typical), hi.Add(l.High)
			if !l.Low.Equal(l.Low.Round(2)) || l.Source == "" || l.FiguresDate.IsZero() || l.Basis == "" {
				t.Errorf("%s: line %s lacks rounding, source, date or basis", f, l.Key)
			}
			if l.Kind == LineAlreadyPaid {
				// A deduction: each figure comes off its own total, so the
				// low total loses least.
				if l.Low.Sign() > 0 || l.High.GreaterThan(l.Typical) || l.Typical.GreaterThan(l.Low) {
					t.Errorf("%s: already-paid line %s / %s / %s", f, l.Low, l.Typical, l.High)
				}
			} else if l.Low.GreaterThan(l.Typical) || l.Typical.GreaterThan(l.High) {
				t.Errorf("%s: line %s low/typical/high out of order", f, l.Key)
			}
		}
		if !lo.Equal(e.Low) || !ty.Equal(e.Typical) || !hi.Equal(e.High) {
			t.Errorf("%s: totals are not the sums of the lines", f)
		}
		if e.Low.Sign() < 0 || e.Low.GreaterThan(e.Typical) || e.Typical.GreaterThan(e.High) {
			t.Errorf("%s: totals %s / %s / %s", f, e.Low, e.Typical, e.High)
		}
	}
	c := loadCase(t, filepath.Join("testdata", "seeds", "notts-23-009-620.json"))
	c.RateOverrides = []RateOverride{{Key: RateMissedSession, Low: money("60"), Typical: money("70"), High: money("80"), Reason: "council's own rate"}}
	if probs := Validate(c); len(probs) > 0 {
		t.Fatal(probs)
	}
	e := EstimateCase(c, DefaultRules(), MustDate(2024, 3, 8))
	l, _ := lineOf(e, LineMissedSessions)
	if !l.Overridden || !e.Overridden || !l.Typical.Equal(money("840")) {
		t.Errorf("override not applied: %+v", l)
	}
}

// TestSchemaInSync checks that casefile.schema.json names exactly the
// fields of the Go types, so the two cannot drift apart.
func TestSchemaInSync(t *testing.T) {
	b, err := os.ReadFile("casefile.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	var walk func(rt reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Slice {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || rt == dateType || rt == decimalType || seen[rt] {
			return
		}
		seen[rt] = true
		def, ok := s.Defs[rt.Name()]
		if !ok {
			t.Errorf("schema lacks %s", rt.Name())
			return
		}
		fields := jsonFields(rt)
		if len(fields) != len(def.Properties) {
			t.Errorf("%s: %d fields in Go, %d in the schema", rt.Name(), len(fields), len(def.Properties))
		}
		for name, f := range fields {
			if _, ok := def.Properties[name]; !ok {
				t.Errorf("schema %s lacks %s", rt.Name(), name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(Case{}))
}

func TestHealthComplaintLimitOnlyWithSectionG(t *testing.T) {
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"},
		Complaint: Complaint{ProblemNoticed: MustDate(2024, 3, 1)},
		Plans:     []Plan{{ID: "p", Kind: PlanEHC, Provisions: []Provision{{ID: "ot", Section: SectionF}}}}}
	find := func() (Deadline, bool) {
		for _, d := range Deadlines(c, DefaultCalendar(), MustDate(2025, 6, 1)) {
			if d.Key == "nhs_complaint_12_months" {
				return d, true
			}
		}
		return Deadline{}, false
	}
	if _, ok := find(); ok {
		t.Error("an NHS time limit for a case with no health provision")
	}
	c.Plans[0].Provisions = append(c.Plans[0].Provisions, Provision{ID: "salt", Section: SectionG})
	d, ok := find()
	if !ok || !d.Due.Equal(MustDate(2025, 3, 1)) || d.Status != Overdue || !d.ParentDeadline {
		t.Errorf("NHS limit = %+v, %v; want due 1 March 2025, overdue, the parent's", d, ok)
	}
}

func TestDraftCommentWindowAndStage3Panel(t *testing.T) {
	find := func(c Case, key string) (Deadline, bool) {
		for _, d := range Deadlines(c, DefaultCalendar(), MustDate(2025, 6, 1)) {
			if d.Key == key {
				return d, true
			}
		}
		return Deadline{}, false
	}
	c := Case{SchemaVersion: SchemaVersion, Child: Child{FirstName: "A"}, Plans: []Plan{{ID: "p", Kind: PlanEHC,
		Process: ProcessDates{DraftIssued: MustDate(2024, 3, 1), FinalIssued: MustDate(2024, 3, 8)}}}}
	d, ok := find(c, "draft_comments_15_days")
	if !ok || d.Status != TooEarly || d.DaysLate != 8 || !d.Due.Equal(MustDate(2024, 3, 16)) {
		t.Errorf("final 7 days after the draft: %+v, want too early by 8 days (due 16 March)", d)
	}
	c.Plans[0].Process.FinalIssued = MustDate(2024, 4, 1)
	if d, _ := find(c, "draft_comments_15_days"); d.Status != Met || d.DaysLate != 0 {
		t.Errorf("final a month after the draft: %+v, want met", d)
	}

	c.Complaint = Complaint{Stage1Sent: MustDate(2024, 1, 8), Stage2Sent: MustDate(2024, 2, 5),
		Stage3Requested: MustDate(2024, 4, 2), Stage3PanelHeld: MustDate(2024, 5, 20)}
	if _, ok := find(c, "complaint_stage3_panel"); ok {
		t.Error("a stage 3 panel deadline under the council's own procedure")
	}
	c.Complaint.Policy.Procedure = ProcedureSocialCare
	d, ok = find(c, "complaint_stage3_panel")
	// 30 working days from Tuesday 2 April 2024 (6 May is a bank holiday): 15 May.
	if !ok || !d.Due.Equal(MustDate(2024, 5, 15)) || d.Status != Late || d.WorkingDaysLate != 3 {
		t.Errorf("stage 3 panel = %+v, want due 15 May 2024, 3 working days late", d)
	}
}

// A version 1 file's contacts get ids in file order, keeping any id a
// contact already has; a current file with two equal ids is refused.
func TestContactIDs(t *testing.T) {
	const v1 = `{"schema_version": 1, "child": {"first_name": "Sam"}, "plans": [{"id": "p", "kind": "ehc_plan"}],
		"contacts": [CONTACTS]}`
	ct := func(id string) string {
		if id == "" {
			return `{"date": "2024-01-02", "kind": "email"}`
		}
		return `{"id": "` + id + `", "date": "2024-01-02", "kind": "email"}`
	}
	for _, tc := range []struct {
		name     string
		contacts []string
		want     []string
	}{
		{"none had ids", []string{"", "", ""}, []string{"contact-1", "contact-2", "contact-3"}},
		{"one had an id in use", []string{"", "contact-1", ""}, []string{"contact-2", "contact-1", "contact-3"}},
		{"own ids kept", []string{"a", ""}, []string{"a", "contact-1"}},
	} {
		var parts []string
		for _, id := range tc.contacts {
			parts = append(parts, ct(id))
		}
		c, err := DecodeCaseFile([]byte(strings.Replace(v1, "CONTACTS", strings.Join(parts, ","), 1)))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, x := range c.Contacts {
			got = append(got, x.ID)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: ids %v, want %v", tc.name, got, tc.want)
		}
	}
	dup := strings.Replace(strings.Replace(v1, "CONTACTS", ct("x")+","+ct("x"), 1), `"schema_version": 1`, `"schema_version": 2`, 1)
	if _, err := DecodeCaseFile([]byte(dup)); err == nil || !strings.Contains(err.Error(), "contacts[1].id") {
		t.Errorf("two contacts with one id: %v, want a problem at contacts[1].id", err)
	}
}

// A record from before the one rule for text, with a NUL in the child's
// name and a right-to-left override in a contact's note, loads without
// them, passes the checks, and so can be backed up.
func TestMigrationTakesOutHiddenCharacters(t *testing.T) {
	raw, err := os.ReadFile("testdata/seeds/notts-23-009-620.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["schema_version"] = 1
	m["child"].(map[string]any)["first_name"] = "Am\u0000ira"
	m["contacts"] = []any{map[string]any{"date": "2025-11-08", "kind": "email", "said": "Moved to \u202eTuesday\nsee below\tok"}}
	old, _ := json.Marshal(m)
	c, err := DecodeCaseFile(old)
	if err != nil {
		t.Fatalf("DecodeCaseFile: %v", err)
	}
	if c.Child.FirstName != "Amira" {
		t.Errorf("first name %q, want %q", c.Child.FirstName, "Amira")
	}
	if got, want := c.Contacts[0].Said, "Moved to Tuesday\nsee below\tok"; got != want {
		t.Errorf("note %q, want %q (line breaks and tabs kept)", got, want)
	}
	for _, p := range Validate(c) {
		if strings.Contains(p.Path, "first_name") || strings.Contains(p.Path, "said") {
			t.Errorf("still refused after migration: %v", p)
		}
	}
}
