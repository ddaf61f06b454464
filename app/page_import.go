package main

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/backup"
)

// importPage brings a backup file back. backup.Import checks the whole
// file first (kind, schema version, size, passphrase, every field); the
// page then says what importing would
// do (add a new record, or replace the matching child's record, or keep
// both) and changes nothing until the parent chooses Import.
type importPage struct {
	app.Compo
	book      *caseBook // the parent's records, given by main
	data      []byte
	fileName  string
	locked    bool   // the file needs its passphrase
	pass      string // passphrase typed
	plan      *backup.Plan
	choice    string // "replace" or "both" when the file matches a record
	errs      formErrors
	working   bool
	doneName  string
	doneCount int // records imported from a file of several
	// ctx is the page's own context: work that finishes later (reading the
	// file, opening a locked one) comes back through it, as the element
	// that started it may have been redrawn by then.
	ctx app.Context
}

func (p *importPage) OnNav(ctx app.Context) {
	p.book.open()
	*p = importPage{Compo: p.Compo, book: p.book, ctx: ctx}
}

func (p *importPage) Render() app.UI {
	return newPage(p.book, "Import a backup",
		elIf(p.doneName != "", func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").ID("import-done").Body(
				elP().Text(p.doneName+"'s record has been imported and is open now."),
				elP().Body(elA().Href(pagePath("/tasks")).Text("Go to "+p.doneName+"'s record")),
			)
		}),
		elIf(p.doneCount > 0, func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").ID("import-done").Body(
				elP().Text(itoa(p.doneCount)+" records have been imported, beside the ones already on this device."),
				elP().Body(elA().Href(pagePath("/children")).Text("See all the records")),
			)
		}),
		elP().Text("Choose a backup file that Provision Tracker made. Its name starts with provision-tracker-. "+
			"Nothing on this device changes until you have seen what is in the file and chosen Import."),
		elDiv().Class(groupClass(p.errs.of("backup-file"))).Body(
			append(append([]app.UI{elLabel().For("backup-file").Class("label").Text("Backup file")},
				hintAndError("backup-file", "", p.errs.of("backup-file"))...),
				elInput().Type("file").ID("backup-file").Name("backup-file").Class("file-input").
					Attr("accept", ".json,application/json").
					Aria("describedby", describedBy("backup-file", "", p.errs.of("backup-file"))).
					Aria("invalid", p.errs.of("backup-file") != "").
					OnChange(p.read),
			)...,
		),
		elIf(p.locked && p.plan == nil, func() app.UI {
			return questionForm(p.unlock, "Open the file",
				elP().Text("This backup is protected with a passphrase."),
				passwordField(&p.Compo, "import-passphrase", "Passphrase", "Capital letters and spaces count.",
					p.errs.of("import-passphrase"), &p.pass, "current-password"),
				elIf(p.working, func() app.UI {
					return elP().Class("working").Attr("role", "status").ID("import-working").
						Text("Opening the file… this can take a few seconds.")
				}),
			)
		}),
		elIf(p.plan != nil, func() app.UI { return p.renderPlan() }),
	).withErrors(p.errs)
}

func (p *importPage) renderPlan() app.UI {
	pl := p.plan
	if pl.Several() {
		return p.renderRecords()
	}
	name := pl.ChildName
	if name == "" {
		name = "A child with no name yet"
	}
	council := pl.CouncilName
	if council == "" {
		council = "Not chosen"
	}
	rows := []summaryRow{
		{Key: "File", Value: p.fileName},
		{Key: "Child", Value: name},
		{Key: "Council", Value: council},
		{Key: "Plans", Value: itoa(pl.Plans)},
		{Key: "Kinds of help", Value: itoa(pl.Provisions)},
		{Key: "Session records", Value: itoa(pl.Sessions)},
		{Key: "Contacts", Value: itoa(pl.Contacts)},
	}
	var choice app.UI
	if m := pl.Match; m != nil {
		updated := ""
		if s, ok := p.book.store.Summary(m.ID); ok {
			updated = " (last changed " + backupDate(s.Updated) + ")"
		}
		choice = radioField{
			ID: "import-choice", Legend: "There is already a record for " + m.ChildName + " on this device" + updated + ". What should happen?",
			Value: &p.choice, Error: p.errs.of("import-choice"),
			Options: []option{
				{Value: "replace", Label: "Replace it with the record in the file",
					Hint: "What is on this device for " + m.ChildName + " now will be deleted. Download a backup of it first if you are not sure."},
				{Value: "both", Label: "Keep both", Hint: "The file is added as a second record for " + m.ChildName + "."},
			},
		}.render(&p.Compo)
	} else {
		choice = elP().Text("It will be added as a new record. Nothing else on this device changes.")
	}
	return elDiv().Class("import-plan").Body(
		elH2().Text("What is in the file"),
		summaryList(rows),
		questionForm(p.apply, "Import", choice),
	)
}

