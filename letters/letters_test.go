package letters

import (
	"bytes"
	"encoding/csv"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

func TestSalutation(t *testing.T) {
	for _, tc := range []struct{ name, greet, close string }{
		{"", "Dear Sir or Madam", "Yours faithfully"},
		{"   ", "Dear Sir or Madam", "Yours faithfully"},
		{"Ms Patel", "Dear Ms Patel", "Yours sincerely"},
		{"Ms Priya Patel", "Dear Ms Patel", "Yours sincerely"},
		{"Dr. Ann Lee", "Dear Dr. Lee", "Yours sincerely"},
		{"Mr  John  Paul Jones", "Dear Mr Jones", "Yours sincerely"},
		{"Priya Patel", "Dear Priya Patel", "Yours sincerely"},
	} {
		g, c := Salutation(tc.name)
		if g != tc.greet || c != tc.close {
			t.Errorf("Salutation(%q) = %q, %q; want %q, %q", tc.name, g, c, tc.greet, tc.close)
		}
	}
	c := loadCase(t, "testdata/cases/sam.json")
	l, err := Build(CouncilStage1, c, Inputs{RecipientName: "Ms Priya Patel"}, calc.MustDate(2025, 12, 18))
	if err != nil {
		t.Fatal(err)
	}
	if l.Salutation != "Dear Ms Patel" || l.SignOff != "Yours sincerely" || l.Recipient[0] != "Ms Priya Patel" {
		t.Errorf("named letter: %q / %q / %q", l.Salutation, l.SignOff, l.Recipient)
	}
}

func TestReplyDeadlines(t *testing.T) {
	c := loadCase(t, "testdata/cases/sam.json")
	for _, tc := range []struct {
		name   string
		kind   Kind
		policy calc.ComplaintPolicy
		today  calc.Date
		want   calc.Date
	}{
		// 10 working days from 18 December 2025 skip 25, 26 December and 1 January.
		{"code default over Christmas", CouncilStage1, calc.ComplaintPolicy{}, calc.MustDate(2025, 12, 18), calc.MustDate(2026, 1, 6)},
		{"social care over Christmas", SocialCareStage1, calc.ComplaintPolicy{}, calc.MustDate(2025, 12, 18), calc.MustDate(2026, 1, 6)},
		{"council's 20 days", CouncilStage1, calc.ComplaintPolicy{Procedure: calc.ProcedureCorporate, Stage1AnswerDays: 20}, calc.MustDate(2023, 6, 30), calc.MustDate(2023, 7, 28)},
		{"stage 2 default 20 days over Easter 2026", CouncilStage2, calc.ComplaintPolicy{}, calc.MustDate(2026, 3, 27), calc.MustDate(2026, 4, 28)},
		// From 1 April 2026 the Code applies: acknowledgement in 5 working
		// days (8 December), the answer 10 working days after it.
		{"the Code from April 2026", CouncilStage1, calc.ComplaintPolicy{}, calc.MustDate(2026, 12, 1), calc.MustDate(2026, 12, 22)},
		// The parent's own 20 days for a care-plan case (issue 11: the
		// letter said 10).
		{"social care with the council's 20 days", SocialCareStage1, calc.ComplaintPolicy{Procedure: calc.ProcedureCorporate, Stage1AnswerDays: 20}, calc.MustDate(2023, 6, 30), calc.MustDate(2023, 7, 28)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := c
			c.Complaint.Policy = tc.policy
			l, err := Build(tc.kind, c, Inputs{}, tc.today)
			if err != nil {
				t.Fatal(err)
			}
			if !l.ReplyBy.Equal(tc.want) {
				t.Errorf("ReplyBy = %s, want %s", l.ReplyBy.Long(), tc.want.Long())
			}
			text := l.PlainText()
			if !strings.Contains(text, "by "+tc.want.Long()) {
				t.Errorf("letter does not state the reply date %s", tc.want.Long())
			}
			// The rules named are the ones that applied on the letter's date.
			code := strings.Contains(text, "Complaint Handling Code (applied")
			if wantCode := tc.kind != SocialCareStage1 && tc.policy == (calc.ComplaintPolicy{}) && !tc.today.Before(calc.CodeFrom); code != wantCode {
				t.Errorf("names the Code as its source: %v, want %v:\n%s", code, wantCode, text)
			}
			if tc.policy.Stage1AnswerDays > 0 && !strings.Contains(text, plural(tc.policy.Stage1AnswerDays, "working day")) {
				t.Errorf("letter does not use the council's own %d days", tc.policy.Stage1AnswerDays)
			}
		})
	}
	l, _ := Build(OmbudsmanForm, c, Inputs{}, calc.MustDate(2025, 12, 18))
	if !l.ReplyBy.IsZero() || l.IsLetter() || l.Salutation != "" || len(l.Sender) != 0 {
		t.Errorf("Ombudsman form must not be a letter: %+v", l)
	}
}

