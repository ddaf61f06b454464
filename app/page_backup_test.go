//go:build !js

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/backup"
	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// Component tests of the data-safety pages: the parent's record in a
// memory storage that two "tabs" (two stores) can share.

func seedCase(t *testing.T) calc.Case {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "calc", "testdata", "seeds", "notts-23-009-620.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := calc.DecodeCaseFile(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// freshBook gives the app a book on mem with one saved case, open.
func freshBook(t *testing.T, mem *casestore.Memory, c calc.Case) string {
	t.Helper()
	s, err := casestore.Open(mem, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := s.Create(c)
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := casestore.Open(mem, time.Now)
	book = &caseBook{store: s2}
	if err := book.switchTo(id); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book = &caseBook{} })
	return id
}

// render mounts c in go-app's test engine and returns the page's text.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return renderText(t, c)
}

func mustContain(t *testing.T, text string, want ...string) {
	t.Helper()
	text = strings.Join(strings.Fields(text), " ")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the page does not say %q:\n%s", w, text)
		}
	}
}

func TestBackupPageOffersTheOpenRecord(t *testing.T) {
	mem := casestore.NewMemory()
	c := seedCase(t)
	freshBook(t, mem, c)
	p := &backupPage{book: book}
	text := render(t, p)
	mustContain(t, text, "Download a backup", c.Child.FirstName+"'s record", "Last backup Never",
		"You have not downloaded a backup", "Protect the file with a passphrase?", "Download backup file")
	if strings.Contains(text, "Home Screen") {
		t.Error("the Home Screen tip shows outside an Apple browser")
	}

	book = &caseBook{}
	text = render(t, &backupPage{book: book})
	mustContain(t, text, "There is no record on this device to back up yet.")
}

func TestBackupPassphraseIsChecked(t *testing.T) {
	freshBook(t, casestore.NewMemory(), seedCase(t))
	p := &backupPage{book: book, lock: "yes", pass: "short", pass2: "short"}
	render(t, p)
	p.lock, p.pass, p.pass2 = "yes", "short", "short"
	p.submit(app.Context{})
	if p.errs.of("passphrase") == "" {
		t.Errorf("a short passphrase is accepted: %v", p.errs)
	}
	p.pass, p.pass2 = "purple kite river", "purple kite rivers"
	p.submit(app.Context{})
	if p.errs.of("passphrase-again") == "" {
		t.Errorf("two different passphrases are accepted: %v", p.errs)
	}
}

func TestReminderGoesAfterABackup(t *testing.T) {
	id := freshBook(t, casestore.NewMemory(), seedCase(t))
	if !strings.Contains(renderText(t, keepSafeReminder(book)), "Make a backup") {
		t.Fatal("no reminder before any backup")
	}
	if err := book.store.MarkBackedUp(id, book.rev); err != nil {
		t.Fatal(err)
	}
	if text := renderText(t, keepSafeReminder(book)); strings.Contains(text, "Make a backup") {
		t.Errorf("reminder still shown after a backup: %s", text)
	}
	book.change(func(c *calc.Case) { c.Child.FirstName = "Sam" })
	mustContain(t, renderText(t, keepSafeReminder(book)), "You have changed Sam's record since your last backup")
}

func TestUnreadableDataIsShownAndKept(t *testing.T) {
	mem := casestore.NewMemory()
	id := freshBook(t, mem, seedCase(t))
	keys, _ := mem.Keys()
	var version string
	for _, k := range keys {
		if strings.Contains(k, ":v") {
			version = k
		}
	}
	mem.Set(version, `{"format":"provision-tracker/saved-case", broken`)
	s, _ := casestore.Open(mem, time.Now)
	book = &caseBook{store: s}

	mustContain(t, renderText(t, dataSafetyNotices(book)), "Some saved information could not be read", "See what could not be read")
	text := render(t, &problemsPage{book: book})
	mustContain(t, text, "Saved information that could not be read", "could not be read", "Download it as it is",
		"Stored as "+version, "Remove it from this device")
	if raw, _, _ := mem.Get(version); raw != `{"format":"provision-tracker/saved-case", broken` {
		t.Error("the unreadable data was changed")
	}
	_ = id
}

func TestAnotherTabsChangeIsLoaded(t *testing.T) {
	mem := casestore.NewMemory()
	id := freshBook(t, mem, seedCase(t))
	other, _ := casestore.Open(mem, time.Now)
	c, rev, err := other.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	c.Child.FirstName = "Changed elsewhere"
	if _, err := other.Save(id, c, rev); err != nil {
		t.Fatal(err)
	}
	book.otherTabChanged("pt:case:" + id)
	if book.current().Child.FirstName != "Changed elsewhere" || book.notice != "Updated from another tab" {
		t.Fatalf("not reloaded: %q, notice %q", book.current().Child.FirstName, book.notice)
	}
	mustContain(t, renderText(t, dataSafetyNotices(book)), "Updated from another tab")
	// A change here now saves on top of it.
	if probs := book.change(func(c *calc.Case) { c.Child.FirstName = "Here" }); probs != nil || book.saveError != "" {
		t.Fatalf("save after reload: %v %s", probs, book.saveError)
	}
}

