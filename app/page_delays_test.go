//go:build !js

package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

func TestDelayPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	for name, c := range map[string]app.Composer{
		"delays": &delaysPage{book: book}, "deadlines": &deadlinesPage{book: book}, "procedure": &complaintProcedurePage{book: book},
		"timescales": &complaintTimescalesPage{book: book}, "stage 1": &complaintStage1Page{complaintDatesPage{book: book, q: complaintStage1Q}},
	} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
}

func TestDeadlinesShowCalcNumbers(t *testing.T) {
	c := logsSeedCase(t)
	// Give the seed a complaint so there are met, late and overdue limits.
	c.Complaint = calc.Complaint{ProblemNoticed: calc.MustDate(2023, 3, 1),
		Stage1Sent: calc.MustDate(2023, 11, 1), Stage1Acknowledged: calc.MustDate(2023, 11, 2),
		Stage1Answered: calc.MustDate(2023, 12, 20), Stage2Sent: calc.MustDate(2024, 1, 2)}
	logsBook(t, &c)
	text := renderText(t, &deadlinesPage{book: book})
	list := calc.Deadlines(c, calc.CalendarFor(c), today())
	if len(list) < 5 {
		t.Fatalf("want several deadlines from calc, got %d", len(list))
	}
	statuses := map[calc.DeadlineStatus]bool{}
	for _, d := range list {
		statuses[d.Status] = true
		for _, want := range []string{d.Rule, d.Source, d.Due.Long(), deadlineStatusWords[d.Status].text} {
			if !strings.Contains(text, want) {
				t.Errorf("deadline %s: the page does not show %q", d.Key, want)
			}
		}
		if d.Status == calc.Late || d.Status == calc.Overdue {
			if !strings.Contains(text, "("+strconv.Itoa(d.WorkingDaysLate)+" working day") {
				t.Errorf("deadline %s: the page does not show calc's %d working days late", d.Key, d.WorkingDaysLate)
			}
			if d.WeeksLate > 1 && !strings.Contains(text, strconv.Itoa(d.WeeksLate)+" weeks (") {
				t.Errorf("deadline %s: the page does not show calc's %d weeks late", d.Key, d.WeeksLate)
			}
		}
	}
	for _, s := range []calc.DeadlineStatus{calc.Met, calc.Late, calc.Overdue} {
		if !statuses[s] {
			t.Errorf("the test case has no %s deadline", s)
		}
	}
	// Stage 1 answered on 20 December 2023, due 10 working days after 1 November.
	if !strings.Contains(text, "Stage 1 complaint answered within 10 working days") {
		t.Errorf("the stage 1 rule is missing:\n%s", text)
	}
}

func TestDeadlineLatenessWords(t *testing.T) {
	for _, c := range []struct {
		d    calc.Deadline
		want string
	}{
		{calc.Deadline{Status: calc.Met}, "Not late"},
		{calc.Deadline{Status: calc.Pending}, "Not late"},
		{calc.Deadline{Status: calc.Late, WeeksLate: 0, WorkingDaysLate: 3}, "Less than a week (3 working days)"},
		{calc.Deadline{Status: calc.Late, WeeksLate: 1, WorkingDaysLate: 1}, "1 week (1 working day)"},
		{calc.Deadline{Status: calc.Overdue, WeeksLate: 128, WorkingDaysLate: 630}, "128 weeks (630 working days) so far"},
	} {
		if got := deadlineLateness(c.d); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
}

func TestDeadlinesWithNoDates(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	if text := renderText(t, &deadlinesPage{book: book}); !strings.Contains(text, "There are no deadlines to show yet") {
		t.Errorf("empty deadlines page: %s", text)
	}
}

func TestComplaintDatesBadAnswersChangeNothing(t *testing.T) {
	logsSeedBook(t)
	p := &complaintStage1Page{complaintDatesPage{book: book, q: complaintStage1Q}}
	p.load()
	p.dates[1] = dt("5", "1", "2024") // acknowledged, with no date sent
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"sent": "Enter the date you sent the complaint"})

	p.dates[0], p.dates[1] = dt("10", "1", "2024"), dt("5", "1", "2024") // acknowledged before it was sent: calc says
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"ack": "The acknowledgement cannot come before the complaint"})

	p.dates[1] = dt("31", "2", "2024")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"ack": "must be a real date: February 2024 has no day 31"})

	p.dates[1], p.dates[2] = dt("12", "1", "2024"), dt("1", "1", "2099")
	logsUnchanged(t, p.save)
	logsWantErrors(t, p.errs, map[string]string{"answered": "must be today or in the past"})

	p.dates[2] = dt("", "", "")
	if !p.save() {
		t.Fatalf("good dates not saved: %v", p.errs)
	}
	cp := book.current().Complaint
	if cp.Stage1Sent != calc.MustDate(2024, 1, 10) || cp.Stage1Acknowledged != calc.MustDate(2024, 1, 12) {
		t.Errorf("complaint not saved: %+v", cp)
	}

	// Stage 2 before stage 1: calc's message by the date sent.
	s2 := &complaintStage2Page{complaintDatesPage{book: book, q: complaintStage2Q}}
	s2.load()
	s2.dates[0] = dt("1", "1", "2024")
	logsUnchanged(t, s2.save)
	logsWantErrors(t, s2.errs, map[string]string{"sent": "Stage 2 must come after stage 1"})

	text := renderText(t, &delaysPage{book: book})
	for _, want := range []string{"10 January 2024", "12 January 2024", "/complaint/stage1?return=/delays", "/plan/dates?return=/delays"} {
		if !strings.Contains(text+app.HTMLString(&delaysPage{book: book}), want) {
			t.Errorf("the delays page does not show %q", want)
		}
	}
}

