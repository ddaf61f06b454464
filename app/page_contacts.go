package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// The contact log: every time the parent was in touch with the council,
// what was said and promised, and whether a promised reply came. It is the
// evidence the Ombudsman asks for, so it is kept in the parent's words.

// contactKinds are the ways a parent can be in touch.
var contactKinds = []option{
	{string(calc.ContactEmail), "Email", ""},
	{string(calc.ContactPhone), "Phone call", ""},
	{string(calc.ContactLetter), "Letter", ""},
	{string(calc.ContactMeeting), "Meeting", "For example an annual review or a meeting at school."},
	{string(calc.ContactOther), "Something else", "For example a text message or an online form."},
}

// contactsPage lists the contacts, newest first, with add, change and
// remove (and Undo straight after a removal).
type contactsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main
	// removed is the contact just removed and where it was, for Undo. It
	// lives on the page because Undo is offered only until the parent
	// leaves it.
	removed      *calc.Contact
	removedIndex int
}

func (p *contactsPage) OnNav(ctx app.Context) {
	p.book.open()
	p.removed = nil
}

// contactReplyStatus finds calc's verdict on the reply promised in
// contact i (stored order), if it made one.
func contactReplyStatus(deadlines []calc.Deadline, i int) (calc.Deadline, bool) {
	key := "contact_" + itoa(i) + "_reply"
	for _, d := range deadlines {
		if d.Key == key {
			return d, true
		}
	}
	return calc.Deadline{}, false
}

// contactOrder returns the stored positions of the contacts, newest first.
// Positions, not copies, because Change and Remove need them.
func contactOrder(list []calc.Contact) []int {
	order := make([]int, len(list))
	for i := range order {
		order[i] = i
	}
	sortBy(order, func(a, b int) bool { return list[a].Date.After(list[b].Date) })
	return order
}

func (p *contactsPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	deadlines := calc.Deadlines(c, calc.CalendarFor(c), today())
	order := contactOrder(c.Contacts)
	content := []app.UI{
		elIf(p.removed != nil, func() app.UI {
			return elDiv().Class("notice").Attr("role", "status").Body(
				elP().Text("You removed the contact on "+p.removed.Date.Long()+"."),
				elButton().Type("button").Class("button button-secondary").Text("Undo").OnClick(p.undo),
			)
		}),
		elP().Text("Write down each time you were in touch with the council about the missing help: " +
			"emails, phone calls, letters and meetings. Say what you were told and what they promised."),
	}
	if len(order) == 0 {
		content = append(content, elP().Class("empty").Text("You have not added any contacts yet."))
	}
	content = append(content,
		elUl().Class("summary-cards contact-list").Body(elRange(order).Slice(func(n int) app.UI {
			i := order[n]
			return contactCard(c.Contacts[i], i, deadlines, p.remove)
		})),
		elDiv().Class("actions").Body(
			elA().Class("button button-secondary").Href(pagePath("/contact?new=1")).Text(contactAddLabel(len(order))),
		),
		elH2().Text("Delays and your complaint"),
		elUl().Class("list").Body(
			elLi().Body(elA().Href(pagePath("/delays")).Text("Your complaint to the council and the Ombudsman")),
			elLi().Body(elA().Href(pagePath(withReturn("/plan/dates", "/contacts"))).Text("Dates in making or changing the plan")),
			elLi().Body(elA().Href(pagePath("/deadlines")).Text("Deadlines the council met or missed")),
			elLi().Body(elA().Href(pagePath("/payments")).Text("Money the council has paid or offered")),
			elLi().Body(elA().Href(pagePath("/costs")).Text("Money you spent yourself because help was missing")),
		),
		elDiv().Class("actions").Body(
			elA().Class("button").Href(pagePath("/tasks")).Text("Back to the record"),
		),
	)
	return newPage(p.book, "Contacts with the council", content...).backTo("/tasks")
}

func contactAddLabel(n int) string {
	if n == 0 {
		return "Add a contact"
	}
	return "Add another contact"
}

