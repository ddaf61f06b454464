package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"provisiontracker/backup"
	"provisiontracker/calc"
	"provisiontracker/calc/similar"
	"provisiontracker/letters"
)

// summaryPage is what the parent takes to the council: for each piece of
// help, what the plan says and what happened; the delays; the remedy
// estimate with its basis; where to complain and by when; and the letters
// and downloads. Every figure is calc's (or letters') for the open case on
// today's date: the page only puts them into words.
type summaryPage struct {
	app.Compo
	book *caseBook // the parent's records, given by main

	notice string // the result of the last download, for the status line
}

func (p *summaryPage) OnNav(ctx app.Context) {
	p.book.open()
	p.notice = ""
}

func (p *summaryPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	c := p.book.current()
	now := today()
	child := strings.TrimSpace(c.Child.FirstName)
	title := "Summary"
	if child != "" {
		title = "Summary for " + child
	}
	content := []app.UI{
		elP().Text("What your records show on " + now.Long() + ". Every number comes from what you entered. " +
			"If something is wrong, change it in the record and this page changes too."),
		elIf(!c.Closed.IsZero(), func() app.UI { return elP().Class("notice").Text(closedSentence(c)) }),
	}
	content = append(content, summaryProvisions(p.book, c, now)...)
	content = append(content, summaryDelays(c, now)...)
	rules := calc.DefaultRules()
	content = append(content, summaryEstimate(c, calc.EstimateCase(c, rules, now), rules.Tested)...)
	content = append(content, decisionsLikeYours(c, now)...)
	content = append(content, summaryRoutes(letters.Routes(c, now))...)
	content = append(content, p.lettersSection(c, now)...)
	return newPage(p.book, title, content...).backTo("/check")
}

// summaryProvisions shows each provision: the plan's words, calc's counts
// and the dated list of missed sessions.
func summaryProvisions(b *caseBook, c calc.Case, now calc.Date) []app.UI {
	out := []app.UI{elH2().ID("provision").Text("The help in the plan and what happened")}
	provs := provisionsOf(c)
	if len(provs) == 0 {
		return append(out, elP().Class("empty").Body(
			elText("You have not added any help from the plan yet. "),
			elA().Href(pagePath("/provisions")).Text("Add the help in the plan"),
		))
	}
	cal := calc.CalendarFor(c)
	for _, pr := range provs {
		n := calc.Tally(pr, calc.Schedule(pr, cal, now), calc.Date{}, now)
		missed := letters.MissedSessions(c, pr, now)
		id := "prov-" + safeID(pr.ID)
		var wording app.UI
		if w := strings.TrimSpace(pr.Wording); w != "" {
			wording = elBlockquote().Class("plan-words").Body(multilineText(w)...)
		} else {
			wording = elP().Class("empty").Body(
				elText("You have not copied the plan's exact words yet. "),
				elA().Href(pagePath(withReturn("/provision/wording?id="+pr.ID, "/summary"))).Text("Add the plan's words"),
			)
		}
		section := "Section " + string(pr.Section)
		if pr.Section == "" {
			section = "Section not given"
		}
		out = append(out, elSection().Class("card summary-provision").Aria("labelledby", id).Body(
			elH3().ID(id).Class("card-title").Text(provisionName(b, pr)),
			elP().Class("card-meta").Text(strings.Join(nonEmptyStrings(section, describeAmount(pr), pr.Provider), " · ")),
			elP().Class("summary-label").Text("The plan says:"),
			wording,
			summaryCounts(n),
			app.H4().Class("summary-subhead").Text("Missed sessions"),
			missedTable(provisionName(b, pr), missed),
		))
	}
	return out
}

// summaryCounts shows calc's counts for one provision.
func summaryCounts(n calc.Counts) app.UI {
	paid := itoa(n.PaidPrivately)
	if n.PaidPrivately > 0 {
		paid += " (" + calc.FormatMoney(n.PrivateCost) + ")"
	}
	item := func(key, label, value string) app.UI {
		return elDiv().Class("count").DataSet("count", key).Body(elDt().Text(label), elDd().Text(value))
	}
	return elDl().Class("counts summary-counts").Body(
		item("recorded", "Sessions recorded", itoa(n.Recorded)),
		item("delivered", "Delivered", itoa(n.Delivered)),
		item("missed", "Missed", itoa(n.Missed)),
		item("made_up", "Made up later", itoa(n.MadeUp)),
		item("paid_privately", "Paid for by you", paid),
		item("percent", "Share delivered, of those recorded", deliveredShare(n)),
		elIf(n.ChildAbsent > 0, func() app.UI {
			return item("child_absent", "Child away (not counted)", itoa(n.ChildAbsent))
		}),
		elIf(n.Unrecorded > 0, func() app.UI {
			return item("unrecorded", "Due but not recorded yet", itoa(n.Unrecorded))
		}),
	)
}