func TestAvailableAndRoutes(t *testing.T) {
	prov := func(sec calc.Section) calc.Provision {
		return calc.Provision{ID: "p" + string(sec), Section: sec, Type: calc.TypeOT,
			Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.TermTime}
	}
	plan := func(k calc.PlanKind, ps ...calc.Provision) calc.Case {
		return calc.Case{SchemaVersion: 1, Child: calc.Child{FirstName: "Sam"}, Council: "919",
			Plans: []calc.Plan{{ID: "x", Kind: k, Provisions: ps}}}
	}
	keys := func(rs []Route) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.Key)
		}
		return strings.Join(s, ",")
	}
	kinds := func(ks []Kind) string {
		var s []string
		for _, k := range ks {
			s = append(s, string(k))
		}
		return strings.Join(s, ",")
	}
	today := calc.MustDate(2026, 3, 14)
	for _, tc := range []struct {
		name          string
		c             calc.Case
		kinds, routes string
	}{
		{"section F", plan(calc.PlanEHC, prov(calc.SectionF)), "council_stage1,council_stage2,ombudsman_form",
			"council_complaint,ombudsman,send_tribunal,free_help"},
		{"section G only", plan(calc.PlanOther, prov(calc.SectionG)), "", "nhs_complaint,free_help"},
		{"section H in an EHC plan", plan(calc.PlanEHC, prov(calc.SectionH)), "council_stage1,council_stage2,ombudsman_form,social_care_stage1",
			"council_complaint,social_care_complaint,ombudsman,send_tribunal,free_help"},
		{"care plan", plan(calc.PlanCarePlan, prov(calc.SectionH)), "ombudsman_form,social_care_stage1",
			"social_care_complaint,ombudsman,free_help"},
		{"F, G and H", plan(calc.PlanEHC, prov(calc.SectionF), prov(calc.SectionG), prov(calc.SectionH)),
			"council_stage1,council_stage2,ombudsman_form,social_care_stage1",
			"council_complaint,social_care_complaint,ombudsman,nhs_complaint,send_tribunal,free_help"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := kinds(Available(tc.c)); got != tc.kinds {
				t.Errorf("Available = %s, want %s", got, tc.kinds)
			}
			if got := keys(Routes(tc.c, today)); got != tc.routes {
				t.Errorf("Routes = %s, want %s", got, tc.routes)
			}
			if _, err := Build(CouncilStage1, tc.c, Inputs{}, today); (err == nil) != strings.Contains(tc.kinds, "council_stage1") {
				t.Errorf("Build(council_stage1) error = %v", err)
			}
		})
	}
	if _, err := Build(CouncilStage1, plan(calc.PlanCarePlan), Inputs{}, today); !errors.Is(err, ErrNotAvailable) {
		t.Errorf("council letter for a care plan: err = %v, want ErrNotAvailable", err)
	}
	if _, err := Build("nonsense", plan(calc.PlanEHC), Inputs{}, today); err == nil {
		t.Error("unknown kind: no error")
	}
}

func limitOf(rs []Route, key, what string) (Limit, bool) {
	for _, r := range rs {
		if r.Key != key {
			continue
		}
		for _, l := range r.Limits {
			if strings.HasPrefix(l.What, what) {
				return l, true
			}
		}
	}
	return Limit{}, false
}

