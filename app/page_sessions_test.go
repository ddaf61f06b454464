//go:build !js

package main

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// Component tests of recording sessions: the list with calc's counts, the
// session log (month by month, a row per session) and the totals page.

// logCase is a record with one weekly, term-time provision that ended in
// the past, so the sessions calc expects do not depend on today.
func logCase() calc.Case {
	c := newCase("Sam")
	c.Council = "891"
	c.Plans[0].Provisions = []calc.Provision{{
		ID: "ot", Section: calc.SectionF, Type: calc.TypeOT,
		Frequency: calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek},
		Weeks:     calc.TermTime, Weekdays: []string{"monday"},
		Start: calc.MustDate(2024, 1, 8), End: calc.MustDate(2024, 5, 24),
	}}
	return c
}

// logSchedule is calc's list of the sessions due.
func logSchedule(t *testing.T) []calc.Session {
	t.Helper()
	pr, ok := book.provision("ot")
	if !ok {
		t.Fatal("no provision ot")
	}
	s := calc.Schedule(pr, calc.CalendarFor(book.current()), today())
	if len(s) < 10 {
		t.Fatalf("calc expects %d sessions; the test wants several months of them", len(s))
	}
	return s
}

// logTally is calc's count for the provision as stored.
func logTally(id string) calc.Counts {
	pr, _ := book.provision(id)
	return calc.Tally(pr, calc.Schedule(pr, calc.CalendarFor(book.current()), today()), calc.Date{}, today())
}

// outcomesOf is what is stored for the provision's sessions.
func outcomesOf(t *testing.T, id string) []calc.Outcome {
	t.Helper()
	pr, ok := book.provision(id)
	if !ok {
		t.Fatalf("no provision %s", id)
	}
	return pr.Outcomes
}

// words is the text of a page with every run of spaces made one, so a
// label and its number read as one phrase.
func words(t *testing.T, c app.UI) string {
	t.Helper()
	return strings.Join(strings.Fields(renderText(t, c)), " ") + " "
}

// wantCounts checks that text shows each of calc's counts by its label.
func wantCounts(t *testing.T, text string, n calc.Counts) {
	t.Helper()
	text = strings.Join(strings.Fields(text), " ") + " "
	for label, v := range map[string]int{
		"Due so far": n.Due, "Delivered": n.Delivered, "Missed": n.Missed, "Made up": n.MadeUp,
		"Child absent": n.ChildAbsent, "Paid for by you": n.PaidPrivately, "Not recorded yet": n.Unrecorded,
	} {
		if want := label + " " + strconv.Itoa(v) + " "; !strings.Contains(text, want) {
			t.Errorf("the page does not show calc's %q:\n%s", want, text)
		}
	}
	if want := shareLabel + " " + deliveredShare(n); !strings.Contains(text, want) {
		t.Errorf("the page does not show calc's %q", want)
	}
}

func TestSessionPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	log, count := &sessionLogPage{book: book}, &sessionCountPage{book: book}
	log.load(url.Values{"id": {"ot"}})
	count.load(url.Values{"id": {"ot"}})
	for name, c := range map[string]app.Composer{"sessions": &sessionsPage{book: book}, "log": log, "totals": count} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
	if count.save() {
		t.Error("totals saved with no record")
	}
}

func TestSessionsListShowsCalcCounts(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	if text := renderText(t, &sessionsPage{book: book}); !strings.Contains(text, "First add the help written in the plan.") {
		t.Errorf("sessions with no help: %s", text)
	}

	c = logsSeedBook(t)
	text := renderText(t, &sessionsPage{book: book})
	wantCounts(t, text, logTally("ot"))
	html := app.HTMLString(&sessionsPage{book: book})
	for _, link := range []string{"/sessions/log?id=ot", "/sessions/count?id=ot"} {
		if !strings.Contains(html, link) {
			t.Errorf("no link %s", link)
		}
	}
}

