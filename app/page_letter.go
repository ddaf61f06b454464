package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/letters"
)

// letterPage shows one letter (/letter?kind=council_stage1), filled from
// the case by letters.Build, laid out as a letter, with the ways to get it
// out of the phone: print, download as text or as a web page, copy, and
// share where the browser can. A button the browser cannot back is not
// shown.
type letterPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	kind     letters.Kind
	notice   string // what the last button did, for the status line
	canShare bool
	canPrint bool
}

func (p *letterPage) OnNav(ctx app.Context) {
	p.book.open()
	p.kind = letters.Kind(ctx.Page().URL().Query().Get("kind"))
	p.notice = ""
	p.canShare = canShare()
	p.canPrint = canPrint()
}

// letterFor builds the letter of kind k for the open case, today.
func letterFor(b *caseBook, k letters.Kind) (letters.Letter, bool) {
	c := b.current()
	ok := false
	for _, a := range letters.Available(c) {
		ok = ok || a == k
	}
	if !ok {
		return letters.Letter{}, false
	}
	l, err := letters.Build(k, c, letters.InputsFrom(c), today())
	l.FreeHelp = siteBrand().HelpLines()
	return l, err == nil
}

func (p *letterPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	l, ok := letterFor(p.book, p.kind)
	if !ok {
		kinds := letters.Available(p.book.current())
		return newPage(p.book, "Choose a letter",
			elP().Text("This letter does not fit your child's record. These ones do:"),
			elUl().Class("list").Body(elRange(kinds).Slice(func(i int) app.UI {
				return elLi().Body(elA().Href(pagePath(letterPath(kinds[i]))).Text(letterLinkText(kinds[i])))
			})),
		).backTo("/summary")
	}
	here := letterPath(p.kind)
	details := "/letter/details?return=" + url.QueryEscape(here)
	c := p.book.current()
	base := exportFileName(c.Child.FirstName, string(l.Kind), l.Date, "")
	base = strings.TrimSuffix(base, ".")
	intro := "Check the letter, then print it, save it or copy it into an email. The parts with a yellow background are in your own words."
	if !l.IsLetter() {
		intro = "Copy these answers into the Ombudsman's online complaint form, part by part. The parts with a yellow background are in your own words."
	}
	return newPage(p.book, l.Title,
		elDiv().Class("no-print letter-tools").Body(
			elP().Text(intro),
			elIf(len(l.Missing) > 0, func() app.UI {
				return elDiv().Class("notice-box letter-missing").Body(
					elP().Body(elStrong().Text("Before you send it, add:")),
					elUl().Class("list list-bullet").Body(elRange(l.Missing).Slice(func(i int) app.UI {
						return elLi().Text(l.Missing[i])
					})),
				)
			}),
			elP().Body(elA().Href(pagePath(details)).Text("Add or change your details and your own words")),
			elDiv().Class("export-actions").Body(
				elIf(p.canPrint, func() app.UI {
					return elButton().Type("button").Class("button").ID("letter-print").Text("Print").
						OnClick(func(ctx app.Context, e app.Event) { printPage() })
				}),
				elButton().Type("button").Class("button button-secondary").ID("letter-download-txt").
					Text("Download as text").
					OnClick(func(ctx app.Context, e app.Event) {
						p.notice = saveNotice(base+".txt", downloadFile(base+".txt", "text/plain;charset=utf-8", []byte(l.PlainText())))
					}),
				elButton().Type("button").Class("button button-secondary").ID("letter-download-html").
					Text("Download as a web page").
					OnClick(func(ctx app.Context, e app.Event) {
						p.notice = saveNotice(base+".html", downloadFile(base+".html", "text/html;charset=utf-8", []byte(l.StandaloneHTML())))
					}),
				elButton().Type("button").Class("button button-secondary").ID("letter-copy").Text("Copy").
					OnClick(func(ctx app.Context, e app.Event) {
						copyText(l.PlainText(), func(ok bool) {
							ctx.Dispatch(func(ctx app.Context) {
								if ok {
									p.notice = "The letter is copied. Paste it into an email or a document."
								} else {
									p.notice = "This browser did not let us copy. Select the letter's text and copy it yourself, or use Download as text."
								}
							})
						})
					}),
				elIf(p.canShare, func() app.UI {
					return elButton().Type("button").Class("button button-secondary").ID("letter-share").Text("Share").
						OnClick(func(ctx app.Context, e app.Event) {
							shareText(l.Title, l.PlainText(), func(problem string) {
								ctx.Dispatch(func(ctx app.Context) { p.notice = problem })
							})
						})
				}),
			),
			elP().Class("export-notice").ID("letter-notice").Attr("role", "status").Text(p.notice),
		),
		letterView(l),
		elDiv().Class("no-print").Body(
			elH2().Text("Other letters"),
			elUl().Class("list").Body(elRange(letters.Available(c)).Slice(func(i int) app.UI {
				k := letters.Available(c)[i]
				if k == p.kind {
					return elLi().Text(letterLinkText(k) + " (this one)")
				}
				return elLi().Body(elA().Href(pagePath(letterPath(k))).Text(letterLinkText(k)))
			})),
			elP().Body(elA().Href(pagePath("/summary")).Text("Back to the summary")),
		),
	).backTo("/summary")
}