// renderRecords shows what is in a file of several records: each child,
// and, when some are already on this device, one choice for all of them.
func (p *importPage) renderRecords() app.UI {
	pl := p.plan
	matches := 0
	items := make([]app.UI, 0, len(pl.Records))
	for _, r := range pl.Records {
		name := r.ChildName
		if name == "" {
			name = "A child with no name yet"
		}
		line := name
		if r.CouncilName != "" {
			line += ", " + r.CouncilName
		}
		line += ": " + itoa(r.Provisions) + " kinds of help, " + itoa(r.Sessions) + " session records, " +
			itoa(r.Contacts) + " contacts"
		if r.Match != nil {
			matches++
			line += " (already on this device)"
		}
		items = append(items, elLi().Text(line))
	}
	var choice app.UI
	if matches > 0 {
		choice = radioField{
			ID: "import-choice", Legend: itoa(matches) + " of these children already have a record on this device. What should happen to those?",
			Value: &p.choice, Error: p.errs.of("import-choice"),
			Options: []option{
				{Value: "replace", Label: "Replace them with the records in the file",
					Hint: "What is on this device for those children now will be deleted. Download a backup of them first if you are not sure."},
				{Value: "both", Label: "Keep both", Hint: "Each is added as a second record for that child."},
			},
		}.render(&p.Compo)
	} else {
		choice = elP().Text("They will be added as new records, beside the ones already on this device. Nothing else changes.")
	}
	return elDiv().Class("import-plan").Body(
		elH2().Text("What is in the file"),
		summaryList([]summaryRow{
			{Key: "File", Value: p.fileName},
			{Key: "Records", Value: itoa(len(pl.Records))},
		}),
		elUl().Class("list").ID("import-records").Body(items...),
		questionForm(p.apply, "Import all "+itoa(len(pl.Records)), choice),
	)
}

// read takes the chosen file and checks it completely.
func (p *importPage) read(ctx app.Context, e app.Event) {
	p.reset()
	readChosenFile("backup-file", backup.MaxFileSize, func(name string, data []byte, tooBig bool, problem string) {
		p.ctx.Dispatch(func(ctx app.Context) {
			p.fileName = name
			switch {
			case tooBig:
				// Import refuses anything over MaxFileSize before reading it;
				// ask it for its message rather than reading the file.
				_, err := backup.Import(make([]byte, backup.MaxFileSize+1), "", nil)
				p.fail(ctx, "backup-file", err)
				return
			case problem != "":
				p.errs.add("backup-file", problem)
				focusErrorSummary(ctx)
				return
			}
			p.data = data
			if backup.IsLocked(data) {
				p.locked = true
				return
			}
			plan, err := backup.ImportAt(data, "", existingRecords(p.book), today())
			p.checked(ctx, plan, err)
		})
	})
}

// unlock opens a locked file with the passphrase typed. PBKDF2 takes
// seconds in WebAssembly: the page shows "working" first.
func (p *importPage) unlock(ctx app.Context) {
	if p.working || p.data == nil {
		return
	}
	p.errs = nil
	if p.pass == "" {
		p.errs.add("import-passphrase", "Type the passphrase of the backup.")
		focusErrorSummary(ctx)
		return
	}
	p.working = true
	data, pass, existing, day := p.data, p.pass, existingRecords(p.book), today()
	ctx.Async(func() {
		time.Sleep(100 * time.Millisecond) // lets the browser draw the "working" line
		plan, err := backup.ImportAt(data, pass, existing, day)
		p.ctx.Dispatch(func(ctx app.Context) {
			p.working = false
			p.checked(ctx, plan, err)
		})
	})
}

func (p *importPage) checked(ctx app.Context, plan backup.Plan, err error) {
	switch {
	case errors.Is(err, backup.ErrNeedPassphrase):
		p.locked = true
	case errors.Is(err, backup.ErrWrongPassphrase):
		p.fail(ctx, "import-passphrase", err)
	case err != nil:
		p.fail(ctx, "backup-file", err)
	default:
		p.plan, p.pass = &plan, ""
	}
}

