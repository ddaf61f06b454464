package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// The building blocks of every question page: labelled fields with their
// hint and error, day/month/year date boxes, radios, an error summary that
// links to each field, a back link and the Continue button. They are plain
// functions: the page keeps what was typed, so a wrong answer is shown back
// exactly as typed, next to its message.

// fieldError is one problem with one field, as shown to the parent.
type fieldError struct {
	Field   string // the id of the input to link to
	Message string
}

// formErrors collects the problems of one submitted page, in page order.
type formErrors []fieldError

// Kept out of line (go:noinline): inlined at every field it cost the
// wasm code and inlining records.
//
//go:noinline
func (e *formErrors) add(field, message string) { *e = append(*e, fieldError{field, message}) }

// of returns the message for one field, or "".
// Kept out of line, as add.
//
//go:noinline
func (e formErrors) of(field string) string {
	for _, fe := range e {
		if fe.Field == field || strings.HasPrefix(fe.Field, field+"-") {
			return fe.Message
		}
	}
	return ""
}

// errorSummary lists every problem at the top of the page, each a link to
// its field, as parents know from good public-service forms.
func errorSummary(errs formErrors) app.UI {
	if len(errs) == 0 {
		return elDiv() // keeps the form in its place, so it is not redrawn
	}
	return elDiv().ID("error-summary").Class("error-summary").
		Attr("role", "alert").Attr("tabindex", "-1").
		Aria("labelledby", "error-summary-title").Body(
		elH2().ID("error-summary-title").Text("There is a problem"),
		elUl().Body(elRange(errs).Slice(func(i int) app.UI {
			return elLi().Body(elA().Href("#" + errs[i].Field).Text(errs[i].Message))
		})),
	)
}

// describedBy joins the ids of a field's hint and error for screen readers.
func describedBy(id, hint, err string) string {
	var ids []string
	if hint != "" {
		ids = append(ids, id+"-hint")
	}
	if err != "" {
		ids = append(ids, id+"-error")
	}
	return strings.Join(ids, " ")
}

func hintAndError(id, hint, err string) []app.UI {
	return []app.UI{
		elIf(hint != "", func() app.UI { return elDiv().ID(id + "-hint").Class("hint").Text(hint) }),
		elIf(err != "", func() app.UI {
			return elP().ID(id+"-error").Class("field-error").Body(
				elSpan().Class("visually-hidden").Text("Error: "),
				elText(err),
			)
		}),
	}
}

func groupClass(err string) string {
	if err != "" {
		return "field field-has-error"
	}
	return "field"
}

// textField is a labelled one-line text box. A label given as a heading
// makes it the page's question (one question per page).
type textField struct {
	ID, Label, Hint, Error string
	Value                  *string
	AsHeading              bool
	Width                  string // "", "short" (numbers), "medium"
	InputMode              string // e.g. "numeric", "decimal"
	AutoComplete           string
	Prefix                 string // e.g. "£"
	Multiline              bool
}

func (f textField) render(c *app.Compo) app.UI {
	label := elLabel().For(f.ID).Class("label").Text(f.Label)
	var head app.UI = label
	if f.AsHeading {
		head = elH1().Class("question").Body(label)
	}
	inputClass := "input"
	if f.Width != "" {
		inputClass += " input-" + f.Width
	}
	if f.Error != "" {
		inputClass += " input-error"
	}
	var input app.UI
	if f.Multiline {
		input = app.Textarea().ID(f.ID).Name(f.ID).Class(inputClass).Rows(5).
			Aria("describedby", describedBy(f.ID, f.Hint, f.Error)).
			Aria("invalid", f.Error != "").
			Text(*f.Value).OnChange(c.ValueTo(f.Value))
	} else {
		in := elInput().Type("text").ID(f.ID).Name(f.ID).Class(inputClass).Value(*f.Value).
			Aria("describedby", describedBy(f.ID, f.Hint, f.Error)).
			Aria("invalid", f.Error != "").
			Attr("spellcheck", f.InputMode == "").
			OnChange(c.ValueTo(f.Value))
		if f.InputMode != "" {
			in = in.Attr("inputmode", f.InputMode)
		}
		if f.AutoComplete != "" {
			in = in.Attr("autocomplete", f.AutoComplete)
		}
		input = in
		if f.Prefix != "" {
			input = elDiv().Class("input-prefixed").Body(
				elSpan().Class("input-prefix").Aria("hidden", true).Text(f.Prefix), in)
		}
	}
	return elDiv().Class(groupClass(f.Error)).Body(
		append(append([]app.UI{head}, hintAndError(f.ID, f.Hint, f.Error)...), input)...,
	)
}