func TestSessionLogGroupsCalcScheduleByMonth(t *testing.T) {
	c := logCase()
	logsBook(t, &c)
	sessions := logSchedule(t)
	p := &sessionLogPage{book: book}
	p.load(url.Values{"id": {"ot"}})

	// Each month holds calc's sessions of that month, in order, and nothing else.
	var keys []string
	byMonth := map[string][]calc.Session{}
	for _, s := range sessions {
		k := s.Date.String()[:7]
		if len(byMonth[k]) == 0 {
			keys = append(keys, k)
		}
		byMonth[k] = append(byMonth[k], s)
	}
	if len(p.months) != len(keys) {
		t.Fatalf("%d months on the page, calc's sessions fall in %d", len(p.months), len(keys))
	}
	for i, m := range p.months {
		want := byMonth[keys[i]]
		if m.Key != keys[i] || len(m.Sessions) != len(want) {
			t.Errorf("month %d: %s with %d sessions, want %s with %d", i, m.Key, len(m.Sessions), keys[i], len(want))
			continue
		}
		for j := range want {
			if m.Sessions[j] != want[j] {
				t.Errorf("%s session %d: %v, want %v", m.Key, j, m.Sessions[j], want[j])
			}
		}
	}
	if p.months[0].Label != "January 2024" || !p.open[p.months[0].Key] || len(p.open) != 1 {
		t.Errorf("first month %q; open %v, want only the first open", p.months[0].Label, p.open)
	}

	text := words(t, p)
	for _, m := range p.months {
		if want := m.Label + " " + strconv.Itoa(len(m.Sessions)) + " due, " + strconv.Itoa(len(m.Sessions)) + " not recorded"; !strings.Contains(text, want) {
			t.Errorf("the page does not show %q:\n%s", want, text)
		}
	}
	wantCounts(t, text, logTally("ot"))

	// The open month draws its rows and the bulk buttons; go-app calls
	// OnInit when it mounts the month.
	first := &sessionMonth{book: book, ProvisionID: "ot", Month: p.months[0], StartOpen: true}
	first.OnInit()
	html := app.HTMLString(first)
	for _, s := range p.months[0].Sessions {
		if !strings.Contains(html, `id="s-`+s.Date.String()+`-0"`) {
			t.Errorf("the open month has no row for %s", s.Date)
		}
	}
	if want := "Mark the " + strconv.Itoa(len(p.months[0].Sessions)) + " not recorded in January 2024 as:"; !strings.Contains(words(t, first), want) {
		t.Errorf("no bulk action %q", want)
	}
	if closed := (&sessionMonth{book: book, ProvisionID: "ot", Month: p.months[1]}); strings.Contains(app.HTMLString(closed), `class="session"`) {
		t.Error("a closed month draws its rows")
	}

	// Once January is all recorded, the page opens at February.
	jan := &sessionMonth{book: book, ProvisionID: "ot", Month: p.months[0]}
	if !jan.markAll(calc.StatusDelivered) {
		t.Fatal("marking January failed")
	}
	p.load(url.Values{"id": {"ot"}})
	if !p.open[p.months[1].Key] || p.open[p.months[0].Key] {
		t.Errorf("open months %v, want the second", p.open)
	}
	wantCounts(t, renderText(t, p), logTally("ot"))

	// Help that is not in the record.
	p.load(url.Values{"id": {"nope"}})
	if text := renderText(t, p); !strings.Contains(text, "We could not find this help in the record.") {
		t.Errorf("unknown help: %s", text)
	}
}

// A recorded session on a day calc does not expect (a moved session) is
// listed in its month too.
func TestSessionLogListsRecordedExtraDays(t *testing.T) {
	c := logCase()
	extra := calc.MustDate(2024, 1, 10) // a Wednesday
	c.Plans[0].Provisions[0].Outcomes = []calc.Outcome{{Date: extra, Status: calc.StatusDelivered}}
	logsBook(t, &c)
	sessions := logSchedule(t)
	p := &sessionLogPage{book: book}
	p.load(url.Values{"id": {"ot"}})
	n := 0
	found := false
	for _, m := range p.months {
		n += len(m.Sessions)
		for _, s := range m.Sessions {
			found = found || s.Date.Equal(extra)
		}
	}
	if !found || n != len(sessions)+1 {
		t.Errorf("%d sessions listed (extra day found: %v), want calc's %d and the extra one", n, found, len(sessions))
	}
}