func TestOmbudsmanTimeLimit(t *testing.T) {
	c := loadCase(t, "testdata/cases/sam.json")
	c.Complaint.ProblemNoticed = calc.MustDate(2026, 3, 14)
	l, ok := limitOf(Routes(c, calc.MustDate(2026, 4, 1)), RouteOmbudsman, "Complain to the Ombudsman by")
	if !ok || !l.Date.Equal(calc.MustDate(2027, 3, 14)) || l.Passed || !l.Parent {
		t.Fatalf("limit = %+v, want 14 March 2027", l)
	}
	if !strings.Contains(l.Note, "usual time limit") || !strings.Contains(l.Note, "discretion") || l.Source != "Local Government Act 1974 s26B" {
		t.Errorf("note/source = %q / %q", l.Note, l.Source)
	}
	// 29 February + 12 months is 28 February.
	c.Complaint.ProblemNoticed = calc.MustDate(2024, 2, 29)
	l, _ = limitOf(Routes(c, calc.MustDate(2025, 3, 1)), RouteOmbudsman, "Complain to the Ombudsman by")
	if !l.Date.Equal(calc.MustDate(2025, 2, 28)) || !l.Passed {
		t.Errorf("limit = %+v, want 28 February 2025, passed", l)
	}
	// Unknown: counts from the first problem in the records (calc's, over
	// everything the Ombudsman looks at: here the short breaks, not in
	// place from 1 September 2025), and says so.
	c.Complaint.ProblemNoticed = calc.Date{}
	l, _ = limitOf(Routes(c, calc.MustDate(2025, 12, 18)), RouteOmbudsman, "Complain to the Ombudsman by")
	if !l.Date.Equal(calc.MustDate(2026, 9, 1)) || !strings.Contains(l.Note, "1 September 2025, the first problem in your records") {
		t.Errorf("limit without a noticed date = %+v", l)
	}
	// NHS route for Section G: 12 months too.
	if l, ok := limitOf(Routes(c, calc.MustDate(2025, 12, 18)), RouteNHS, "Complain to the NHS by"); !ok || !l.Date.Equal(calc.MustDate(2026, 9, 1)) {
		t.Errorf("NHS limit = %+v", l)
	}
}

// TestLetterFacts checks that every letter carries the child's name, the
// council's name, each missed session's date and the estimate's totals.
func TestLetterFacts(t *testing.T) {
	for name, path := range caseFiles(t) {
		c := loadCase(t, path)
		today := goldenToday[name]
		est := calc.EstimateCase(c, calc.DefaultRules(), today)
		council, _ := calc.CouncilByCode(c.Council)
		for _, k := range Available(c) {
			l, err := Build(k, c, goldenInputs(), today)
			if err != nil {
				t.Fatal(err)
			}
			text := l.PlainText()
			for _, want := range []string{c.Child.FirstName, council.Name} {
				if !strings.Contains(text, want) {
					t.Errorf("%s %s: no %q", name, k, want)
				}
			}
			b := newBuilder(k, c, Inputs{}, today)
			typ := decimal.Zero
			for _, ln := range b.lines {
				typ = typ.Add(ln.Typical)
			}
			if len(b.lines) > 0 && !strings.Contains(text, "Total") || len(b.lines) > 0 && !strings.Contains(text, calc.FormatMoney(typ)) {
				t.Errorf("%s %s: no total %s", name, k, calc.FormatMoney(typ))
			}
			if len(b.lines) == len(est.Lines) && len(b.lines) > 0 {
				for _, m := range []decimal.Decimal{est.Low, est.Typical, est.High} {
					if !strings.Contains(text, calc.FormatMoney(m)) {
						t.Errorf("%s %s: no estimate total %s", name, k, calc.FormatMoney(m))
					}
				}
			}
			if !strings.Contains(text, "indicative estimate, not legal advice") && len(b.lines) > 0 {
				t.Errorf("%s %s: no indicative statement", name, k)
			}
			for _, f := range b.facts {
				for _, o := range f.Prov.Outcomes {
					if (o.Status == calc.StatusMissed || o.Status == calc.StatusPrivate) && !o.Date.After(today) && !strings.Contains(text, o.Date.Long()) {
						t.Errorf("%s %s: missed session %s not listed", name, k, o.Date.Long())
					}
				}
				if f.Prov.Wording != "" && !strings.Contains(text, f.Prov.Wording) {
					t.Errorf("%s %s: plan wording not quoted exactly", name, k)
				}
			}
		}
	}
	// The made-up case: Section F only in the council letter, and the
	// whole-estimate totals for the letter that covers all of it.
	c := loadCase(t, "testdata/cases/sam.json")
	l, _ := Build(CouncilStage1, c, goldenInputs(), goldenToday["sam"])
	text := l.PlainText()
	for _, want := range []string{"Hertfordshire County Council", "Sam, date of birth 2 April 2015, Oak Tree Primary School",
		"16 September 2025", "23 September 2025", "14 October 2025", "21 October 2025", "4 November 2025",
		"In total I ask for £", "Children and Families Act 2014", "Copy to: Mr Jones, SEN caseworker", "Yours faithfully"} {
		if !strings.Contains(text, want) {
			t.Errorf("council letter lacks %q", want)
		}
	}
	if strings.Contains(text, "Physiotherapy") || strings.Contains(text, "short-break") {
		t.Error("council letter mentions Section G or H provision")
	}
	l, _ = Build(SocialCareStage1, c, goldenInputs(), goldenToday["sam"])
	if text := l.PlainText(); !strings.Contains(text, "Children Act 1989") || strings.Contains(text, "Occupational therapy") {
		t.Errorf("social care letter: wrong scope:\n%s", text)
	}
}