// missedTable is the dated list of missed sessions, as the letters list
// them: a list rather than a table, so it reads on a phone and on paper.
func missedTable(name string, list []letters.Missed) app.UI {
	if len(list) == 0 {
		return elP().Class("empty").Text("No missed sessions are recorded.")
	}
	return elUl().Class("missed-list").Aria("label", "Missed sessions of "+name).Body(elRange(list).Slice(func(i int) app.UI {
		m := list[i]
		what := m.What
		if m.Reason != "" {
			what += " (reason given: " + m.Reason + ")"
		}
		return elLi().Body(
			elSpan().Class("missed-date").Text(m.When),
			elSpan().Class("missed-what").Text(what),
		)
	}))
}

// summaryDelays lists the steps that were late or are overdue.
func summaryDelays(c calc.Case, now calc.Date) []app.UI {
	var late []calc.Deadline
	for _, d := range calc.Deadlines(c, calc.CalendarFor(c), now) {
		if d.Status == calc.Late || d.Status == calc.Overdue {
			late = append(late, d)
		}
	}
	out := []app.UI{elH2().ID("delays").Text("Delays")}
	if len(late) == 0 {
		out = append(out, elP().Text("Nothing in your records was late."))
	} else {
		out = append(out,
			elP().Text("These steps were done late, or are overdue, by the dates you gave."),
			deadlineTable(late),
		)
	}
	return append(out, elP().Class("no-print").Body(elA().Href(pagePath("/deadlines")).Text("See every deadline")))
}

// summaryEstimate shows calc's remedy estimate line by line, and how
// close such estimates came on past decisions.
func summaryEstimate(c calc.Case, e calc.Estimate, tested calc.TrackRecord) []app.UI {
	out := []app.UI{
		elH2().ID("estimate").Text("What the Ombudsman has recommended in cases like this"),
		disclaimer(),
	}
	if len(e.Lines) == 0 {
		return append(out, elP().Class("empty").Text("There is nothing to estimate yet: no missed sessions or delays are recorded."))
	}
	byRef := map[string]similar.Decision{}
	for _, d := range similar.Decisions() {
		byRef[d.Ref] = d
	}
	out = append(out,
		elP().Text("Each amount is a range: low, typical and high, from the Ombudsman's past decisions (figures as at "+e.FiguresDate.Long()+")."),
		elUl().Class("estimate-lines").Body(elRange(e.Lines).Slice(func(i int) app.UI {
			l := e.Lines[i]
			return elLi().Class("estimate-line").DataSet("line", l.Key).Body(
				elH3().Class("estimate-title").Text(letters.LineTitle(c, l)),
				moneyRange(l.Low, l.Typical, l.High),
				elP().Class("estimate-basis").Text(l.Basis),
				elIf(l.Ongoing, func() app.UI {
					return elP().Class("estimate-note").Text("This is for months still to come: it stops when the help is back in place.")
				}),
				elIf(l.Overridden, func() app.UI {
					return elP().Class("estimate-note").Text("You changed the rate for this line (see below).")
				}),
				elP().Class("estimate-source").Text("Source: "+l.Source+". Figures as at "+l.FiguresDate.Long()+"."),
				lineDecisions(l.Decisions, byRef),
			)
		})),
		elDiv().Class("estimate-total").DataSet("line", "total").Body(
			elH3().Class("estimate-title").Text("Total"),
			moneyRange(e.Low, e.Typical, e.High),
		),
		trackRecord(tested),
	)
	out = append(out, rateChanges(c))
	for _, n := range e.Notes {
		out = append(out, elP().Class("estimate-note").Text(n))
	}
	return append(out, elP().Class("estimate-source").Text(calc.Rounding))
}