func TestSessionRowMarkAndBulk(t *testing.T) {
	c := logCase()
	logsBook(t, &c)
	sessions := logSchedule(t)
	pr, _ := book.provision("ot")
	months := monthsOf(calc.LogOf(pr, sessions, calc.Date{}, today()))
	feb := months[1]
	s := feb.Sessions[0]
	r := &sessionRow{book: book, ProvisionID: "ot", MonthKey: feb.Key, Date: s.Date, Seq: s.Seq}

	if !r.mark(calc.Outcome{Status: calc.StatusMissed}) {
		t.Fatalf("mark: %v", r.rowErrors)
	}
	if o, ok := book.outcomeOf("ot", s); !ok || o.Status != calc.StatusMissed {
		t.Fatalf("recorded %+v %v, want missed", o, ok)
	}
	if text := renderText(t, r); !strings.Contains(text, "Missed") {
		t.Errorf("the row does not say missed: %s", text)
	}
	if html := app.HTMLString(r); !regexp.MustCompile(`<button[^>]*choice-on[^>]*>Missed<`).MatchString(html) {
		t.Errorf("the Missed button is not pressed:\n%s", html)
	}
	// A second tap replaces it: still one record for the session.
	if !r.mark(calc.Outcome{Status: calc.StatusChildAbsent}) {
		t.Fatalf("mark: %v", r.rowErrors)
	}
	if outs := outcomesOf(t, "ot"); len(outs) != 1 || outs[0].Status != calc.StatusChildAbsent {
		t.Fatalf("after two taps: %+v", outs)
	}

	// A note stays with the session when its outcome changes.
	r.note = "  Therapist off sick  "
	if !r.saveNote(r.rowID()) {
		t.Fatalf("note: %v", r.rowErrors)
	}
	r.mark(calc.Outcome{Status: calc.StatusMissed})
	if o, _ := book.outcomeOf("ot", s); o.Note != "Therapist off sick" || o.Status != calc.StatusMissed {
		t.Errorf("after a new tap: %+v", o)
	}
	// A note on a session with nothing recorded is refused.
	other := &sessionRow{book: book, ProvisionID: "ot", MonthKey: feb.Key, Date: feb.Sessions[1].Date, Seq: feb.Sessions[1].Seq, note: "x"}
	logsUnchanged(t, func() bool { return other.saveNote(other.rowID()) })
	logsWantErrors(t, other.rowErrors, map[string]string{other.rowID() + "-note": "First choose what happened to this session, then add a note"})

	// Bulk marking fills only the sessions with nothing recorded.
	m := &sessionMonth{book: book, ProvisionID: "ot", Month: feb}
	if !m.markAll(calc.StatusDelivered) {
		t.Fatal("bulk marking failed")
	}
	for i, fs := range feb.Sessions {
		o, ok := book.outcomeOf("ot", fs)
		want := calc.StatusDelivered
		if i == 0 {
			want = calc.StatusMissed
		}
		if !ok || o.Status != want {
			t.Errorf("%s: %+v, want %s", fs.Date, o, want)
		}
	}
	if got := len(outcomesOf(t, "ot")); got != len(feb.Sessions) {
		t.Errorf("%d records for February's %d sessions", got, len(feb.Sessions))
	}
	m.open = true
	text := renderText(t, m)
	if !strings.Contains(text, strconv.Itoa(len(feb.Sessions))+" due, all recorded") || strings.Contains(text, "Mark the") {
		t.Errorf("a fully recorded month: %s", text)
	}

	// The counts are calc's.
	n := logTally("ot")
	if n.Missed != 1 || n.Delivered != len(feb.Sessions)-1 {
		t.Errorf("calc counts %d missed, %d delivered", n.Missed, n.Delivered)
	}
	wantCounts(t, renderText(t, &sessionCounts{book: book, ProvisionID: "ot"}), n)
}