func (p *importPage) fail(ctx app.Context, field string, err error) {
	p.errs.add(field, err.Error())
	focusErrorSummary(ctx)
}

func (p *importPage) reset() {
	p.data, p.fileName, p.locked, p.pass, p.plan, p.choice, p.errs, p.doneName, p.doneCount = nil, "", false, "", nil, "", nil, "", 0
}

// apply imports the checked file as the parent chose.
func (p *importPage) apply(ctx app.Context) {
	if p.plan == nil {
		return
	}
	p.errs = nil
	pl := p.plan
	if pl.Match != nil && p.choice == "" {
		p.errs.add("import-choice", "Choose whether to replace "+pl.Match.ChildName+"'s record or keep both.")
		focusErrorSummary(ctx)
		return
	}
	if pl.Several() {
		p.applyRecords(ctx)
		return
	}
	if p.book.dirty {
		p.errs.add("backup-file", "Your latest change to "+p.book.current().Child.FirstName+"'s record is not saved yet, "+
			"so nothing has been imported. Download a backup of it first, then import this file.")
		focusErrorSummary(ctx)
		return
	}
	var id string
	if pl.Match != nil && p.choice == "replace" {
		id = pl.Match.ID
		_, rev, err := p.book.store.Load(id)
		if err == nil {
			_, err = p.book.store.Save(id, pl.Case, rev)
		}
		if err != nil {
			p.errs.add("import-choice", err.Error())
			focusErrorSummary(ctx)
			return
		}
	} else {
		newID, _, err := p.book.store.Create(pl.Case)
		if err != nil {
			p.errs.add("backup-file", err.Error())
			focusErrorSummary(ctx)
			return
		}
		id = newID
	}
	if err := p.book.switchTo(id); err != nil {
		p.errs.add("backup-file", err.Error())
		focusErrorSummary(ctx)
		return
	}
	name := pl.ChildName
	p.reset()
	p.doneName = name
	if in := app.Window().GetElementByID("backup-file"); in.Truthy() {
		in.Set("value", "")
	}
}

// applyRecords imports every record of a file of several records, as the
// parent chose for those already on this device, and opens the first. A
// record that cannot be stored stops it there, saying which were imported.
func (p *importPage) applyRecords(ctx app.Context) {
	pl := p.plan
	for _, r := range pl.Records {
		if r.Match != nil && p.choice == "" {
			p.errs.add("import-choice", "Choose whether to replace the records already on this device or keep both.")
			focusErrorSummary(ctx)
			return
		}
	}
	if p.book.dirty {
		p.errs.add("backup-file", "Your latest change to "+p.book.current().Child.FirstName+"'s record is not saved yet, "+
			"so nothing has been imported. Download a backup of it first, then import this file.")
		focusErrorSummary(ctx)
		return
	}
	first := ""
	for i, r := range pl.Records {
		var id string
		var err error
		if r.Match != nil && p.choice == "replace" {
			id = r.Match.ID
			var rev int
			if _, rev, err = p.book.store.Load(id); err == nil {
				_, err = p.book.store.Save(id, r.Case, rev)
			}
		} else {
			id, _, err = p.book.store.Create(r.Case)
		}
		if err != nil {
			p.errs.add("backup-file", "Record "+itoa(i+1)+" ("+r.ChildName+") could not be imported, so the import stopped there: "+
				itoa(i)+" of "+itoa(len(pl.Records))+" records were imported. "+err.Error())
			focusErrorSummary(ctx)
			return
		}
		if first == "" {
			first = id
		}
	}
	if err := p.book.switchTo(first); err != nil {
		p.errs.add("backup-file", err.Error())
		focusErrorSummary(ctx)
		return
	}
	n := len(pl.Records)
	p.reset()
	p.doneCount = n
	if in := app.Window().GetElementByID("backup-file"); in.Truthy() {
		in.Set("value", "")
	}
}

// existingRecords lists the records on this device for matching a file.
func existingRecords(b *caseBook) []backup.Existing {
	var out []backup.Existing
	for _, s := range b.list() {
		out = append(out, backup.Existing{ID: s.ID, ChildName: s.ChildName, Council: s.Council})
	}
	return out
}