// dateText is a date as the parent typed it, in three boxes.
type dateText struct{ Day, Month, Year string }

func dateTextOf(d calc.Date) dateText {
	if d.IsZero() {
		return dateText{}
	}
	if d.MonthOnly() {
		return dateText{"", itoa(d.Month()), itoa(d.Year())}
	}
	return dateText{itoa(d.Day()), itoa(d.Month()), itoa(d.Year())}
}

// monthHint tells the parent a date may be given without its day.
const monthHint = "If you do not know the day, leave it empty and give the month and year."

// parseMonthOK is parse for a date the parent may know only to the month:
// an empty day with a month and year gives a month-only date ("December
// 2022"), which calc treats conservatively.
func (t dateText) parseMonthOK(what string) (calc.Date, string) {
	if strings.TrimSpace(t.Day) != "" || strings.TrimSpace(t.Month) == "" || strings.TrimSpace(t.Year) == "" {
		return t.parse(what)
	}
	full := t
	full.Day = "1"
	d, msg := full.parse(what)
	if msg != "" {
		return d, msg
	}
	m, err := calc.NewMonth(d.Year(), d.Month())
	if err != nil {
		return calc.Date{}, what + " must be a real date: " + err.Error()
	}
	return m, ""
}

// empty reports whether nothing was typed in any box.
func (t dateText) empty() bool {
	return strings.TrimSpace(t.Day+t.Month+t.Year) == ""
}

// parse checks the three boxes and returns the date, or a message that
// says exactly what is wrong, in words a parent uses. An empty date is
// allowed here; pages that need one check empty() first.
func (t dateText) parse(what string) (calc.Date, string) {
	if t.empty() {
		return calc.Date{}, ""
	}
	parts := []struct {
		name, text string
		max        int
	}{{"day", t.Day, 31}, {"month", t.Month, 12}, {"year", t.Year, 9999}}
	var nums [3]int
	for i, p := range parts {
		s := strings.TrimSpace(p.text)
		if s == "" {
			return calc.Date{}, what + " must include a " + p.name
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return calc.Date{}, what + " must be a real date: the " + p.name + " must be a number"
		}
		nums[i] = n
	}
	if nums[2] < 1000 {
		return calc.Date{}, what + " must have a year with 4 numbers, like 2024"
	}
	if nums[2] < 1990 || nums[2] > 2100 {
		return calc.Date{}, what + " must be between 1990 and 2100"
	}
	d, err := calc.NewDate(nums[2], nums[1], nums[0])
	if err != nil {
		return calc.Date{}, what + " must be a real date: " + err.Error()
	}
	return d, ""
}

// dateField renders day / month / year boxes in a fieldset.
type dateField struct {
	ID, Legend, Hint, Error string
	Value                   *dateText
	AsHeading               bool
}