func TestSessionRowMadeUpAndClear(t *testing.T) {
	c := logCase()
	logsBook(t, &c)
	sessions := logSchedule(t)
	s := sessions[2]
	r := &sessionRow{book: book, ProvisionID: "ot", MonthKey: s.Date.String()[:7], Date: s.Date, Seq: s.Seq}
	id := r.rowID()
	if !r.mark(calc.Outcome{Status: calc.StatusMissed}) {
		t.Fatalf("mark: %v", r.rowErrors)
	}
	r.more = true
	if text := renderText(t, r); !strings.Contains(text, "It was made up later, on") {
		t.Errorf("a missed session offers no made-up date: %s", text)
	}

	for _, c := range []struct {
		name string
		date dateText
		msg  string
	}{
		{"before the missed session", dateTextOf(s.Date.AddDays(-1)), "The date it was made up cannot be before the missed session"},
		{"in the future", future(), "The date it was made up must be today or in the past"},
		{"empty", dateText{}, "Enter the date it was made up"},
		{"no such day", dt("31", "2", "2024"), "The date it was made up must be a real date: February 2024 has no day 31"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r.madeUp = c.date
			logsUnchanged(t, func() bool { return r.madeUpOn(id) })
			logsWantErrors(t, r.rowErrors, map[string]string{id + "-madeup": c.msg})
		})
	}

	later := s.Date.AddDays(3)
	r.madeUp = dateTextOf(later)
	if !r.madeUpOn(id) {
		t.Fatalf("made up: %v", r.rowErrors)
	}
	if d, ok := book.madeUpFor("ot", s); !ok || !d.Equal(later) {
		t.Fatalf("made up on %v %v, want %s", d, ok, later)
	}
	outs := outcomesOf(t, "ot")
	if len(outs) != 2 || outs[1].Status != calc.StatusMadeUp || !outs[1].Replaces.Equal(s.Date) || outs[1].ReplacesSeq != s.Seq {
		t.Fatalf("the made-up session is not linked to the missed one: %+v", outs)
	}
	if text := renderText(t, r); !strings.Contains(text, "Made up on "+later.Long()) {
		t.Errorf("the row does not say when it was made up: %s", text)
	}
	if n := logTally("ot"); n.MadeUp != 1 {
		t.Errorf("calc counts %d made up", n.MadeUp)
	}

	// Made up twice: calc refuses, by the date.
	r.madeUp = dateTextOf(later.AddDays(1))
	logsUnchanged(t, func() bool { return r.madeUpOn(id) })
	logsWantErrors(t, r.rowErrors, map[string]string{id + "-madeup": "Another session already makes up for this one"})

	// A tap that would break the link is refused, and the row says why
	// even with More closed.
	r.more = false
	logsUnchanged(t, func() bool { return r.mark(calc.Outcome{Status: calc.StatusDelivered}) })
	if text := renderText(t, r); !strings.Contains(text, "The session it makes up for must be one marked missed") {
		t.Errorf("a refused tap says nothing: %s", text)
	}

	// Clear takes away the outcome and the made-up session linked to it.
	if !r.clear() {
		t.Fatalf("clear: %v", r.rowErrors)
	}
	if outs := outcomesOf(t, "ot"); len(outs) != 0 {
		t.Errorf("after clearing: %+v", outs)
	}
	if _, ok := book.madeUpFor("ot", s); ok {
		t.Error("the made-up link is still there")
	}
	if text := renderText(t, r); !strings.Contains(text, "Not recorded") {
		t.Errorf("a cleared row: %s", text)
	}
}

func TestSessionRowPaidPrivately(t *testing.T) {
	c := logCase()
	logsBook(t, &c)
	s := logSchedule(t)[0]
	r := &sessionRow{book: book, ProvisionID: "ot", MonthKey: s.Date.String()[:7], Date: s.Date, Seq: s.Seq, more: true}
	id := r.rowID()
	for cost, msg := range map[string]string{
		"":       "Enter what you paid, for example 90",
		"0":      "Enter what you paid, for example 90",
		"1e3":    "The cost: use only digits",
		"-5":     "The cost: the amount cannot be negative",
		"ninety": "The cost: use only digits",
	} {
		r.cost = cost
		logsUnchanged(t, func() bool { return r.paidPrivately(id) })
		logsWantErrors(t, r.rowErrors, map[string]string{id + "-cost": msg})
	}
	r.cost = "£90"
	if !r.paidPrivately(id) {
		t.Fatalf("paid: %v", r.rowErrors)
	}
	o, _ := book.outcomeOf("ot", s)
	if o.Status != calc.StatusPrivate || !o.Cost.Equal(decimal.NewFromInt(90)) || r.more {
		t.Errorf("recorded %+v (more open: %v)", o, r.more)
	}
	if text := renderText(t, r); !strings.Contains(text, "Paid by you: £90.00") {
		t.Errorf("the row: %s", text)
	}
}

