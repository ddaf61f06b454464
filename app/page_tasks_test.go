//go:build !js

package main

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// Component tests of the task list: each part's status follows what the
// parent has entered, through the pages that enter it.

func TestTasksPageWithNoCase(t *testing.T) {
	logsBook(t, nil)
	text := renderText(t, &tasksPage{book: book})
	if !strings.Contains(text, "There is no record on this device yet.") || !strings.Contains(text, "Start a record") {
		t.Errorf("tasks without a record: %s", text)
	}
}

// wantTasks checks the statuses of the task list, in order, both as
// tasksFor gives them and as the page shows them.
func wantTasks(t *testing.T, step string, want ...taskStatus) {
	t.Helper()
	tasks := tasksFor(book.current(), today())
	if len(tasks) != len(want) {
		t.Fatalf("%s: %d tasks, want %d", step, len(tasks), len(want))
	}
	text := words(t, &tasksPage{book: book})
	for i, task := range tasks {
		if task.Status != want[i] {
			t.Errorf("%s: %q is %s, want %s", step, task.Name, task.Status, want[i])
		}
		if shown := task.Name + " " + want[i].String(); !strings.Contains(text, shown) {
			t.Errorf("%s: the page does not show %q:\n%s", step, shown, text)
		}
	}
}

func TestTaskStatusesFollowTheCase(t *testing.T) {
	logsBook(t, nil)
	const (
		no   = notStarted
		part = inProgress
		done = completed
		wait = cannotStartYet
	)
	mustSave := func(what string, save func() bool) {
		t.Helper()
		if !save() {
			t.Fatalf("%s was not saved", what)
		}
	}

	mustSave("name", (&childNamePage{book: book, name: "Sam"}).save)
	//              child plan  help  sessions contacts check summary
	wantTasks(t, "a new record", part, part, no, wait, no, wait, wait)

	mustSave("council", (&childCouncilPage{book: book, council: "891"}).save)
	wantTasks(t, "council chosen", done, part, no, wait, no, wait, wait)

	mustSave("plan date", (&planDatePage{book: book, q: planIssued, date: dt("8", "1", "2024")}).save)
	wantTasks(t, "plan dated", done, done, no, wait, no, wait, wait)

	// Help added through its steps: sessions can start, nothing recorded yet.
	(&provisionTypePage{provisionStep: provisionStep{book: book}}).load(url.Values{"new": {"1"}})
	book.draft.Type, book.draft.Weeks, book.draft.Weekdays = calc.TypeOT, calc.TermTime, []string{"monday"}
	book.draft.Frequency = calc.Frequency{Count: 1, Unit: calc.UnitSessions, Per: calc.PerWeek}
	book.draft.Start, book.draft.End = calc.MustDate(2024, 1, 8), calc.MustDate(2024, 3, 1)
	mustSave("help", (&provisionCheckPage{provisionStep: provisionStep{book: book}}).save)
	wantTasks(t, "help added", done, done, done, no, no, no, no)

	pr, _ := book.provision("provision-1")
	sessions := calc.Schedule(pr, calc.CalendarFor(book.current()), today())
	if len(sessions) < 2 {
		t.Fatalf("calc expects %d sessions", len(sessions))
	}
	first := &sessionRow{book: book, ProvisionID: pr.ID, Date: sessions[0].Date, Seq: sessions[0].Seq}
	mustSave("a session", func() bool { return first.mark(calc.Outcome{Status: calc.StatusMissed}) })
	wantTasks(t, "one session recorded", done, done, done, part, no, no, no)

	for _, m := range monthsOf(calc.LogOf(pr, sessions, calc.Date{}, today())) {
		month := &sessionMonth{book: book, ProvisionID: pr.ID, Month: m}
		mustSave("a month", func() bool { return month.markAll(calc.StatusDelivered) })
	}
	if n := logTally(pr.ID); n.Unrecorded != 0 {
		t.Fatalf("calc has %d sessions not recorded after marking every month", n.Unrecorded)
	}
	wantTasks(t, "every session recorded", done, done, done, done, no, no, no)

	contact := &contactPage{book: book}
	contact.load(url.Values{"new": {"1"}})
	contact.date, contact.kind = dt("1", "2", "2024"), string(calc.ContactEmail)
	mustSave("contact", contact.save)
	wantTasks(t, "a contact", done, done, done, done, part, no, no)

	mustSave("complaint", func() bool {
		return len(book.change(func(c *calc.Case) { c.Complaint.Stage1Sent = calc.MustDate(2024, 2, 5) })) == 0
	})
	mustSave("letter", func() bool {
		return len(book.change(func(c *calc.Case) { c.Letter.SenderName = "A Parent" })) == 0
	})
	wantTasks(t, "complaint sent, letter started", done, done, done, done, done, no, part)
}

func TestTasksPageLinks(t *testing.T) {
	c := newCase(`<script>alert(1)</script>`)
	logsBook(t, &c)
	tasks := tasksFor(book.current(), today())
	html := renderText(t, &tasksPage{book: book})
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;'s record") {
		t.Errorf("the name is not shown as typed:\n%s", html)
	}
	page := app.HTMLString(&tasksPage{book: book})
	for i, task := range tasks {
		link := `href="` + task.Path + `"`
		if task.Status == cannotStartYet {
			if strings.Contains(page, link) {
				t.Errorf("%q cannot start yet but is a link", task.Name)
			}
			continue
		}
		if !strings.Contains(page, link) || !strings.Contains(page, `id="task-status-`+strconv.Itoa(i)+`"`) {
			t.Errorf("%q: no link to %s with its status", task.Name, task.Path)
		}
	}
}