// contactCard shows one contact. Everything the parent typed goes in
// through Text, so it is shown exactly as typed, never as HTML.
func contactCard(ct calc.Contact, i int, deadlines []calc.Deadline, remove func(ctx app.Context, id string)) app.UI {
	title := ct.Date.Long() + ": " + strings.ToLower(labelOf(contactKinds, string(ct.Kind)))
	var rows []summaryRow
	if ct.With != "" {
		rows = append(rows, summaryRow{Key: "With", Value: ct.With})
	}
	if ct.Said != "" {
		rows = append(rows, summaryRow{Key: "What was said", Value: ct.Said})
	}
	if ct.Promised != "" {
		rows = append(rows, summaryRow{Key: "What was promised", Value: ct.Promised})
	}
	if !ct.ReplyDueBy.IsZero() {
		rows = append(rows, summaryRow{Key: "Reply due by", Value: ct.ReplyDueBy.Long()})
	}
	if !ct.Replied.IsZero() {
		rows = append(rows, summaryRow{Key: "Replied on", Value: ct.Replied.Long()})
	}
	var tag app.UI
	if d, ok := contactReplyStatus(deadlines, i); ok {
		switch d.Status {
		case calc.Overdue:
			tag = elStrong().Class("tag tag-overdue").Text("Reply overdue")
		case calc.Late:
			tag = elStrong().Class("tag tag-late").Text("Replied late")
		case calc.Met:
			tag = elStrong().Class("tag tag-green").Text("Replied in time")
		case calc.Pending:
			tag = elStrong().Class("tag tag-blue").Text("Waiting for a reply")
		}
	}
	name := " the contact on " + ct.Date.Long()
	return elLi().Class("card contact-card").Body(
		elH2().Class("card-title").Text(title),
		elIf(tag != nil, func() app.UI { return elP().Class("card-meta").Body(tag) }),
		elIf(len(rows) > 0, func() app.UI { return summaryList(rows) }),
		changeOrRemove("/contact?id="+url.QueryEscape(ct.ID), name, func(ctx app.Context) { remove(ctx, ct.ID) }),
	)
}

// contactIndex is where the contact with this id is in a list, or -1.
func contactIndex(list []calc.Contact, id string) int {
	for i, ct := range list {
		if id != "" && ct.ID == id {
			return i
		}
	}
	return -1
}

// remove takes the contact with this id out of the latest saved record.
// A contact already gone (removed in another tab) changes nothing.
func (p *contactsPage) remove(ctx app.Context, id string) {
	p.book.refresh()
	i := contactIndex(p.book.current().Contacts, id)
	if i < 0 {
		p.book.notice = "That contact was already removed, in another tab or window."
		return
	}
	removed := p.book.current().Contacts[i]
	problems := p.book.change(func(c *calc.Case) {
		if i := contactIndex(c.Contacts, id); i >= 0 {
			c.Contacts = append(c.Contacts[:i], c.Contacts[i+1:]...)
		}
	})
	if len(problems) == 0 && p.book.saveError == "" {
		p.removed, p.removedIndex = &removed, i
	}
}

func (p *contactsPage) undo(ctx app.Context, e app.Event) {
	if p.removed == nil {
		return
	}
	r, i := *p.removed, p.removedIndex
	p.book.refresh()
	p.book.change(func(c *calc.Case) {
		if contactIndex(c.Contacts, r.ID) >= 0 {
			return // already back (Undo in another tab)
		}
		i = min(i, len(c.Contacts))
		c.Contacts = append(c.Contacts[:i], append([]calc.Contact{r}, c.Contacts[i:]...)...)
	})
	p.removed = nil
}

// contactPage adds one contact (?new=1) or changes one (?id=, its stable
// id). A dated entry is one page: its few answers belong together.
type contactPage struct {
	app.Compo
	book                       *caseBook // the parent's records, given by main
	id                         string    // the contact changed; "" adds a new one
	found                      bool
	gone                       bool // removed in another tab while open here
	date, replyDue, replied    dateText
	kind, with, said, promised string
	errs                       formErrors
	// base is the contact as the page showed it: saving copies only the
	// answers that differ from it into the latest saved contact.
	base    calc.Contact
	clashes []fieldClash
}