// trackRecord says how often the estimate was right on past decisions it
// was not built from, so a parent knows how far to trust it.
func trackRecord(t calc.TrackRecord) app.UI {
	if t.Decisions == 0 {
		return nil
	}
	return elDiv().Class("estimate-tested").Body(
		elH3().Text("How close is this?"),
		elP().Text("We tried this way of working out a payment on "+strconv.Itoa(t.Decisions)+
			" past Ombudsman decisions, each time using only the other decisions. The payment was between the low and high figures in "+
			strconv.Itoa(t.Inside)+" of them, and the typical figure was no more than 50% above or below it in "+
			strconv.Itoa(t.WithinHalf)+". So use these figures as a guide, not a promise."),
	)
}

// lineDecisions says how many Ombudsman decisions a line's figures rest
// on, and lists them with links to read each one.
func lineDecisions(refs []string, byRef map[string]similar.Decision) app.UI {
	if len(refs) == 0 {
		return nil
	}
	return app.Details().Class("estimate-decisions").Body(
		app.Summary().Text("Based on "+plural(len(refs), "Ombudsman decision")),
		elUl().Class("list").Body(elRange(refs).Slice(func(i int) app.UI {
			d, ok := byRef[refs[i]]
			if !ok || d.URL == "" {
				return elLi().Text(refs[i])
			}
			name := refs[i]
			if d.Council != "" {
				name = d.Council + ", " + name
			}
			if !d.Date.IsZero() {
				name += " (" + d.Date.Long() + ")"
			}
			return elLi().Body(elA().Href(d.URL).Text(name))
		})),
	)
}

// rateChanges lists the rates the parent changed, with the usual figures.
func rateChanges(c calc.Case) app.UI {
	if len(c.RateOverrides) == 0 {
		return nil
	}
	def := calc.DefaultRules()
	return elDiv().Body(
		elH3().Text("Rates you changed"),
		elUl().Class("list").Body(elRange(c.RateOverrides).Slice(func(i int) app.UI {
			o := c.RateOverrides[i]
			name, usual := o.Key, ""
			if r, ok := def.Rate(o.Key); ok {
				name = r.Title
				usual = " (usually " + calc.FormatMoney(r.Low) + " to " + calc.FormatMoney(r.High) + ", typical " + calc.FormatMoney(r.Typical) + ")"
			}
			s := name + ": " + calc.FormatMoney(o.Low) + " to " + calc.FormatMoney(o.High) + ", typical " + calc.FormatMoney(o.Typical) + usual + "."
			if r := strings.TrimSpace(o.Reason); r != "" {
				s += " Why: " + r
			}
			return elLi().Text(s)
		})),
	)
}

// moneyRange shows low, typical and high amounts.
func moneyRange(low, typ, high decimal.Decimal) app.UI {
	item := func(key, label string, d decimal.Decimal) app.UI {
		return elDiv().Class("money-item money-"+key).DataSet("amount", key).Body(
			elDt().Text(label), elDd().Text(calc.FormatMoney(d)))
	}
	return elDl().Class("money-range").Body(
		item("low", "Low", low), item("typical", "Typical", typ), item("high", "High", high))
}

// disclaimer says plainly what the estimate is and is not.
func disclaimer() app.UI {
	return elDiv().Class("notice-box").Body(
		elP().Body(elStrong().Text("This is an indication, not legal advice.")),
		elP().Text("The Ombudsman decides each case on its own facts, and it only recommends: councils usually follow it, "+
			"but they can lawfully pay less. Free, independent advice is listed below."),
	)
}

// summaryRoutes shows where to complain, why, the steps and the dates.
func summaryRoutes(rs []letters.Route) []app.UI {
	out := []app.UI{elH2().ID("routes").Text("Where to complain, and by when")}
	for _, r := range rs {
		out = append(out, elSection().Class("route").Body(
			elH3().Text(r.Title),
			elP().Text(r.Why),
			elIf(len(r.Limits) > 0, func() app.UI {
				return elUl().Class("route-limits").Body(elRange(r.Limits).Slice(func(i int) app.UI {
					return routeLimit(r.Limits[i])
				}))
			}),
			elOl().Class("list list-number").Body(elRange(r.Steps).Slice(func(i int) app.UI {
				return elLi().Text(r.Steps[i])
			})),
			elIf(len(r.Letters) > 0, func() app.UI {
				return elUl().Class("list no-print").Body(elRange(r.Letters).Slice(func(i int) app.UI {
					return elLi().Body(elA().Href(pagePath(letterPath(r.Letters[i]))).Text(letterLinkText(r.Letters[i])))
				}))
			}),
		))
	}
	return out
}