func TestHTMLEscapesAndIsStandalone(t *testing.T) {
	c := loadCase(t, "testdata/cases/sam.json")
	c.Child.FirstName = `Sam <b>&</b>`
	in := goldenInputs()
	in.Impact = `<script>alert("x")</script>` + "\n\nSecond paragraph"
	in.SenderAddress = []string{`<img src=x onerror=alert(1)>`}
	for _, k := range Available(c) {
		l, err := Build(k, c, in, calc.MustDate(2025, 12, 18))
		if err != nil {
			t.Fatal(err)
		}
		h := l.StandaloneHTML()
		for _, bad := range []string{"<script", "<img", "<b>", "<link", "<iframe", "<a ", ` src="`, ` href="`, "url(", "@import", "http://", "https://"} {
			if strings.Contains(strings.ToLower(h), bad) {
				t.Errorf("%s: HTML contains %q", k, bad)
			}
		}
		for _, want := range []string{"&lt;script&gt;", "@page{size:A4", "break-inside:avoid", "<!DOCTYPE html>", "Sam &lt;b&gt;&amp;&lt;/b&gt;"} {
			if !strings.Contains(h, want) {
				t.Errorf("%s: HTML lacks %q", k, want)
			}
		}
		if k != OmbudsmanForm && !strings.Contains(h, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Errorf("%s: sender address not escaped", k)
		}
	}
}

func TestSessionLogCSV(t *testing.T) {
	for name, path := range caseFiles(t) {
		c := loadCase(t, path)
		today := goldenToday[name]
		b, err := SessionLogCSV(c, today)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Join(recs[0], ",") != strings.Join(CSVHeader, ",") {
			t.Errorf("header = %v", recs[0])
		}
		col := map[string]int{}
		for i, h := range CSVHeader {
			col[h] = i
		}
		type sums struct {
			due, delivered, missed, madeUp, absent, paid, unrecorded int
			cost                                                     decimal.Decimal
		}
		got := map[string]*sums{}
		for _, r := range recs[1:] {
			if len(r) != len(CSVHeader) {
				t.Fatalf("%s: row has %d cells", name, len(r))
			}
			for _, cell := range r {
				if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
					t.Errorf("%s: unguarded cell %q", name, cell)
				}
			}
			if _, err := calc.ParseDate(r[col["date"]]); err != nil || r[col["date"]] == "" {
				t.Errorf("%s: bad date %q", name, r[col["date"]])
			}
			if strings.Contains(r[0], "("+r[col["provision_id"]]+")") {
				t.Errorf("%s: provision name %q shows its internal ID", name, r[0])
			}
			s := got[r[col["provision_id"]]]
			if s == nil {
				s = &sums{cost: decimal.Zero}
				got[r[col["provision_id"]]] = s
			}
			n := func(h string) int { v, _ := strconv.Atoi(r[col[h]]); return v }
			s.due += n("due")
			s.delivered += n("delivered")
			s.missed += n("missed")
			s.madeUp += n("made_up")
			s.absent += n("child_absent")
			s.paid += n("paid_privately")
			s.unrecorded += n("not_recorded")
			cost := r[col["private_cost"]]
			if i := strings.IndexByte(cost, '.'); i < 0 || len(cost)-i != 3 {
				t.Errorf("%s: cost %q not two decimals", name, cost)
			}
			s.cost = s.cost.Add(decimal.RequireFromString(cost))
		}
		cal := calc.CalendarFor(c)
		est := calc.EstimateCase(c, calc.DefaultRules(), today)
		for _, pl := range c.Plans {
			for _, p := range pl.Provisions {
				want := calc.Tally(p, calc.Schedule(p, cal, today), calc.Date{}, today)
				s := got[p.ID]
				if s == nil {
					s = &sums{cost: decimal.Zero}
				}
				if s.due != want.Due || s.delivered != want.Delivered || s.missed != want.Missed || s.madeUp != want.MadeUp ||
					s.absent != want.ChildAbsent || s.paid != want.PaidPrivately || s.unrecorded != want.Unrecorded || !s.cost.Equal(want.PrivateCost) {
					t.Errorf("%s %s: CSV sums %+v, Tally %+v", name, p.ID, *s, want)
				}
				for _, ec := range est.Counts {
					if ec.ProvisionID == p.ID && (ec.Due != s.due || ec.Missed != s.missed) {
						t.Errorf("%s %s: CSV differs from the estimate's counts", name, p.ID)
					}
				}
			}
		}
	}
	b, _ := SessionLogCSV(loadCase(t, "testdata/cases/sam.json"), goldenToday["sam"])
	if !strings.Contains(string(b), `"'=HYPERLINK(""http://x"")"`) {
		t.Errorf("formula not guarded:\n%s", b)
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{"": "", "=1+1": "'=1+1", "+44 7700": "'+44 7700", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)",
		"\t=1": "'\t=1", "note": "note", "2025-01-01": "2025-01-01"} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// The free-help lines the app adds go at the very foot of every form of