func (p *contactPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

// load fills the page from the address: a blank form or the contact to change.
func (p *contactPage) load(q url.Values) {
	*p = contactPage{Compo: p.Compo, book: p.book}
	if !p.book.hasCase() {
		return
	}
	if q.Get("new") != "" {
		p.found = true
		return
	}
	list := p.book.current().Contacts
	i := contactIndex(list, q.Get("id"))
	if i < 0 {
		return
	}
	p.id, p.found, p.base = list[i].ID, true, list[i]
	p.show(list[i])
}

// show puts a contact in the boxes (their own storage: the boxes are bound to it).
func (p *contactPage) show(ct calc.Contact) {
	p.date, p.replyDue, p.replied = dateTextOf(ct.Date), dateTextOf(ct.ReplyDueBy), dateTextOf(ct.Replied)
	p.kind, p.with, p.said, p.promised = string(ct.Kind), ct.With, ct.Said, ct.Promised
}

// contactFields are the answers of a contact, for saving only those changed.
var contactFields = []formField[calc.Contact]{
	{"When you were in touch", func(c *calc.Contact) string { return c.Date.Long() }, func(d, s *calc.Contact) { d.Date = s.Date }},
	{"How you were in touch", func(c *calc.Contact) string { return labelOf(contactKinds, string(c.Kind)) }, func(d, s *calc.Contact) { d.Kind = s.Kind }},
	{"Who it was with", func(c *calc.Contact) string { return c.With }, func(d, s *calc.Contact) { d.With = s.With }},
	{"What was said", func(c *calc.Contact) string { return c.Said }, func(d, s *calc.Contact) { d.Said = s.Said }},
	{"What they promised", func(c *calc.Contact) string { return c.Promised }, func(d, s *calc.Contact) { d.Promised = s.Promised }},
	{"When they said they would reply", func(c *calc.Contact) string { return c.ReplyDueBy.Long() }, func(d, s *calc.Contact) { d.ReplyDueBy = s.ReplyDueBy }},
	{"When they replied", func(c *calc.Contact) string { return c.Replied.Long() }, func(d, s *calc.Contact) { d.Replied = s.Replied }},
}

func (p *contactPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	if !p.found {
		return newPage(p.book, "Contact not found",
			elP().Text("We could not find that contact. Nothing you saved has been lost."),
			elA().Class("button").Href(pagePath("/contacts")).Text("Go to your contacts"),
		)
	}
	heading := "Add a contact with the council"
	if p.id != "" {
		heading = "Change a contact with the council"
	}
	return newQuestionPage(p.book, heading, "/contacts", p.errs,
		clashNotice(p.clashes, p.keepMine, p.keepSaved),
		elIf(p.gone, func() app.UI {
			return elDiv().ID("clash").Class("warning conflict").Attr("role", "alert").Attr("tabindex", "-1").Body(
				elP().Class("warning-title").Text("This contact was removed in another tab or window"),
				elP().Text("What you typed here is still on this page and has not been saved. You can save it as a new contact, or go back to your contacts."),
				elDiv().Class("actions").Body(
					elButton().ID("save-as-new").Type("button").Class("button").Text("Save it as a new contact").OnClick(p.saveAsNew),
					elA().Class("button button-secondary").Href(pagePath("/contacts")).Text("Go to your contacts"),
				),
			)
		}),
		questionForm(p.submit, "Save this contact",
			elH1().Class("question").Text(heading),
			dateField{ID: "date", Legend: "When were you in touch?", Hint: "For example, 4 4 2023.",
				Value: &p.date, Error: p.errs.of("date")}.render(&p.Compo),
			radioField{ID: "kind", Legend: "How were you in touch?", Options: contactKinds,
				Value: &p.kind, Error: p.errs.of("kind")}.render(&p.Compo),
			textField{ID: "with", Label: "Who was it with? (optional)", Hint: "A name or a team, for example the SEN team.",
				Value: &p.with, Error: p.errs.of("with")}.render(&p.Compo),
			textField{ID: "said", Label: "What was said? (optional)", Multiline: true,
				Value: &p.said, Error: p.errs.of("said")}.render(&p.Compo),
			textField{ID: "promised", Label: "What did they promise? (optional)", Multiline: true,
				Hint:  "For example: a new therapist by half term.",
				Value: &p.promised, Error: p.errs.of("promised")}.render(&p.Compo),
			dateField{ID: "reply-due", Legend: "When did they say they would reply or act? (optional)",
				Hint:  "We show it as overdue if nothing came by then.",
				Value: &p.replyDue, Error: p.errs.of("reply-due")}.render(&p.Compo),
			dateField{ID: "replied", Legend: "When did they reply or act? (optional)",
				Value: &p.replied, Error: p.errs.of("replied")}.render(&p.Compo),
		),
	)
}

func (p *contactPage) submit(ctx app.Context) {
	p.clashes = nil
	p.finish(ctx, p.store(false))
}

// finish moves on after a save, or shows why it did not happen.
func (p *contactPage) finish(ctx app.Context, saved bool) {
	switch {
	case saved:
		goNext(ctx, "/contacts")
	case len(p.clashes) > 0 || p.gone:
		focusClash(ctx)
	default:
		focusErrorSummary(ctx)
	}
}

// keepMine saves the parent's answers over the ones saved underneath.
func (p *contactPage) keepMine(ctx app.Context, e app.Event) { p.finish(ctx, p.resolve(true)) }

// keepSaved shows the answers saved underneath and saves the rest.
func (p *contactPage) keepSaved(ctx app.Context, e app.Event) { p.finish(ctx, p.resolve(false)) }

// saveAsNew adds what the parent typed for a contact that was removed meanwhile.
func (p *contactPage) saveAsNew(ctx app.Context, e app.Event) {
	p.id, p.gone, p.base = "", false, calc.Contact{}
	p.finish(ctx, p.store(false))
}

// resolve ends a clash the way the parent chose and saves.
func (p *contactPage) resolve(keepMine bool) bool {
	if !keepMine {
		p.book.refresh()
		list := p.book.current().Contacts
		if i := contactIndex(list, p.id); i >= 0 {
			mine, ok := p.typed()
			if !ok {
				return false
			}
			latest := list[i]
			takeSaved(contactFields, p.clashes, &p.base, &mine, &latest)
			p.show(mine)
		}
	}
	return p.store(keepMine)
}

// save checks the answers and puts the contact in the record; see store.
func (p *contactPage) save() bool {
	p.clashes = nil
	return p.store(false)
}

// typed checks the answers and returns them as a contact; false, with the
// problems on the page, when an answer is wrong.
func (p *contactPage) typed() (calc.Contact, bool) {
	p.errs = nil
	date, msg := p.date.parse("The date")
	switch {
	case msg != "":
	case date.IsZero():
		msg = "Enter the date you were in touch"
	case date.After(today()):
		msg = "The date must be today or in the past"
	}
	if msg != "" {
		p.errs.add("date-day", msg)
	}
	if p.kind == "" {
		p.errs.add("kind", "Choose how you were in touch")
	}
	due, msg := p.replyDue.parse("The reply date")
	if msg != "" {
		p.errs.add("reply-due-day", msg)
	}
	replied, msg := p.replied.parse("The date they replied")
	if msg == "" && replied.After(today()) {
		msg = "The date they replied must be today or in the past"
	}
	if msg != "" {
		p.errs.add("replied-day", msg)
	}
	if len(p.errs) > 0 {
		return calc.Contact{}, false
	}
	return calc.Contact{ID: p.id, Date: date, Kind: calc.ContactKind(p.kind), With: strings.TrimSpace(p.with),
		Said: strings.TrimSpace(p.said), Promised: strings.TrimSpace(p.promised), ReplyDueBy: due, Replied: replied}, true
}

// store applies the contact to the latest saved record: a new one is
// added with a new id; a changed one gets only the answers the parent
// changed, in the contact with its id. It reports false, with the
// problems, the clashes or "removed" on the page and nothing stored, when
// an answer is wrong, calc refuses it, the contact was removed in another
// tab, or an answer changed underneath (unless keepMine).
func (p *contactPage) store(keepMine bool) bool {
	p.errs, p.gone = nil, false
	if !p.book.hasCase() || !p.found {
		return false
	}
	ct, ok := p.typed()
	if !ok {
		return false
	}
	p.book.refresh()
	list := p.book.current().Contacts
	i := contactIndex(list, p.id)
	switch {
	case p.id != "" && i < 0:
		p.gone = true
		return false
	case i >= 0 && !keepMine:
		latest := list[i]
		if p.clashes = applyEdits(contactFields, &p.base, &ct, &latest, false); len(p.clashes) > 0 {
			return false
		}
	case i < 0:
		i = len(list)
	}
	var saved calc.Contact
	problems := p.book.change(func(c *calc.Case) {
		if j := contactIndex(c.Contacts, p.id); j >= 0 {
			applyEdits(contactFields, &p.base, &ct, &c.Contacts[j], true)
			saved = c.Contacts[j]
			return
		}
		c.Contacts = append(c.Contacts, ct)
		calc.AssignContactIDs(c)
		saved = c.Contacts[len(c.Contacts)-1]
	})
	path := "contacts[" + itoa(i) + "]"
	p.errs = errorsFrom(problems, "date-day", map[string]string{
		path + ".date": "date-day", path + ".kind": "kind", path + ".with": "with", path + ".said": "said",
		path + ".promised": "promised", path + ".reply_due_by": "reply-due-day", path + ".replied": "replied-day",
	})
	if len(p.errs) > 0 {
		return false
	}
	// A second press of Save changes this contact, not adds another; the
	// boxes show what is saved.
	p.id, p.base, p.clashes = saved.ID, saved, nil
	p.show(saved)
	return true
}
