package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// letterDetailsPage asks, on one short grouped form, for what only the
// parent can give the letters: their own details, who the letter goes to,
// and their own words. It is saved in the case (calc.Case.Letter), so every
// letter uses it.
type letterDetailsPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	senderName, senderAddress, senderEmail, senderPhone string
	recipientName, recipientRole, recipientAddress      string
	school, impact, notResolved, extra, cc, reference   string
	askFor                                              string
	errs                                                formErrors

	// base is the details as the form showed them: saving copies only the
	// answers that differ from it into the latest saved record, so text
	// another tab saved in a box not touched here stays.
	base calc.LetterDetails
	// clashes are answers changed here and, to something else, underneath.
	clashes []fieldClash
}

func (p *letterDetailsPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load()
}

func (p *letterDetailsPage) load() {
	p.base, p.clashes, p.errs = p.book.current().Letter, nil, nil
	p.show(p.base)
}

// show puts details in the boxes (their own storage: the boxes are bound to it).
func (p *letterDetailsPage) show(l calc.LetterDetails) {
	p.senderName, p.senderAddress = l.SenderName, strings.Join(l.SenderAddress, "\n")
	p.senderEmail, p.senderPhone = l.SenderEmail, l.SenderPhone
	p.recipientName, p.recipientRole = l.RecipientName, l.RecipientRole
	p.recipientAddress = strings.Join(l.RecipientAddress, "\n")
	p.school, p.impact, p.notResolved, p.extra = l.School, l.Impact, l.NotResolved, l.Extra
	p.cc, p.reference = strings.Join(l.CC, "\n"), l.Stage1Reference
	p.askFor = askForText(l)
}

// askForText is the parent's own total in the box: empty when they ask for
// the typical figure.
func askForText(l calc.LetterDetails) string {
	if l.AskFor.IsZero() {
		return ""
	}
	return l.AskFor.StringFixed(2)
}

// letterFields are the answers of the form, for saving only those changed.
var letterFields = []formField[calc.LetterDetails]{
	letterText("Your full name", func(l *calc.LetterDetails) *string { return &l.SenderName }),
	letterLines("Your address", func(l *calc.LetterDetails) *[]string { return &l.SenderAddress }),
	letterText("Your email address", func(l *calc.LetterDetails) *string { return &l.SenderEmail }),
	letterText("Your phone number", func(l *calc.LetterDetails) *string { return &l.SenderPhone }),
	letterText("Name of the person", func(l *calc.LetterDetails) *string { return &l.RecipientName }),
	letterText("Their job title", func(l *calc.LetterDetails) *string { return &l.RecipientRole }),
	letterLines("The council's address", func(l *calc.LetterDetails) *[]string { return &l.RecipientAddress }),
	letterLines("Send a copy to", func(l *calc.LetterDetails) *[]string { return &l.CC }),
	letterText("School", func(l *calc.LetterDetails) *string { return &l.School }),
	letterText("How missing this help affected your child and family", func(l *calc.LetterDetails) *string { return &l.Impact }),
	letterText("Why the stage 1 answer did not put things right", func(l *calc.LetterDetails) *string { return &l.NotResolved }),
	letterText("The council's reference", func(l *calc.LetterDetails) *string { return &l.Stage1Reference }),
	letterText("Anything else", func(l *calc.LetterDetails) *string { return &l.Extra }),
	{"The total to ask for", func(l *calc.LetterDetails) string { return askForText(*l) },
		func(d, s *calc.LetterDetails) { d.AskFor = s.AskFor }},
}

// Kept out of line (go:noinline): it has many calls, and inlined it
// cost the wasm code and inlining records.
//
//go:noinline
func letterText(name string, f func(l *calc.LetterDetails) *string) formField[calc.LetterDetails] {
	return formField[calc.LetterDetails]{name, func(l *calc.LetterDetails) string { return *f(l) },
		func(d, s *calc.LetterDetails) { *f(d) = *f(s) }}
}