// the letter, escaped, and a letter without them has no such foot.
func TestFreeHelpFoot(t *testing.T) {
	c := loadCase(t, "testdata/cases/sam.json")
	l, err := Build(CouncilStage1, c, goldenInputs(), calc.MustDate(2025, 12, 18))
	if err != nil {
		t.Fatal(err)
	}
	plain := l.PlainText()
	l.FreeHelp = []string{"Free help from A & B Forum", "Helpline: 0800 123 4567"}
	text, page := l.PlainText(), l.StandaloneHTML()
	if !strings.HasSuffix(text, "\nFree help from A & B Forum\nHelpline: 0800 123 4567\n") || !strings.HasPrefix(text, plain) {
		t.Errorf("plain text foot:\n%s", text[len(text)-200:])
	}
	if !strings.Contains(page, "Free help from A &amp; B Forum<br>Helpline: 0800 123 4567</p>\n</body>") {
		t.Errorf("HTML foot missing or not escaped")
	}
	if strings.Contains(plain, "Free help from") {
		t.Error("a letter without free-help lines has them")
	}
}

// TestTotalsOnlyNoEnd is the case from issue 11: totals entered for
// February to July 2023, no end date, a letter written in December 2026.
// The letter states the recorded counts and says the rest is unrecorded;
// it never counts the years after July 2023 as due and not had.
func TestTotalsOnlyNoEnd(t *testing.T) {
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "Y"}, Council: "305",
		Plans: []calc.Plan{{ID: "plan-1", Kind: calc.PlanEHC, Issued: calc.MustDate(2022, 11, 1), Provisions: []calc.Provision{{
			ID: "provision-2", Section: calc.SectionF, Type: calc.TypeTherapy,
			Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.TermTime,
			Start:        calc.MustDate(2023, 2, 1),
			CountPeriods: []calc.CountPeriod{{From: calc.MustDate(2023, 2, 1), To: calc.MustDate(2023, 7, 31), Missed: 12}},
		}}}}}
	today := calc.MustDate(2026, 12, 1)
	l, err := Build(CouncilStage1, c, goldenInputs(), today)
	if err != nil {
		t.Fatal(err)
	}
	text := l.PlainText()
	for _, bad := range []string{"153", "0%", "0.0%", "provision-2", "sessions due. Y had none"} {
		if strings.Contains(text, bad) {
			t.Errorf("letter says %q:\n%s", bad, text)
		}
	}
	for _, want := range []string{"I have recorded 12 sessions between 1 February 2023 and 31 July 2023",
		"12 sessions were missed", "Nothing is recorded from "} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
}