func (f dateField) render(c *app.Compo) app.UI {
	var legend app.UI = elLegend().Class("legend").Text(f.Legend)
	if f.AsHeading {
		legend = elLegend().Class("legend legend-heading").Body(elH1().Class("question").Text(f.Legend))
	}
	box := func(part, label, width string, v *string, autocomplete string) app.UI {
		id := f.ID + "-" + part
		class := "input input-" + width
		if f.Error != "" {
			class += " input-error"
		}
		return elDiv().Class("date-part").Body(
			elLabel().For(id).Class("label-small").Text(label),
			elInput().Type("text").ID(id).Name(id).Class(class).Value(*v).
				Attr("inputmode", "numeric").Attr("spellcheck", false).
				Aria("invalid", f.Error != "").
				Attr("autocomplete", autocomplete).
				OnChange(c.ValueTo(v)),
		)
	}
	return elFieldSet().Class(groupClass(f.Error)+" date-fieldset").
		Aria("describedby", describedBy(f.ID, f.Hint, f.Error)).Body(
		append(append([]app.UI{legend}, hintAndError(f.ID, f.Hint, f.Error)...),
			elDiv().Class("date-input").ID(f.ID).Body(
				box("day", "Day", "2", &f.Value.Day, "off"),
				box("month", "Month", "2", &f.Value.Month, "off"),
				box("year", "Year", "4", &f.Value.Year, "off"),
			),
		)...,
	)
}

// option is one choice of a radio group.
type option struct {
	Value, Label, Hint string
}

// radioField is a group of radios in a fieldset.
type radioField struct {
	ID, Legend, Hint, Error string
	Options                 []option
	Value                   *string
	AsHeading               bool
}

func (f radioField) render(c *app.Compo) app.UI {
	var legend app.UI = elLegend().Class("legend").Text(f.Legend)
	if f.AsHeading {
		legend = elLegend().Class("legend legend-heading").Body(elH1().Class("question").Text(f.Legend))
	}
	return elFieldSet().Class(groupClass(f.Error)).
		Aria("describedby", describedBy(f.ID, f.Hint, f.Error)).Body(
		append(append([]app.UI{legend}, hintAndError(f.ID, f.Hint, f.Error)...),
			elDiv().Class("radios").Body(elRange(f.Options).Slice(func(i int) app.UI {
				o := f.Options[i]
				id := f.ID
				if i > 0 {
					id = f.ID + "-" + itoa(i+1) // the first radio carries the group id, for the summary link
				}
				return elDiv().Class("radio").Body(
					elInput().Type("radio").ID(id).Name(f.ID).Value(o.Value).
						Checked(*f.Value == o.Value).
						OnChange(func(ctx app.Context, e app.Event) { *f.Value = o.Value }),
					elLabel().For(id).Class("radio-label").Body(
						elText(o.Label),
						elIf(o.Hint != "", func() app.UI { return elSpan().Class("hint radio-hint").Text(o.Hint) }),
					),
				)
			})),
		)...,
	)
}

// checkboxField is one yes/no tick box.
type checkboxField struct {
	ID, Label, Hint string
	Value           *bool
}

func (f checkboxField) render(c *app.Compo) app.UI {
	return elDiv().Class("field checkbox").Body(
		elInput().Type("checkbox").ID(f.ID).Name(f.ID).Checked(*f.Value).
			Aria("describedby", describedBy(f.ID, f.Hint, "")).
			OnChange(func(ctx app.Context, e app.Event) { *f.Value = e.Get("target").Get("checked").Bool() }),
		elLabel().For(f.ID).Class("checkbox-label").Text(f.Label),
		elIf(f.Hint != "", func() app.UI { return elDiv().ID(f.ID + "-hint").Class("hint checkbox-hint").Text(f.Hint) }),
	)
}

// questionForm wraps a page's fields in a form whose Continue button (or
// Enter) calls submit. The browser's own checks are off: ours say more.
func questionForm(submit func(ctx app.Context), button string, body ...app.UI) app.UI {
	if button == "" {
		button = "Continue"
	}
	return app.Form().Attr("novalidate", true).Attr("autocomplete", "off").
		OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			submit(ctx)
		}).Body(append(body,
		elDiv().Class("actions").Body(
			elButton().Type("submit").Class("button").Text(button),
		),
	)...)
}

// backLink goes to the previous step.
func backLink(path string) app.UI {
	return elA().Class("back-link").Href(pagePath(path)).Text("Back")
}