func letterLines(name string, f func(l *calc.LetterDetails) *[]string) formField[calc.LetterDetails] {
	return formField[calc.LetterDetails]{name, func(l *calc.LetterDetails) string { return strings.Join(*f(l), "\n") },
		func(d, s *calc.LetterDetails) { *f(d) = append([]string(nil), *f(s)...) }}
}

// letterDetailFields maps calc's paths to the form's fields, for errors.
var letterDetailFields = map[string]string{
	"letter.sender_name": "sender-name", "letter.sender_address": "sender-address",
	"letter.sender_email": "sender-email", "letter.sender_phone": "sender-phone",
	"letter.recipient_name": "recipient-name", "letter.recipient_role": "recipient-role",
	"letter.recipient_address": "recipient-address", "letter.school": "school",
	"letter.impact": "impact", "letter.not_resolved": "not-resolved", "letter.extra": "extra",
	"letter.cc": "cc", "letter.stage1_reference": "reference", "letter.ask_for": "ask-for",
}

// field is one text box of the page (a method kept out of line rather
// than a closure the compiler copies into each of its calls).
//
//go:noinline
func (p *letterDetailsPage) field(id, label, hint string, v *string, multiline bool, autocomplete string) app.UI {
	return textField{ID: id, Label: label, Hint: hint, Error: p.errs.of(id), Value: v,
		Multiline: multiline, AutoComplete: autocomplete}.render(&p.Compo)
}

func (p *letterDetailsPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	child := strings.TrimSpace(p.book.current().Child.FirstName)
	if child == "" {
		child = "your child"
	}
	field := p.field
	return newPage(p.book, "Your details for the letters",
		clashNotice(p.clashes, p.keepMine, p.keepSaved),
		elP().Text("The letters use what you put here. Everything is optional: leave out what you do not want in a letter. "+
			"It is saved on this device with the rest of the record."),
		questionForm(p.submit, "Save and see the letter",
			elFieldSet().Class("field-group").Body(
				elLegend().Class("legend legend-group").Text("About you"),
				field("sender-name", "Your full name", "", &p.senderName, false, "name"),
				field("sender-address", "Your address", "One line of the address on each line.", &p.senderAddress, true, "street-address"),
				field("sender-email", "Your email address", "", &p.senderEmail, false, "email"),
				field("sender-phone", "Your phone number", "", &p.senderPhone, false, "tel"),
			),
			elFieldSet().Class("field-group").Body(
				elLegend().Class("legend legend-group").Text("Who the letter goes to"),
				field("recipient-name", "Name of the person, if you know it", "For example Ms Priya Patel. Leave it empty to write \"Dear Sir or Madam\".", &p.recipientName, false, "off"),
				field("recipient-role", "Their job title", "For example Complaints Manager.", &p.recipientRole, false, "off"),
				field("recipient-address", "The council's address", "One line on each line. Leave it empty to write only the council's name.", &p.recipientAddress, true, "off"),
				field("cc", "Send a copy to (optional)", "One person on each line, for example Mr Jones, SEN caseworker.", &p.cc, true, "off"),
			),
			elFieldSet().Class("field-group").Body(
				elLegend().Class("legend legend-group").Text("About "+child),
				field("school", child+"'s school", "", &p.school, false, "off"),
			),
			elFieldSet().Class("field-group").Body(
				elLegend().Class("legend legend-group").Text("In your own words"),
				field("impact", "How has missing this help affected "+child+" and your family?",
					"Say what you have seen, in your own words. Leave a blank line between paragraphs.", &p.impact, true, "off"),
				field("not-resolved", "If you had an answer at stage 1: why did it not put things right?",
					"Used in the stage 2 letter and the Ombudsman form.", &p.notResolved, true, "off"),
				field("reference", "The council's reference for your stage 1 complaint (optional)", "", &p.reference, false, "off"),
				field("extra", "Anything else you want to add (optional)", "", &p.extra, true, "off"),
			),
			elFieldSet().Class("field-group").Body(
				elLegend().Class("legend legend-group").Text("The payment"),
				textField{ID: "ask-for", Label: "The total to ask for, in pounds (optional)",
					Hint: "Leave it empty to ask for the typical figure the letter works out from the Ombudsman's past decisions. " +
						"If you put in your own figure, the letter still shows that typical figure and its range.",
					Width: "short", InputMode: "decimal", Prefix: "£", Error: p.errs.of("ask-for"), Value: &p.askFor}.render(&p.Compo),
			),
		),
	).withErrors(p.errs).backTo("/summary")
}

