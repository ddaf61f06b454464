//go:build !js

package main

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// Component tests of the "Your child" questions: name, date of birth and
// council. They fill the fields as a parent would, call the page's save
// and check the message by the field and what is stored.

// badAnswer is one wrong answer to a page: how to type it, and the message
// the parent must see by the field.
type badAnswer struct {
	name  string
	fill  func()
	field string
	msg   string
}

// checkBadAnswers types each wrong answer, saves, and checks the message
// is by its field and the stored case did not change.
func checkBadAnswers(t *testing.T, save func() bool, errs func() formErrors, cases []badAnswer) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.fill()
			logsUnchanged(t, save)
			logsWantErrors(t, errs(), map[string]string{c.field: c.msg})
		})
	}
}

// openingTag finds the first opening tag in html with attr in it. go-app
// writes attributes in no fixed order, so a test looks inside the tag.
func openingTag(html, attr string) string {
	for _, tag := range regexp.MustCompile(`<[a-z]+ [^>]*>`).FindAllString(html, -1) {
		if strings.Contains(tag, attr) {
			return tag
		}
	}
	return ""
}

// future is a date after today, as typed.
func future() dateText { return dateTextOf(today().AddDays(1)) }

func TestChildPagesWithNoCase(t *testing.T) {
	logsBook(t, nil)
	for name, c := range map[string]app.Composer{"birth": &childBirthPage{book: book}, "council": &childCouncilPage{book: book}} {
		if text := renderText(t, c); !strings.Contains(text, "Start a record first") {
			t.Errorf("%s page without a record: %s", name, text)
		}
	}
	// Without a record nothing can be saved either.
	if (&childBirthPage{book: book, birth: dt("1", "2", "2015")}).save() || (&childCouncilPage{book: book, council: "891"}).save() {
		t.Error("a page saved an answer with no record open")
	}
	// The name page is where a record starts, so it asks the question.
	if text := renderText(t, &childNamePage{book: book}); !strings.Contains(text, "What is your child's first name?") {
		t.Errorf("name page without a record: %s", text)
	}
}

func TestChildNameStartsARecordWithOnePlan(t *testing.T) {
	logsBook(t, nil)
	p := &childNamePage{book: book}
	p.load(url.Values{})
	if p.save() {
		t.Fatal("an empty name started a record")
	}
	logsWantErrors(t, p.errs, map[string]string{"first-name": "Enter your child's first name"})
	if n := len(book.list()); n != 0 || book.hasCase() {
		t.Fatalf("an empty name left %d records", n)
	}

	p.name = "  Sam  "
	if !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	c := book.current()
	if c.Child.FirstName != "Sam" {
		t.Errorf("name %q, want it without the spaces", c.Child.FirstName)
	}
	if len(c.Plans) != 1 || c.Plans[0].Kind != calc.PlanEHC || len(c.Plans[0].Provisions) != 0 {
		t.Errorf("a new record has plans %+v, want one empty EHC plan", c.Plans)
	}
	if list := book.list(); len(list) != 1 || list[0].ID != book.id {
		t.Errorf("records on the device: %+v", list)
	}

	// Coming back to the page shows the name and changes the same record.
	p = &childNamePage{book: book}
	p.load(url.Values{})
	if p.name != "Sam" {
		t.Errorf("the page shows %q, want the saved name", p.name)
	}
	p.name = "Samuel"
	if !p.save() || book.current().Child.FirstName != "Samuel" || len(book.list()) != 1 {
		t.Errorf("renaming: %v, %d records", p.errs, len(book.list()))
	}

	// A name too long for calc is refused by the field, nothing changed.
	p.name = strings.Repeat("x", 101)
	logsUnchanged(t, p.save)
	if p.errs.of("first-name") == "" {
		t.Errorf("no message by the name for a 101-letter name: %v", p.errs)
	}
}