// TestCarePlanLetterTruths checks the care-plan letter of issue 11: no
// "Section H of an EHC plan", no asking for help to start again after the
// order ended, the order's dates, and family help signposted.
func TestCarePlanLetterTruths(t *testing.T) {
	c := loadCase(t, "../calc/testdata/seeds/bromley-23-008-648.json")
	c.Plans[0].OrderMade = calc.MustDate(2022, 9, 15)
	c.Plans[0].OrderEnds = calc.MustDate(2023, 9, 14)
	for i := range c.Plans[0].Provisions {
		c.Plans[0].Provisions[i].Section = calc.SectionH // as the provision page lets a parent tick it
	}
	in := goldenInputs()
	in.RecipientAddress = []string{"London Borough of Bromley", "Civic Centre", "Bromley BR1 3UH"}
	today := calc.MustDate(2026, 12, 1)
	l, err := Build(SocialCareStage1, c, in, today)
	if err != nil {
		t.Fatal(err)
	}
	text := l.PlainText()
	for _, bad := range []string{"Section H of an EHC plan", "from " + today.Long(), "gets all of the help in the plan from"} {
		if strings.Contains(text, bad) {
			t.Errorf("care-plan letter says %q:\n%s", bad, text)
		}
	}
	for _, want := range []string{"made under a court order of 15 September 2022", "The order ended on 14 September 2023",
		"while it was due", "within 20 working days"} {
		if !strings.Contains(text, want) {
			t.Errorf("care-plan letter lacks %q:\n%s", want, text)
		}
	}
	// A plan that ended (version 3's plans[].ended) is in the past too.
	ended := c
	ended.Plans = append([]calc.Plan(nil), c.Plans...)
	ended.Plans[0].OrderEnds, ended.Plans[0].Ended = calc.Date{}, calc.MustDate(2023, 9, 14)
	if l2, _ := Build(SocialCareStage1, ended, in, today); !strings.Contains(l2.PlainText(), "while it was due") {
		t.Error("a letter about a plan that ended asks for the help to start again")
	}
	if n := strings.Count(strings.Join(l.Recipient, "\n"), "London Borough of Bromley"); n != 1 {
		t.Errorf("the council's name is in the address %d times: %q", n, l.Recipient)
	}
	var help Route
	for _, r := range Routes(c, today) {
		if r.Key == RouteFreeHelp {
			help = r
		}
	}
	all := strings.Join(help.Steps, "\n")
	if !strings.Contains(all, "Family Rights Group") || !strings.Contains(all, "Contact") || strings.Contains(all, "IPSEA") {
		t.Errorf("free help for a care-plan case: %q", help.Steps)
	}
}

// TestMonthOnlyComplaintDates checks that a complaint the parent dates only
// to its month reads "in March 2026" in the letters, never "on March 2026".
func TestMonthOnlyComplaintDates(t *testing.T) {
	c := loadCase(t, "testdata/cases/sam.json")
	march, _ := calc.ParseDate("2026-03")
	c.Complaint.Stage1Sent, c.Complaint.ProblemNoticed = march, march
	today := calc.MustDate(2026, 9, 1)
	for _, k := range Available(c) {
		l, err := Build(k, c, Inputs{}, today)
		if err != nil {
			t.Fatal(err)
		}
		text := l.PlainText()
		if strings.Contains(text, "on March 2026") {
			t.Errorf("%s says \"on March 2026\":\n%s", k, text)
		}
		if k == CouncilStage2 && !strings.Contains(text, "I made a stage 1 complaint in March 2026") {
			t.Errorf("%s does not say when the stage 1 complaint was made:\n%s", k, text)
		}
	}
}

// TestAskForAnotherFigure checks that a parent's own figure is the one
// asked for, and that the letter still states the estimate's total and
// range truthfully beside it.
func TestAskForAnotherFigure(t *testing.T) {
	c := loadCase(t, "testdata/cases/sam.json")
	today := calc.MustDate(2026, 9, 1)
	in := InputsFrom(c)
	plain, err := Build(CouncilStage1, c, in, today)
	if err != nil {
		t.Fatal(err)
	}
	in.AskFor = decimal.RequireFromString("1234.50")
	l, err := Build(CouncilStage1, c, in, today)
	if err != nil {
		t.Fatal(err)
	}
	words := func(l Letter) string { return strings.Join(strings.Fields(l.PlainText()), " ") }
	before, text := words(plain), words(l)
	// The table and the range are the estimate's, as without the parent's figure.
	m := regexp.MustCompile(`Total (£[0-9,.]+) In total I ask for (£[0-9,.]+)\.`).FindStringSubmatch(before)
	if m == nil || m[1] != m[2] {
		t.Fatalf("without a figure of their own the letter should ask for the table's total: %v", m)
	}
	want := "Total " + m[1] + " In total I ask for £1,234.50. The items above, worked out from the Ombudsman's past decisions, come to " + m[1] + "."
	if !strings.Contains(text, want) {
		t.Errorf("the letter does not say %q:\n%s", want, text)
	}
	r := regexp.MustCompile(`the range for a case like this is £[0-9,.]+ to £[0-9,.]+`)
	if got, was := r.FindString(text), r.FindString(before); got == "" || got != was {
		t.Errorf("the range is %q with the parent's figure, %q without", got, was)
	}
}