// splitLines turns a text box into its non-empty lines.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// details are the answers in the boxes; store checks the amount first.
func (p *letterDetailsPage) details() calc.LetterDetails {
	t := strings.TrimSpace
	askFor, _ := parsePounds(p.askFor, "")
	return calc.LetterDetails{
		SenderName: t(p.senderName), SenderAddress: splitLines(p.senderAddress),
		SenderEmail: t(p.senderEmail), SenderPhone: t(p.senderPhone),
		RecipientName: t(p.recipientName), RecipientRole: t(p.recipientRole),
		RecipientAddress: splitLines(p.recipientAddress), School: t(p.school),
		Impact: t(p.impact), NotResolved: t(p.notResolved), Extra: t(p.extra),
		CC: splitLines(p.cc), Stage1Reference: t(p.reference), AskFor: askFor,
	}
}

func (p *letterDetailsPage) submit(ctx app.Context) {
	p.clashes = nil
	p.finish(ctx, p.store(false))
}

// finish moves on after a save, or shows why it did not happen.
func (p *letterDetailsPage) finish(ctx app.Context, saved bool) {
	switch {
	case saved:
		goNext(ctx, "/summary#letters")
	case len(p.clashes) > 0:
		focusClash(ctx)
	default:
		focusErrorSummary(ctx)
	}
}

// keepMine saves the parent's answers over the ones saved underneath.
func (p *letterDetailsPage) keepMine(ctx app.Context, e app.Event) { p.finish(ctx, p.resolve(true)) }

// keepSaved shows the answers saved underneath in the clashing boxes and
// saves the rest of what the parent changed.
func (p *letterDetailsPage) keepSaved(ctx app.Context, e app.Event) { p.finish(ctx, p.resolve(false)) }

// resolve ends a clash the way the parent chose and saves.
func (p *letterDetailsPage) resolve(keepMine bool) bool {
	if !keepMine {
		p.book.refresh()
		mine, latest := p.details(), p.book.current().Letter
		takeSaved(letterFields, p.clashes, &p.base, &mine, &latest)
		p.show(mine)
	}
	return p.store(keepMine)
}

// save checks and saves the details; it reports whether they were saved.
func (p *letterDetailsPage) save() bool {
	p.clashes = nil
	return p.store(false)
}

// store applies the answers changed on this form to the latest saved
// record. It reports false, with the problems or the clashes on the page
// and nothing stored, when calc refuses them or an answer changed
// underneath (unless keepMine).
func (p *letterDetailsPage) store(keepMine bool) bool {
	p.errs = nil
	if !p.book.hasCase() {
		return false
	}
	if _, msg := parsePounds(p.askFor, "The total to ask for"); msg != "" {
		p.errs.add("ask-for", msg)
		return false
	}
	p.book.refresh()
	d := p.details()
	if !keepMine {
		latest := p.book.current().Letter
		if p.clashes = applyEdits(letterFields, &p.base, &d, &latest, false); len(p.clashes) > 0 {
			return false
		}
	}
	var saved calc.LetterDetails
	problems := p.book.change(func(c *calc.Case) {
		applyEdits(letterFields, &p.base, &d, &c.Letter, true)
		saved = c.Letter
	})
	p.errs = errorsFrom(problems, "sender-name", letterDetailFields)
	if len(p.errs) > 0 {
		return false
	}
	// The boxes now show what is saved, with what other tabs saved in
	// boxes not touched here, so a second save does not take it back.
	p.base, p.clashes = saved, nil
	p.show(saved)
	return true
}
