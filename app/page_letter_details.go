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

	senderName, senderAddress, senderEmail, senderPhone string
	recipientName, recipientRole, recipientAddress      string
	school, impact, notResolved, extra, cc, reference   string
	errs                                                formErrors
}

func (p *letterDetailsPage) OnNav(ctx app.Context) {
	book.open()
	p.load()
}

func (p *letterDetailsPage) load() {
	l := book.current().Letter
	p.senderName, p.senderAddress = l.SenderName, strings.Join(l.SenderAddress, "\n")
	p.senderEmail, p.senderPhone = l.SenderEmail, l.SenderPhone
	p.recipientName, p.recipientRole = l.RecipientName, l.RecipientRole
	p.recipientAddress = strings.Join(l.RecipientAddress, "\n")
	p.school, p.impact, p.notResolved, p.extra = l.School, l.Impact, l.NotResolved, l.Extra
	p.cc, p.reference = strings.Join(l.CC, "\n"), l.Stage1Reference
	p.errs = nil
}

// letterDetailFields maps calc's paths to the form's fields, for errors.
var letterDetailFields = map[string]string{
	"letter.sender_name": "sender-name", "letter.sender_address": "sender-address",
	"letter.sender_email": "sender-email", "letter.sender_phone": "sender-phone",
	"letter.recipient_name": "recipient-name", "letter.recipient_role": "recipient-role",
	"letter.recipient_address": "recipient-address", "letter.school": "school",
	"letter.impact": "impact", "letter.not_resolved": "not-resolved", "letter.extra": "extra",
	"letter.cc": "cc", "letter.stage1_reference": "reference",
}

func (p *letterDetailsPage) Render() app.UI {
	if !book.hasCase() {
		return noRecordPage()
	}
	child := strings.TrimSpace(book.current().Child.FirstName)
	if child == "" {
		child = "your child"
	}
	c := &p.Compo
	field := func(id, label, hint string, v *string, multiline bool, autocomplete string) app.UI {
		return textField{ID: id, Label: label, Hint: hint, Error: p.errs.of(id), Value: v,
			Multiline: multiline, AutoComplete: autocomplete}.render(c)
	}
	return newPage("Your details for the letters",
		app.P().Text("The letters use what you put here. Everything is optional: leave out what you do not want in a letter. "+
			"It is saved on this device with the rest of the record."),
		questionForm(p.submit, "Save and see the letter",
			app.FieldSet().Class("field-group").Body(
				app.Legend().Class("legend legend-group").Text("About you"),
				field("sender-name", "Your full name", "", &p.senderName, false, "name"),
				field("sender-address", "Your address", "One line of the address on each line.", &p.senderAddress, true, "street-address"),
				field("sender-email", "Your email address", "", &p.senderEmail, false, "email"),
				field("sender-phone", "Your phone number", "", &p.senderPhone, false, "tel"),
			),
			app.FieldSet().Class("field-group").Body(
				app.Legend().Class("legend legend-group").Text("Who the letter goes to"),
				field("recipient-name", "Name of the person, if you know it", "For example Ms Priya Patel. Leave it empty to write \"Dear Sir or Madam\".", &p.recipientName, false, "off"),
				field("recipient-role", "Their job title", "For example Complaints Manager.", &p.recipientRole, false, "off"),
				field("recipient-address", "The council's address", "One line on each line. Leave it empty to write only the council's name.", &p.recipientAddress, true, "off"),
				field("cc", "Send a copy to (optional)", "One person on each line, for example Mr Jones, SEN caseworker.", &p.cc, true, "off"),
			),
			app.FieldSet().Class("field-group").Body(
				app.Legend().Class("legend legend-group").Text("About "+child),
				field("school", child+"'s school", "", &p.school, false, "off"),
			),
			app.FieldSet().Class("field-group").Body(
				app.Legend().Class("legend legend-group").Text("In your own words"),
				field("impact", "How has missing this help affected "+child+" and your family?",
					"Say what you have seen, in your own words. Leave a blank line between paragraphs.", &p.impact, true, "off"),
				field("not-resolved", "If you had an answer at stage 1: why did it not put things right?",
					"Used in the stage 2 letter and the Ombudsman form.", &p.notResolved, true, "off"),
				field("reference", "The council's reference for your stage 1 complaint (optional)", "", &p.reference, false, "off"),
				field("extra", "Anything else you want to add (optional)", "", &p.extra, true, "off"),
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

func (p *letterDetailsPage) details() calc.LetterDetails {
	t := strings.TrimSpace
	return calc.LetterDetails{
		SenderName: t(p.senderName), SenderAddress: splitLines(p.senderAddress),
		SenderEmail: t(p.senderEmail), SenderPhone: t(p.senderPhone),
		RecipientName: t(p.recipientName), RecipientRole: t(p.recipientRole),
		RecipientAddress: splitLines(p.recipientAddress), School: t(p.school),
		Impact: t(p.impact), NotResolved: t(p.notResolved), Extra: t(p.extra),
		CC: splitLines(p.cc), Stage1Reference: t(p.reference),
	}
}

func (p *letterDetailsPage) submit(ctx app.Context) {
	if !p.save() {
		focusErrorSummary(ctx)
		return
	}
	goNext(ctx, "/summary#letters")
}

// save checks and saves the details; it reports whether they were saved.
func (p *letterDetailsPage) save() bool {
	d := p.details()
	problems := book.change(func(c *calc.Case) { c.Letter = d })
	p.errs = errorsFrom(problems, "sender-name", letterDetailFields)
	return len(p.errs) == 0
}
