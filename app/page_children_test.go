//go:build !js

package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// Component tests of the children page: every child's record on this
// device, to open, add or remove.

// addChild starts a record through the name page, as "Add another child"
// does, and returns its id.
func addChild(t *testing.T, name string) string {
	t.Helper()
	p := &childNamePage{book: book}
	p.load(url.Values{"new": {"1"}})
	p.name = name
	if !p.save() {
		t.Fatalf("adding %s: %v", name, p.errs)
	}
	return book.id
}

func TestChildrenPageWithNoRecords(t *testing.T) {
	logsBook(t, nil)
	text := renderText(t, &childrenPage{book: book})
	if !strings.Contains(text, "There are no records on this device yet.") || !strings.Contains(text, "Add another child") {
		t.Errorf("children without records: %s", text)
	}
}

func TestChildrenListOpenRemove(t *testing.T) {
	logsBook(t, nil)
	amira := addChild(t, "Amira")
	ben := addChild(t, `Ben <script>alert(1)</script>`)

	p := &childrenPage{book: book}
	p.OnNav(app.Context{})
	html := app.HTMLString(p)
	if strings.Contains(html, "<script>alert") || !strings.Contains(html, "Ben &lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the typed name is not shown literally:\n%s", html)
	}
	text := words(t, p)
	if !strings.Contains(text, "Amira") || strings.Count(text, "Open now") != 1 || !strings.Contains(text, "Open Amira's record") {
		t.Errorf("the list should show both, Ben's open and Amira's to open:\n%s", text)
	}
	if !strings.Contains(html, `href="/child/name?new=1"`) {
		t.Error("no link to add another child")
	}

	// Open Amira's: her record, and nothing half-done of Ben's comes along.
	book.draft = &calc.Provision{ID: "provision-1"}
	if !p.openRecord(amira) {
		t.Fatalf("opening Amira's record: %s", book.saveError)
	}
	if book.id != amira || book.current().Child.FirstName != "Amira" || book.draft != nil {
		t.Errorf("open %q (%s), draft %v", book.current().Child.FirstName, book.id, book.draft)
	}
	if p.openRecord("no-such-record") || book.id != amira {
		t.Error("opening a record that is not there changed the open one")
	}
	book.saveError = ""

	// Remove asks first, then removes Ben's only.
	p.confirm = ben
	if text := words(t, p); !strings.Contains(text, "Everything you entered for Ben") || !strings.Contains(text, "Yes, remove it") {
		t.Errorf("no confirmation: %s", text)
	}
	amiraBefore := logsSaved(t)
	p.remove(app.Context{}, ben)
	if list := book.list(); len(list) != 1 || list[0].ID != amira {
		t.Errorf("after removing Ben's: %+v", list)
	}
	if p.confirm != "" || strings.Contains(renderText(t, p), "Ben") {
		t.Error("Ben's record is still on the page")
	}
	if logsSaved(t) != amiraBefore || book.id != amira {
		t.Error("removing Ben's record touched Amira's")
	}

	// Removing the open record, the last one, leaves none open.
	p.remove(app.Context{}, amira)
	if book.hasCase() || len(book.list()) != 0 {
		t.Errorf("after removing the last record: open %q, %d listed", book.id, len(book.list()))
	}
	if text := renderText(t, &tasksPage{book: book}); !strings.Contains(text, "There is no record on this device yet.") {
		t.Errorf("the record's page after removing it: %s", text)
	}
}

func TestChildrenRemoveOpenRecordOpensAnother(t *testing.T) {
	logsBook(t, nil)
	amira := addChild(t, "Amira")
	ben := addChild(t, "Ben")
	book.draft = &calc.Provision{ID: "provision-1"}
	(&childrenPage{book: book}).remove(app.Context{}, ben)
	if book.id != amira || book.current().Child.FirstName != "Amira" {
		t.Errorf("open %q, want Amira's", book.current().Child.FirstName)
	}
	if book.draft != nil {
		t.Error("Ben's half-added help is still open")
	}
}