// TestPaidAndOffered checks that a payment the council made is taken off
// once and an offer it has not paid is stated, not taken off.
func TestPaidAndOffered(t *testing.T) {
	c := loadCase(t, "testdata/cases/sam.json")
	today := calc.MustDate(2026, 9, 1)
	march, _ := calc.ParseDate("2026-03")
	c.Payments = []calc.Payment{
		{ID: "payment-1", Amount: decimal.RequireFromString("100"), WhatFor: "the missed occupational therapy", Date: calc.MustDate(2026, 2, 2)},
		{ID: "payment-2", Amount: decimal.RequireFromString("250"), WhatFor: "the missed speech and language therapy", Date: march, Offered: true},
	}
	for _, k := range []Kind{CouncilStage1, OmbudsmanForm} {
		l, err := Build(k, c, InputsFrom(c), today)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(l.PlainText()), " ")
		who := map[Kind]string{CouncilStage1: "You", OmbudsmanForm: "The council"}[k]
		for _, want := range []string{
			"-£100.00", // the payment, taken off in the table
			who + " offered £250.00 for the missed speech and language therapy in March 2026. It has not been paid, so it is not taken off the amounts above.",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not say %q:\n%s", k, want, text)
			}
		}
	}
}

// Plans over time: help missed from February 2023 was in the final plan of
// 1 September 2022, carried into the amended plan of 24 May 2023. The
// letter names both plans with the dates calc says each was in force, and
// never says the duty runs from the amended plan's date alone.
func TestLetterNamesThePlanInForce(t *testing.T) {
	salt := calc.Provision{ID: "provision-1", Section: calc.SectionF, Type: calc.TypeSALT, Wording: "Weekly SALT",
		Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}, Weeks: calc.TermTime,
		Weekdays: []string{"monday"}, Start: calc.MustDate(2023, 2, 6),
		Outcomes: []calc.Outcome{{Date: calc.MustDate(2023, 2, 6), Status: calc.StatusMissed}, {Date: calc.MustDate(2023, 2, 13), Status: calc.StatusMissed}}}
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "Ava"}, Council: "305",
		Plans: []calc.Plan{{ID: "plan-1", Kind: calc.PlanEHC, Issued: calc.MustDate(2022, 9, 1), Provisions: []calc.Provision{salt}}}}
	today := calc.MustDate(2023, 7, 10)
	one, err := Build(CouncilStage1, c, Inputs{}, today)
	if err != nil {
		t.Fatal(err)
	}
	if text := one.PlainText(); !strings.Contains(text, "The duty runs from the date of the final plan, 1 September 2022") {
		t.Errorf("one plan:\n%s", text)
	}
	c, problems := calc.CarryForward(c, "plan-1", calc.Plan{Kind: calc.PlanEHC, Title: "amended plan after the phase transfer",
		Issued: calc.MustDate(2023, 5, 24)}, []string{"provision-1"}, calc.Date{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	c.Plans[1].Provisions[0].Outcomes = []calc.Outcome{{Date: calc.MustDate(2023, 6, 5), Status: calc.StatusMissed}}
	l, err := Build(CouncilStage1, c, Inputs{}, today)
	if err != nil {
		t.Fatal(err)
	}
	text := l.PlainText()
	for _, want := range []string{
		"has an education, health and care (EHC) plan dated 24 May 2023",
		"The help was written in the plan dated 1 September 2022 (in force from 1 September 2022 to 23 May 2023), then in the amended plan after the phase transfer dated 24 May 2023 (in force from 24 May 2023).",
		"the duty runs from the date of the plan then in force",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "The duty runs from the date of the final plan, 24 May 2023") {
		t.Errorf("the duty is said to run from the amended plan:\n%s", text)
	}
	// The same help in the two plans is told apart by when each starts.
	for _, want := range []string{"Speech and language therapy (from 6 February 2023)", "Speech and language therapy (from 24 May 2023)"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	// A plan that holds none of the letter's help is not named in it.
	c.Plans[0].Provisions = nil
	if text := mustBuild(t, c, today); !strings.Contains(text, "The duty runs from the date of the final plan, 24 May 2023") || strings.Contains(text, "1 September 2022") {
		t.Errorf("only the amended plan's help:\n%s", text)
	}
}

func mustBuild(t *testing.T, c calc.Case, today calc.Date) string {
	t.Helper()
	l, err := Build(CouncilStage1, c, Inputs{}, today)
	if err != nil {
		t.Fatal(err)
	}
	return l.PlainText()
}

// A plan made final without naming a school: the letter says when the
// school was due, that it is still not named, and asks for one.
func TestLetterAsksForTheSchoolTheFinalPlanLeftOut(t *testing.T) {
	d := calc.MustDate
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "Ava"}, Council: "E10000015",
		Plans: []calc.Plan{{ID: "p", Kind: calc.PlanEHC, Issued: d(2023, 1, 9), LastReview: d(2024, 11, 4),
			Process: calc.ProcessDates{AmendedFinalIssued: d(2025, 1, 27), PlacementRequested: d(2024, 11, 4)}}}}
	text := mustBuild(t, c, d(2025, 6, 2))
	for _, want := range []string{
		"A school or other place named in the plan when it is made final: due 27 January 2025, still not done on 2 June 2025 (18 weeks late).",
		"Name a school or other place in the plan by ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter does not say %q:\n%s", want, text)
		}
	}
	// A plan that has ended cannot name one now: the delay is listed, not asked about.
	ended := c
	ended.Plans = []calc.Plan{c.Plans[0]}
	ended.Plans[0].Ended = d(2025, 4, 30)
	if text := mustBuild(t, ended, d(2025, 6, 2)); strings.Contains(text, "Name a school") {
		t.Errorf("the letter asks an ended plan to name a school:\n%s", text)
	}
	ended.Plans[0].Process = calc.ProcessDates{ReviewOutcomeAwaited: true} // its amended plan never came
	if text := mustBuild(t, ended, d(2025, 6, 2)); !strings.Contains(text, "Final amended plan within 12 weeks") || strings.Contains(text, "Send me the final plan") {
		t.Errorf("an ended plan's late amendment is listed but not asked for:\n%s", text)
	}
	c.Plans[0].Process.PlacementNamed = d(2025, 3, 24)
	text = mustBuild(t, c, d(2025, 6, 2))
	if !strings.Contains(text, "due 27 January 2025, done 24 March 2025, 8 weeks late") || strings.Contains(text, "Name a school") {
		t.Errorf("once named, the letter says how late and asks for nothing more:\n%s", text)
	}
}