func TestComplaintProcedureAndTimescales(t *testing.T) {
	logsSeedBook(t)
	pp := &complaintProcedurePage{book: book}
	pp.load()
	logsUnchanged(t, pp.save)
	logsWantErrors(t, pp.errs, map[string]string{"procedure": "Choose the complaints procedure"})
	pp.procedure = string(calc.ProcedureSocialCare)
	if !pp.save() {
		t.Fatal(pp.errs)
	}

	tp := &complaintTimescalesPage{book: book}
	tp.load()
	// The social care defaults come from calc: no time to acknowledge, 10 and 25 to answer.
	if tp.days != [4]string{"", "10", "", "25"} {
		t.Errorf("timescales shown: %q", tp.days)
	}
	tp.days[1] = "ten"
	tp.days[3] = "0"
	logsUnchanged(t, tp.save)
	logsWantErrors(t, tp.errs, map[string]string{"s1-answer": "write a whole number", "s2-answer": "1 or more"})

	tp.days[1], tp.days[3] = "200", "25"
	logsUnchanged(t, tp.save)
	logsWantErrors(t, tp.errs, map[string]string{"s1-answer": "looks too large"})

	tp.days[1], tp.source = "15", "<i>Council website</i>"
	if !tp.save() {
		t.Fatal(tp.errs)
	}
	pol := book.current().Complaint.Policy
	if pol.Stage1AnswerDays != 15 || pol.Stage2AnswerDays != 0 || pol.Source != "<i>Council website</i>" {
		t.Errorf("policy saved as %+v; a default should be kept as 0", pol)
	}
	html := app.HTMLString(&delaysPage{book: book})
	if !strings.Contains(html, "Council&#39;s complaint policy: &lt;i&gt;Council website&lt;/i&gt;") {
		t.Errorf("the source is not shown as typed:\n%s", html)
	}
}

// Every complaint page fits in the boxes a page keeps: a question with
// more dates than maxComplaintDates would lose what is typed in the rest.
func TestComplaintQuestionsFitTheirBoxes(t *testing.T) {
	for _, q := range complaintSteps {
		if len(q.dates) > maxComplaintDates {
			t.Errorf("%s asks %d dates; complaintDatesPage keeps %d", q.path, len(q.dates), maxComplaintDates)
		}
	}
}

// Only the time limits changed on the page are saved: a limit another tab
// saved while the page was open stays as that tab saved it.
func TestTimescalesSaveOnlyWhatWasChanged(t *testing.T) {
	other := twoTabs(t, logsSeedCase(t))
	tp := &complaintTimescalesPage{book: book}
	tp.load()
	other.change(func(c *calc.Case) {
		c.Complaint.Policy.Stage2AnswerDays = 30
		c.Complaint.Policy.Source = "Policy read in the other tab"
	})
	tp.days[1] = "15"
	if !tp.save() {
		t.Fatal(tp.errs)
	}
	pol := other.stored().Complaint.Policy
	if pol.Stage1AnswerDays != 15 || pol.Stage2AnswerDays != 30 || pol.Source != "Policy read in the other tab" {
		t.Errorf("saved %+v; want this page's stage 1 (15) and the other tab's stage 2 (30) and source", pol)
	}
	if tp.days[3] != "30" {
		t.Errorf("after saving, the page shows stage 2 as %q, not the saved 30", tp.days[3])
	}
}