func TestConflictChoices(t *testing.T) {
	for _, keep := range []string{"mine", "other"} {
		t.Run(keep, func(t *testing.T) {
			mem := casestore.NewMemory()
			id := freshBook(t, mem, seedCase(t))
			other, _ := casestore.Open(mem, time.Now)
			c, rev, _ := other.Load(id)
			c.Child.FirstName = "Theirs"
			if _, err := other.Save(id, c, rev); err != nil {
				t.Fatal(err)
			}
			// This tab has not heard yet (no storage event) and saves.
			book.change(func(c *calc.Case) { c.Child.FirstName = "Mine" })
			if book.other == nil || !book.dirty {
				t.Fatalf("no conflict: %+v", book)
			}
			if book.current().Child.FirstName != "Mine" {
				t.Error("this tab's change is no longer on screen")
			}
			mustContain(t, renderText(t, dataSafetyNotices(book)), "changed in another tab", "Keep the other tab's version", "Keep this tab's version")
			if keep == "mine" {
				book.keepMine()
			} else {
				book.keepOther()
			}
			want := map[string]string{"mine": "Mine", "other": "Theirs"}[keep]
			fresh, _ := casestore.Open(mem, time.Now)
			stored, _, err := fresh.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Child.FirstName != want || book.current().Child.FirstName != want || book.other != nil || book.dirty {
				t.Errorf("stored %q, shown %q, want %q (other %v, dirty %v, error %q)", stored.Child.FirstName,
					book.current().Child.FirstName, want, book.other, book.dirty, book.saveError)
			}
		})
	}
}

// The other tab saves while this one has an unsaved change (storage was
// full): nothing is replaced without asking.
func TestUnsavedChangeIsNotReplacedByAnotherTab(t *testing.T) {
	mem := casestore.NewMemory()
	id := freshBook(t, mem, seedCase(t))
	book.dirty = true
	book.c.Child.FirstName = "Unsaved here"
	other, _ := casestore.Open(mem, time.Now)
	c, rev, _ := other.Load(id)
	c.Child.FirstName = "Theirs"
	other.Save(id, c, rev)
	book.otherTabChanged("pt:case:" + id)
	if book.current().Child.FirstName != "Unsaved here" || book.other == nil {
		t.Errorf("unsaved change replaced: %q, other %v", book.current().Child.FirstName, book.other)
	}
}

func TestDeleteEverythingLeavesNothing(t *testing.T) {
	mem := casestore.NewMemory()
	id := freshBook(t, mem, seedCase(t))
	book.store.MarkBackedUp(id, book.rev)
	mem.Set("pt:case:zzzzzzzzzz:v1-aaaaaa", "junk")
	mem.Set("other-app", "kept")
	s, _ := casestore.Open(mem, time.Now)
	book.store = s
	p := &deletePage{book: book}
	mustContain(t, render(t, p), "Delete everything from this device", "There is 1 child's record", "could not be read")
	mustContain(t, renderText(t, &deletePage{book: book, confirming: true}), "Are you sure", "Yes, delete everything")
	p.deleteAll(app.Context{}, app.Event{})
	keys, _ := mem.Keys()
	if len(keys) != 1 || keys[0] != "other-app" {
		t.Errorf("left in storage: %v", keys)
	}
	if !p.done {
		t.Error("the page does not say it is done")
	}
	mustContain(t, renderText(t, &deletePage{book: book, done: true}), "Everything has been deleted")
	if book.hasCase() {
		t.Error("the book still shows a record")
	}
}

// Removing one record from the list leaves nothing of it: no versions, no
// backup mark, no unreadable data.
func TestRemoveOneRecordLeavesNothingOfIt(t *testing.T) {
	mem := casestore.NewMemory()
	c := seedCase(t)
	id := freshBook(t, mem, c)
	book.change(func(c *calc.Case) { c.Child.FirstName = "Second save" })
	book.store.MarkBackedUp(id, book.rev)
	c2 := c
	c2.Child.FirstName = "Other child"
	otherID, _, _ := book.store.Create(c2)
	(&childrenPage{book: book}).remove(app.Context{}, id)
	keys, _ := mem.Keys()
	for _, k := range keys {
		if strings.Contains(k, id) {
			t.Errorf("%s is left after removing the record", k)
		}
	}
	if book.id != otherID {
		t.Errorf("open record %q, want the other child %q", book.id, otherID)
	}
}

func TestImportAddsOrReplaces(t *testing.T) {
	mem := casestore.NewMemory()
	c := seedCase(t)
	id := freshBook(t, mem, c)
	_, data, err := backup.Export(c, calc.MustDate(2026, 11, 25))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := backup.Import(data, "", existingRecords(book))
	if err != nil || plan.Match == nil || plan.Match.ID != id {
		t.Fatalf("plan %+v, %v", plan, err)
	}
	p := &importPage{book: book}
	render(t, p)
	p.plan, p.fileName = &plan, "provision-tracker-x.json"
	mustContain(t, renderText(t, &importPage{book: book, plan: &plan, fileName: "f.json"}), "What is in the file", "There is already a record for", "Replace it", "Keep both")
	p.apply(app.Context{})
	if p.errs.of("import-choice") == "" {
		t.Error("import went ahead without a choice")
	}
	p.choice = "both"
	p.apply(app.Context{})
	if len(book.list()) != 2 || p.doneName == "" {
		t.Fatalf("keep both: %d records, errors %v", len(book.list()), p.errs)
	}
	newID := book.id
	p.plan, p.choice = &plan, "replace"
	p.plan.Case.Child.FirstName = c.Child.FirstName
	p.plan.Match = &backup.Existing{ID: newID, ChildName: c.Child.FirstName}
	p.apply(app.Context{})
	if len(book.list()) != 2 || book.id != newID {
		t.Errorf("replace: %d records, open %s want %s (%v)", len(book.list()), book.id, newID, p.errs)
	}
	calc.RecordIDs(&c) // the record keeps the numbers of the ids it holds
	got, _ := calc.EncodeCaseFile(book.current())
	want, _ := calc.EncodeCaseFile(c)
	if !bytes.Equal(got, want) {
		t.Error("the imported case is not the exported one")
	}
}