func saveNotice(name string, ok bool) string {
	if ok {
		return "Saved " + name + " to your downloads."
	}
	return "This browser did not save the file. Use Copy instead."
}

// letterView lays the letter out as a letter: the sender's address on the
// right, the date, the recipient, the subject, the body and the sign-off.
func letterView(l letters.Letter) app.UI {
	var parts []app.UI
	if l.IsLetter() {
		if len(l.Sender) > 0 {
			parts = append(parts, app.Address().Class("letter-sender").Body(lines(l.Sender)...))
		}
		parts = append(parts, elP().Class("letter-date").Text(l.Date.Long()))
		if len(l.Recipient) > 0 {
			parts = append(parts, app.Address().Class("letter-recipient").Body(lines(l.Recipient)...))
		}
		if l.Subject != "" {
			parts = append(parts, elP().Class("letter-subject").Text(l.Subject))
		}
		if l.Salutation != "" {
			parts = append(parts, elP().Class("letter-salutation").Text(l.Salutation))
		}
	} else {
		parts = append(parts, elP().Class("letter-date").Text("Written on "+l.Date.Long()))
	}
	for _, b := range l.Blocks {
		parts = append(parts, letterBlock(b))
	}
	if l.SignOff != "" {
		parts = append(parts,
			elP().Class("letter-signoff").Text(l.SignOff),
			elP().Class("letter-signname").Text(l.SignName),
		)
	}
	if len(l.CC) > 0 {
		parts = append(parts, elP().Class("letter-cc").Text("Copy to: "+strings.Join(l.CC, "; ")))
	}
	if len(l.FreeHelp) > 0 {
		parts = append(parts, elP().Class("letter-cc letter-free-help").Body(lines(l.FreeHelp)...))
	}
	label := "The letter"
	if !l.IsLetter() {
		label = "The text for the form"
	}
	return app.Article().Class("letter-sheet").ID("letter").Aria("label", label).Body(parts...)
}

func lines(ls []string) []app.UI {
	var out []app.UI
	for i, s := range ls {
		if i > 0 {
			out = append(out, elBr())
		}
		out = append(out, elText(s))
	}
	return out
}

func letterBlock(b letters.Block) app.UI {
	own := ""
	if b.Own {
		own = " letter-own"
	}
	switch b.Kind {
	case letters.BlockHeading:
		return elH2().Class("letter-heading").Text(b.Text)
	case letters.BlockQuote:
		return elBlockquote().Class("letter-quote" + own).Body(elP().Body(multilineText(strings.TrimSpace(b.Text))...))
	case letters.BlockList:
		items := elRange(b.Items).Slice(func(i int) app.UI { return elLi().Text(b.Items[i]) })
		if b.Numbered {
			return elOl().Class("letter-list").Body(items)
		}
		return elUl().Class("letter-list").Body(items)
	case letters.BlockTable:
		if b.Table == nil {
			return nil
		}
		return letterTable(b.Table)
	}
	paras := strings.Split(strings.ReplaceAll(strings.TrimSpace(b.Text), "\r\n", "\n"), "\n\n")
	if len(paras) == 1 {
		return elP().Class("letter-para" + own).Body(multilineText(paras[0])...)
	}
	return elDiv().Class("letter-paras" + own).Body(elRange(paras).Slice(func(i int) app.UI {
		return elP().Class("letter-para").Body(multilineText(strings.TrimSpace(paras[i]))...)
	}))
}

func letterTable(t *letters.Table) app.UI {
	dateCol := -1
	for i, h := range t.Headers {
		if h == "Date" {
			dateCol = i
		}
	}
	cell := func(s string, th bool, col int) app.UI {
		class := ""
		if letters.IsAmount(s) {
			class = "n"
		}
		if col == dateCol {
			class = "letter-date-col"
		}
		if th {
			return elTh().Scope("col").Class(class).Text(s)
		}
		// data-label names the column, for the stacked rows on a phone.
		label := ""
		if col < len(t.Headers) {
			label = t.Headers[col]
		}
		return elTd().Class(class).DataSet("label", label).Text(s)
	}
	label := t.Caption
	if label == "" && len(t.Headers) > 0 {
		label = "Table: " + strings.Join(t.Headers, ", ")
	}
	return elDiv().Class("table-wrap").Attr("role", "region").Aria("label", label).Attr("tabindex", 0).Body(
		app.Table().Class("letter-table").Body(
			elIf(t.Caption != "", func() app.UI { return app.Caption().Text(t.Caption) }),
			app.THead().Body(elTr().Body(elRange(t.Headers).Slice(func(i int) app.UI { return cell(t.Headers[i], true, i) }))),
			app.TBody().Body(elRange(t.Rows).Slice(func(i int) app.UI {
				r := t.Rows[i]
				return elTr().Body(elRange(r).Slice(func(j int) app.UI { return cell(r[j], false, j) }))
			})),
			elIf(len(t.Totals) > 0, func() app.UI {
				return app.TFoot().Body(elTr().Body(elRange(t.Totals).Slice(func(j int) app.UI { return cell(t.Totals[j], false, j) })))
			}),
		),
	)
}