func TestSessionCountBadAnswersChangeNothing(t *testing.T) {
	logsSeedBook(t)
	p := &sessionCountPage{book: book}
	p.load(url.Values{"id": {"ot"}})
	good := func() {
		p.from, p.to = dt("1", "2", "2024"), dt("1", "3", "2024")
		p.due, p.delivered, p.missed, p.absent, p.paid, p.cost = "", "3", "1", "", "", ""
	}
	cases := []badAnswer{
		{"end before start", func() { p.to = dt("31", "1", "2024") }, "to", "The end of the period must be after the start"},
		{"no start", func() { p.from = dateText{} }, "from", "Enter the start of the period"},
		{"no end", func() { p.to = dateText{} }, "to", "Enter the end of the period"},
		{"end in the future", func() { p.to = future() }, "to", "The end of the period must be today or in the past"},
		{"no numbers", func() { p.delivered, p.missed = "", "" }, "delivered", "Enter at least one number: how many happened or were missed"},
		{"all zero", func() { p.delivered, p.missed = "0", "0" }, "delivered", "Enter at least one number"},
		{"due smaller than recorded", func() { p.due = "3" }, "due", "Sessions due must be at least the sessions that happened plus those missed"},
		{"letters", func() { p.missed = "abc" }, "missed", "Sessions missed must be a whole number, like 12"},
		{"negative", func() { p.absent = "-1" }, "absent", "Sessions your child missed must be 0 or more"},
		{"too many", func() { p.delivered = "5001" }, "delivered", "Sessions that happened looks too large: the most is 5,000"},
		{"bad cost", func() { p.paid, p.cost = "1", "1,000,000" }, "cost", "What you paid: the amount is too large"},
		// calc's own checks, by the box they are about.
		{"cost with none paid for", func() { p.cost = "50" }, "cost", "A cost is only for sessions you paid for yourself"},
		{"overlaps the totals entered", func() { p.from = dt("1", "1", "2024") }, "from", "This period overlaps another count for the same provision"},
	}
	for i := range cases {
		fill := cases[i].fill
		cases[i].fill = func() { good(); fill() }
	}
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, cases)

	// Help that is not in the record: nothing to add to.
	q := &sessionCountPage{book: book}
	q.load(url.Values{"id": {"nope"}})
	q.from, q.to, q.delivered = dt("1", "2", "2024"), dt("1", "3", "2024"), "3"
	logsUnchanged(t, q.save)
	if text := renderText(t, q); !strings.Contains(text, "We could not find this help in the record.") {
		t.Errorf("unknown help: %s", text)
	}
}

func TestSessionCountSavedAndRemoved(t *testing.T) {
	logsSeedBook(t)
	before := logsSaved(t)
	p := &sessionCountPage{book: book}
	p.load(url.Values{"id": {"ot"}})
	p.from, p.to = dt("1", "2", "2024"), dt("1", "3", "2024")
	p.due, p.delivered, p.missed, p.paid, p.cost = "5", "2", "1", "1", "60"
	if !p.save() {
		t.Fatalf("totals: %v", p.errs)
	}
	periods := outcomesPeriods(t)
	if len(periods) != 2 {
		t.Fatalf("%d totals, want the seed's and the new one", len(periods))
	}
	want := calc.CountPeriod{From: calc.MustDate(2024, 2, 1), To: calc.MustDate(2024, 3, 1), Due: 5, Delivered: 2, Missed: 1,
		PaidPrivately: 1, PrivateCost: decimal.NewFromInt(60)}
	got := periods[1]
	if !got.PrivateCost.Equal(want.PrivateCost) {
		t.Errorf("cost %s", got.PrivateCost)
	}
	got.PrivateCost, want.PrivateCost = decimal.Decimal{}, decimal.Decimal{}
	if got != want {
		t.Errorf("stored %+v, want %+v", got, want)
	}
	text := renderText(t, p)
	if !strings.Contains(text, "1 February 2024 to 1 March 2024") || !strings.Contains(text, "5 due, 2 happened, 1 missed, 1 paid for by you (£60.00)") {
		t.Errorf("the totals entered are not listed: %s", text)
	}
	wantCounts(t, renderText(t, &sessionsPage{book: book}), logTally("ot"))

	p.remove(app.Context{}, 1)
	if after := logsSaved(t); after != before {
		t.Errorf("removing the totals did not take them out:\nbefore %s\nafter  %s", before, after)
	}
}

// outcomesPeriods is the totals stored for the seed's provision.
func outcomesPeriods(t *testing.T) []calc.CountPeriod {
	t.Helper()
	pr, ok := book.provision("ot")
	if !ok {
		t.Fatal("no provision ot")
	}
	return pr.CountPeriods
}

// The share delivered is calc's, or says truly why there is none.
func TestDeliveredShareWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    calc.Counts
		want string
	}{
		{"a share", calc.Counts{Recorded: 4, Delivered: 3, PercentDelivered: decimal.NewFromInt(75), HasPercent: true}, "75.0%"},
		{"only missed recorded", calc.Counts{Recorded: 8, Missed: 8, Unrecorded: 16}, "not worked out: only missed sessions are recorded"},
		{"only the child's absences", calc.Counts{Recorded: 2, ChildAbsent: 2}, "none recorded yet"},
		{"nothing", calc.Counts{Unrecorded: 5}, "none recorded yet"},
	} {
		if got := deliveredShare(tc.n); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