// routeLimit says one time limit as a date: "You have until 14 March 2027
// to complain to the Ombudsman".
func routeLimit(l letters.Limit) app.UI {
	var text string
	what := strings.TrimSpace(l.What)
	switch {
	case l.Parent && !l.Passed && strings.HasSuffix(what, " by"):
		w := strings.TrimSuffix(what, " by")
		text = "You have until " + l.Date.Long() + " to " + strings.ToLower(w[:1]) + w[1:] + "."
	case l.Passed:
		text = what + " " + l.Date.Long() + ". This date has passed."
		if !strings.HasSuffix(what, " by") && !strings.HasSuffix(what, " from") {
			text = what + ": " + l.Date.Long() + ". This date has passed."
		}
	case strings.HasSuffix(what, " by") || strings.HasSuffix(what, " from"):
		text = what + " " + l.Date.Long() + "."
	default:
		text = what + ": " + l.Date.Long() + "."
	}
	return elLi().Class("route-limit").Body(
		elP().Class("route-limit-date").Body(elStrong().Text(text)),
		elIf(l.Note != "", func() app.UI { return elP().Class("route-limit-note").Text(l.Note) }),
		elP().Class("estimate-source").Text("Source: "+l.Source),
	)
}

// lettersSection links to each letter that fits the case and offers the
// session log as CSV.
func (p *summaryPage) lettersSection(c calc.Case, now calc.Date) []app.UI {
	kinds := letters.Available(c)
	return []app.UI{
		elDiv().Class("no-print").Body(
			elH2().ID("letters").Text("Letters and downloads"),
			elIf(len(kinds) == 0, func() app.UI {
				return elP().Text("Add the plan and the help in it to write a letter.")
			}),
			elIf(len(kinds) > 0, func() app.UI {
				return elUl().Class("list").Body(elRange(kinds).Slice(func(i int) app.UI {
					return elLi().Body(elA().Href(pagePath(letterPath(kinds[i]))).Text(letterLinkText(kinds[i])))
				}))
			}),
			elP().Body(elA().Href(pagePath("/letter/details")).Text("Your details and your own words for the letters")),
			elDiv().Class("export-actions").Body(
				elButton().Type("button").Class("button button-secondary").ID("download-csv").
					Text("Download the session log (CSV)").
					OnClick(func(ctx app.Context, e app.Event) {
						p.notice = downloadCSV(p.book.current(), today())
					}),
			),
			elP().Class("export-notice").Attr("role", "status").Text(p.notice),
		),
	}
}

// downloadCSV offers the session log as a CSV file and says how it went.
func downloadCSV(c calc.Case, now calc.Date) string {
	data, err := letters.SessionLogCSV(c, now)
	if err != nil {
		return "The session log could not be made: " + err.Error()
	}
	name := exportFileName(c.Child.FirstName, "session-log", now, "csv")
	if !downloadFile(name, "text/csv;charset=utf-8", data) {
		return "This browser did not save the file."
	}
	return "Saved " + name + " to your downloads."
}

// letterPath is the address of a letter.
func letterPath(k letters.Kind) string { return "/letter?kind=" + string(k) }

var letterLinks = map[letters.Kind]string{
	letters.CouncilStage1:    "Stage 1 complaint to the council",
	letters.CouncilStage2:    "Stage 2 complaint to the council",
	letters.OmbudsmanForm:    "Text for the Ombudsman's online form",
	letters.SocialCareStage1: "Stage 1 complaint to children's social care",
}

func letterLinkText(k letters.Kind) string {
	if s, ok := letterLinks[k]; ok {
		return s
	}
	return string(k)
}

// exportFileName is provision-tracker-<child>-<what>-<date>.<ext>, in safe
// ASCII: letters, digits and hyphens.
func exportFileName(child, what string, d calc.Date, ext string) string {
	c := backup.Slug(child)
	if c == "" {
		c = "child"
	}
	return "provision-tracker-" + c + "-" + backup.Slug(what) + "-" + d.String() + "." + ext
}

// safeID makes an id usable in an HTML id attribute.
func safeID(s string) string {
	if n := backup.Slug(s); n != "" {
		return n
	}
	return "x"
}

func nonEmptyStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// multilineText keeps the line breaks of a text as <br>.
func multilineText(s string) []app.UI {
	var out []app.UI
	for i, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if i > 0 {
			out = append(out, elBr())
		}
		out = append(out, elText(line))
	}
	return out
}