// Help in hours on Saturdays is logged by the day it falls on: the letter
// counts days, never "school days", for it.
func TestLetterCountsWeekendHoursInDays(t *testing.T) {
	d := calc.MustDate
	p := calc.Provision{ID: "sb", Type: calc.TypeShortBreaks, Section: calc.SectionH, Weeks: calc.AllYear,
		Weekdays: []string{"saturday"}, Frequency: calc.Frequency{Count: 6, Unit: calc.UnitHours, Per: calc.PerWeek},
		Start: d(2025, 9, 1), Outcomes: []calc.Outcome{{Date: d(2025, 9, 6), Status: calc.StatusMissed}, {Date: d(2025, 9, 13), Status: calc.StatusDelivered}}}
	c := calc.Case{SchemaVersion: calc.SchemaVersion, Child: calc.Child{FirstName: "Ava"}, Council: "E10000015",
		Plans: []calc.Plan{{ID: "p", Kind: calc.PlanEHC, Issued: d(2025, 7, 1), Provisions: []calc.Provision{p}}}}
	l, err := Build(SocialCareStage1, c, Inputs{}, d(2025, 10, 1))
	if err != nil {
		t.Fatal(err)
	}
	text := l.PlainText()
	if !strings.Contains(text, "(days)") || strings.Contains(text, "school day") || !strings.Contains(text, "make up the 1 missed day:") {
		t.Errorf("weekend hours are not counted in days:\n%s", text)
	}
}