func TestChildNameNewStartsAnotherRecordOnce(t *testing.T) {
	c := newCase("Amira")
	logsBook(t, &c)
	first := book.id
	book.draft = &calc.Provision{ID: "provision-1"} // Amira's, half added

	p := &childNamePage{book: book}
	p.load(url.Values{"new": {"1"}})
	if p.name != "" {
		t.Errorf("Add another child shows %q, want an empty name", p.name)
	}
	p.name = "Ben"
	// A double tap on Continue: the second press renames, it does not add.
	if !p.save() || !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	if n := len(book.list()); n != 2 {
		t.Errorf("%d records after adding one child, want 2", n)
	}
	if book.id == first || book.current().Child.FirstName != "Ben" {
		t.Errorf("the open record is %q (%s), want Ben's new one", book.current().Child.FirstName, book.id)
	}
	if book.draft != nil {
		t.Error("Amira's half-added provision is still open in Ben's record")
	}
}

func TestChildNameShownAsTyped(t *testing.T) {
	logsBook(t, nil)
	p := &childNamePage{book: book, name: `<script>alert(1)</script><b>Sam</b>`}
	if !p.save() {
		t.Fatalf("save failed: %v", p.errs)
	}
	html := app.HTMLString(&childBirthPage{book: book})
	if strings.Contains(html, "<script>alert") || strings.Contains(html, "<b>Sam") {
		t.Errorf("typed HTML reached the page as HTML:\n%s", html)
	}
	if !strings.Contains(html, "What is &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Sam&lt;/b&gt;&#39;s date of birth?") {
		t.Errorf("the name is not shown literally in the question:\n%s", html)
	}
}

func TestChildBirthBadAnswersChangeNothing(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	p := &childBirthPage{book: book}
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"no such day", func() { p.birth = dt("31", "2", "2024") }, "birth",
			"Date of birth must be a real date: February 2024 has no day 31"},
		{"two-number year", func() { p.birth = dt("3", "4", "24") }, "birth",
			"Date of birth must have a year with 4 numbers, like 2024"},
		{"in the future", func() { p.birth = future() }, "birth", "Date of birth must be today or in the past"},
		{"no month", func() { p.birth = dt("3", "", "2015") }, "birth", "Date of birth must include a month"},
		{"letters", func() { p.birth = dt("x", "4", "2015") }, "birth", "Date of birth must be a real date: the day must be a number"},
	})
	// The messages link to the day box, which the summary's link focuses.
	if len(p.errs) != 1 || p.errs[0].Field != "birth-day" {
		t.Errorf("errors %v, want one on birth-day", p.errs)
	}
	if text := renderText(t, p); !strings.Contains(text, "There is a problem") {
		t.Error("no error summary on the page")
	}

	p.birth = dt("27", "3", "2015")
	if !p.save() || !book.current().Child.DateOfBirth.Equal(calc.MustDate(2015, 3, 27)) {
		t.Fatalf("date of birth not saved: %v %v", p.errs, book.current().Child.DateOfBirth)
	}
	// It is optional: emptying it takes it out.
	q := &childBirthPage{book: book}
	q.OnNav(app.Context{})
	if q.birth != dt("27", "3", "2015") {
		t.Errorf("the page shows %+v, want the saved date", q.birth)
	}
	q.birth = dateText{}
	if !q.save() || !book.current().Child.DateOfBirth.IsZero() {
		t.Errorf("an empty date of birth was not saved as none: %v", q.errs)
	}
}

func TestChildCouncil(t *testing.T) {
	c := newCase("Sam")
	logsBook(t, &c)
	p := &childCouncilPage{book: book}
	checkBadAnswers(t, p.save, func() formErrors { return p.errs }, []badAnswer{
		{"none chosen", func() { p.council = "" }, "council", "Choose the council from the list"},
		// A code that is not on the list (a crafted form) is calc's to refuse.
		{"unknown code", func() { p.council = "not-a-council" }, "council", "This council code is not known"},
	})
	p.council = "891"
	if !p.save() || book.current().Council != "891" {
		t.Fatalf("council not saved: %v", p.errs)
	}
	q := &childCouncilPage{book: book}
	q.OnNav(app.Context{})
	html := app.HTMLString(q)
	if tag := openingTag(html, `value="891"`); !strings.Contains(tag, " selected") {
		t.Errorf("the saved council is not the one chosen in the list:\n%s", html)
	}
	// The list is A to Z by everyday name.
	names := councilsByName()
	for i := 1; i < len(names); i++ {
		if names[i-1].ShortName > names[i].ShortName {
			t.Fatalf("councils out of order: %s before %s", names[i-1].ShortName, names[i].ShortName)
		}
	}
}
