package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
)

// outcomeChanged is the action a session row sends after saving, so the
// counts catch up. (The row's own month is redrawn anyway: go-app redraws
// the component that handled an event and everything around it, but not
// the other months.)
const outcomeChanged = "pt-outcome-changed"

// sessionLogPage lists the sessions a provision was due, month by month,
// each with one-tap buttons. Only open months draw their rows, and a tap
// redraws only its own month and the counts: the other months' fields do
// not change, so go-app leaves them as they are.
type sessionLogPage struct {
	app.Compo
	book   *caseBook // the parent's records, given by main
	id     string
	months []sessionMonthData
	open   map[string]bool
}

// sessionMonthData is one month of calc's session log: the sessions a
// parent can tap, and the stretches (not in place, totals entered) that
// start in it.
type sessionMonthData struct {
	Key       string // "2023-03"
	Label     string // "March 2023"
	Sessions  []calc.Session
	Stretches []calc.LogEntry
}

func (p *sessionLogPage) OnNav(ctx app.Context) {
	p.book.open()
	p.load(ctx.Page().URL().Query())
}

// load finds the provision named by "?id=", groups its session log by
// month and opens the first month with something still to record.
func (p *sessionLogPage) load(q url.Values) {
	p.id = q.Get("id")
	pr, ok := p.book.provision(p.id)
	if !ok {
		p.months = nil
		return
	}
	p.months = monthsOf(calc.ProvisionLog(pr, calc.CalendarFor(p.book.current()), calc.Date{}, today()))
	p.open = map[string]bool{}
	// Open the first month with something still to record.
	for _, m := range p.months {
		for _, s := range m.Sessions {
			if _, done := p.book.outcomeOf(p.id, s); !done {
				p.open[m.Key] = true
				break
			}
		}
		if len(p.open) > 0 {
			break
		}
	}
	if len(p.open) == 0 && len(p.months) > 0 {
		p.open[p.months[len(p.months)-1].Key] = true
	}
}

// monthsOf groups a session log by month: calc decides which sessions a
// parent can tap (those not inside totals or a stretch not in place).
func monthsOf(lg calc.SessionLog) []sessionMonthData {
	var months []sessionMonthData
	for _, e := range lg.Entries {
		if e.Kind == calc.EntryMadeUp {
			continue // shown on the missed session it replaced
		}
		key := e.Date.String()[:7]
		if len(months) == 0 || months[len(months)-1].Key != key {
			months = append(months, sessionMonthData{Key: key, Label: monthNames[e.Date.Month()-1] + " " + itoa(e.Date.Year())})
		}
		m := &months[len(months)-1]
		if e.Kind == calc.EntrySession {
			m.Sessions = append(m.Sessions, calc.Session{Date: e.Date, Seq: e.Seq})
		} else {
			m.Stretches = append(m.Stretches, e)
		}
	}
	return months
}

// stretchText says what a stretch of the log stands for.
func stretchText(e calc.LogEntry) string {
	span := e.Date.Long()
	if !e.To.IsZero() {
		span += " to " + e.To.Long()
	}
	if e.Kind == calc.EntryNotInPlace {
		return "Not in place from " + span + ": the " + plural(e.Missed, "session") + " due in that time count as missed."
	}
	s := "Totals you entered for " + span + ": " + itoa(e.Delivered) + " delivered, " + itoa(e.Missed) + " missed"
	if e.Unrecorded > 0 {
		s += ", " + itoa(e.Unrecorded) + " not recorded"
	}
	return s + "."
}

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func (p *sessionLogPage) Render() app.UI {
	if !p.book.hasCase() {
		return noRecordPage(p.book)
	}
	pr, ok := p.book.provision(p.id)
	if !ok {
		return newPage(p.book, "Sessions", elP().Text("We could not find this help in the record."),
			elA().Href(pagePath("/sessions")).Text("Go back to the list")).backTo("/sessions")
	}
	content := []app.UI{
		elP().Class("card-meta").Text(describeAmount(pr)),
		&sessionCounts{book: p.book, ProvisionID: p.id},
		elP().Text("Tap what happened to each session. It is saved straight away."),
	}
	if len(p.months) == 0 {
		content = append(content, elP().Text("No sessions were due yet between the start date and today. "+
			"Check the start date of this help, or enter totals instead."))
	}
	for _, m := range p.months {
		content = append(content, &sessionMonth{book: p.book, ProvisionID: p.id, Month: m, StartOpen: p.open[m.Key]})
	}
	content = append(content, elP().Body(
		elA().Href(pagePath("/sessions/count?id="+p.id)).Text("Enter totals instead (for example 12 missed between February and July)")),
		elP().Body(elA().Href(pagePath("/sessions/makeup?id="+p.id)).Text("Has the council agreed to make up missed "+makeUpUnit(pr)+"? Tell us how many")),
		elP().Body(elA().Class("button").Href(pagePath("/sessions")).Text("Done: back to all the help")))
	return newPage(p.book, "Sessions: "+provisionName(p.book, pr), content...).backTo("/sessions")
}

// sessionCounts shows calc's counts for a provision and keeps them up to
// date as rows change.
type sessionCounts struct {
	app.Compo
	book        *caseBook // the parent's records, given by main
	ProvisionID string
}

func (c *sessionCounts) OnMount(ctx app.Context) {
	ctx.Handle(outcomeChanged, func(ctx app.Context, a app.Action) { ctx.Update() })
}

func (c *sessionCounts) Render() app.UI {
	pr, _ := c.book.provision(c.ProvisionID)
	now := today()
	n := calc.ProvisionLog(pr, calc.CalendarFor(c.book.current()), calc.Date{}, now).Counts
	return elDiv().Class("counts-box").Attr("aria-live", "polite").Body(countsLine(n))
}

// sessionMonth is one month's heading, its bulk action and, when open,
// its rows.
type sessionMonth struct {
	app.Compo
	book        *caseBook // the parent's records, given by main
	ProvisionID string
	Month       sessionMonthData
	StartOpen   bool

	// open is the month's own state: go-app redraws a parent after every
	// tap, and an exported field would be reset from it.
	open bool
}

func (m *sessionMonth) OnInit() { m.open = m.StartOpen }

func (m *sessionMonth) unrecorded() []calc.Session {
	var out []calc.Session
	for _, s := range m.Month.Sessions {
		if _, done := m.book.outcomeOf(m.ProvisionID, s); !done {
			out = append(out, s)
		}
	}
	return out
}

func (m *sessionMonth) Render() app.UI {
	open := m.unrecorded()
	status := "all recorded"
	if len(open) > 0 {
		status = itoa(len(open)) + " not recorded"
	}
	bodyID := "month-" + m.Month.Key
	return elSection().Class("month").Body(
		elH2().Class("month-title").Body(
			elButton().Type("button").Class("month-toggle").
				Aria("expanded", m.open).Aria("controls", bodyID).
				OnClick(func(ctx app.Context, e app.Event) { m.open = !m.open }).Body(
				elSpan().Text(m.Month.Label),
				elSpan().Class("month-status").Text(monthStatus(m.Month, status)),
			),
		),
		elIf(m.open, func() app.UI {
			return elDiv().ID(bodyID).Body(
				elRange(m.Month.Stretches).Slice(func(i int) app.UI {
					return elP().Class("session-stretch").Text(stretchText(m.Month.Stretches[i]))
				}),
				elIf(len(open) > 0, func() app.UI {
					return elDiv().Class("bulk").Body(
						elSpan().Class("bulk-label").Text("Mark the "+itoa(len(open))+" not recorded in "+m.Month.Label+" as:"),
						elButton().Type("button").Class("button button-small").Text("Delivered").
							OnClick(func(ctx app.Context, e app.Event) { m.tapAll(ctx, calc.StatusDelivered) }),
						elButton().Type("button").Class("button button-small button-secondary").Text("Missed").
							OnClick(func(ctx app.Context, e app.Event) { m.tapAll(ctx, calc.StatusMissed) }),
					)
				}),
				elUl().Class("session-list").Body(elRange(m.Month.Sessions).Slice(func(i int) app.UI {
					s := m.Month.Sessions[i]
					return &sessionRow{book: m.book, ProvisionID: m.ProvisionID, MonthKey: m.Month.Key, Date: s.Date, Seq: s.Seq, Rev: m.book.rev}
				})),
			)
		}),
	)
}

// monthStatus is the month's line under its name: how many sessions to
// tap and how many are left, or what its stretches are.
func monthStatus(m sessionMonthData, status string) string {
	if len(m.Sessions) == 0 {
		if len(m.Stretches) > 0 && m.Stretches[0].Kind == calc.EntryNotInPlace {
			return "not in place"
		}
		return "totals entered"
	}
	return itoa(len(m.Sessions)) + " due, " + status
}

func (m *sessionMonth) tapAll(ctx app.Context, status calc.Status) {
	m.markAll(status)
	outcomesChanged(ctx, m.Month.Key)
}

// markAll records status for every session of the month with nothing
// recorded yet; those already recorded keep what they have.
func (m *sessionMonth) markAll(status calc.Status) bool {
	open := m.unrecorded()
	return len(m.book.changeOutcomes(m.ProvisionID, func(outs []calc.Outcome) []calc.Outcome {
		for _, s := range open {
			outs = append(outs, calc.Outcome{Date: s.Date, Seq: s.Seq, Status: status})
		}
		return outs
	})) == 0
}

// outcomesChanged tells the counts (and the month) that a session's record
// changed, so they are drawn again.
func outcomesChanged(ctx app.Context, monthKey string) {
	ctx.NewAction(outcomeChanged, app.T("month", monthKey))
}

// sessionRow is one expected session with its one-tap buttons. It reads
// its outcome from the book, so it is always what is saved.
type sessionRow struct {
	app.Compo
	book        *caseBook // the parent's records, given by main
	ProvisionID string
	MonthKey    string
	Date        calc.Date
	Seq         int
	Rev         int // the book's revision when drawn: a bulk change redraws rows

	more      bool
	cost      string
	madeUp    dateText
	note      string
	rowErrors formErrors
}

func (r *sessionRow) session() calc.Session { return calc.Session{Date: r.Date, Seq: r.Seq} }

func (r *sessionRow) Render() app.UI {
	o, recorded := r.book.outcomeOf(r.ProvisionID, r.session())
	id := r.rowID()
	statusText := "Not recorded"
	if recorded {
		statusText = statusLabel(o)
	}
	madeUpBy, hasMadeUp := r.book.madeUpFor(r.ProvisionID, r.session())
	button := func(label string, s calc.Status) app.UI {
		pressed := recorded && o.Status == s
		class := "choice"
		if pressed {
			class += " choice-on"
		}
		return elButton().Type("button").Class(class).Aria("pressed", pressed).Text(label).
			OnClick(func(ctx app.Context, e app.Event) {
				if r.mark(calc.Outcome{Status: s}) {
					outcomesChanged(ctx, r.MonthKey)
				}
			})
	}
	return elLi().Class("session").ID(id).Body(
		elDiv().Class("session-head").Body(
			elSpan().Class("session-date").Text(weekdayNames[r.Date.Weekday()]+" "+r.Date.Long()),
			elSpan().Class("tag tag-"+statusTag(o, recorded)).Text(statusText),
		),
		elDiv().Class("choices").Attr("role", "group").Aria("label", "What happened on "+r.Date.Long()).Body(
			button("Delivered", calc.StatusDelivered),
			button("Missed", calc.StatusMissed),
			button("Child absent", calc.StatusChildAbsent),
			elButton().Type("button").Class("choice choice-more").Aria("expanded", r.more).
				Text("More").OnClick(func(ctx app.Context, e app.Event) { r.more = !r.more }),
		),
		elIf(hasMadeUp, func() app.UI {
			return elP().Class("session-note").Text("Made up on " + madeUpBy.Long())
		}),
		elIf(recorded && o.Note != "", func() app.UI { return elP().Class("session-note").Text("Note: " + o.Note) }),
		elIf(r.more, func() app.UI { return r.renderMore(id, o, recorded) }).
			// A refused tap (for example "Delivered" on a missed session
			// that was made up) says why here; with More open it is there.
			Else(func() app.UI { return errorSummaryInline(r.rowErrors) }),
	)
}

func (r *sessionRow) renderMore(id string, o calc.Outcome, recorded bool) app.UI {
	return elDiv().Class("session-more").Body(
		errorSummaryInline(r.rowErrors),
		textField{ID: id + "-cost", Label: "You paid for this session yourself. What did it cost?", Width: "short",
			InputMode: "decimal", Prefix: "£", Value: &r.cost, Error: r.rowErrors.of(id + "-cost")}.render(&r.Compo),
		elButton().Type("button").Class("button button-small button-secondary").Text("Save: paid for by me").
			OnClick(func(ctx app.Context, e app.Event) {
				if r.paidPrivately(id) {
					outcomesChanged(ctx, r.MonthKey)
				}
			}),
		elIf(recorded && o.Status == calc.StatusMissed, func() app.UI {
			return elDiv().Class("made-up").Body(
				dateField{ID: id + "-madeup", Legend: "It was made up later, on", Value: &r.madeUp,
					Error: r.rowErrors.of(id + "-madeup")}.render(&r.Compo),
				elButton().Type("button").Class("button button-small button-secondary").Text("Save: made up").
					OnClick(func(ctx app.Context, e app.Event) {
						if r.madeUpOn(id) {
							outcomesChanged(ctx, r.MonthKey)
						}
					}),
			)
		}),
		textField{ID: id + "-note", Label: "Note (optional)", Value: &r.note,
			Hint: "For example the reason you were given.", Error: r.rowErrors.of(id + "-note")}.render(&r.Compo),
		elButton().Type("button").Class("button button-small button-secondary").Text("Save note").
			OnClick(func(ctx app.Context, e app.Event) { r.saveNote(id) }),
		elIf(recorded, func() app.UI {
			return elButton().Type("button").Class("link-button").Text("Clear what is recorded for this session").
				OnClick(func(ctx app.Context, e app.Event) {
					if r.clear() {
						outcomesChanged(ctx, r.MonthKey)
					}
				})
		}),
	)
}

// errorSummaryInline lists a row's problems; the page's own summary is for
// whole-page forms.
func errorSummaryInline(errs formErrors) app.UI {
	if len(errs) == 0 {
		return nil
	}
	return elDiv().Class("error-summary").Attr("role", "alert").Body(
		elUl().Body(elRange(errs).Slice(func(i int) app.UI {
			return elLi().Body(elA().Href("#" + errs[i].Field).Text(errs[i].Message))
		})))
}

// mark records what happened, keeping the note; made-up links stay valid
// because calc refuses a made-up session whose missed one changed. It
// reports false, with the reason on the row, when calc refuses.
func (r *sessionRow) mark(o calc.Outcome) bool {
	r.rowErrors = nil
	s := r.session()
	old, _ := r.book.outcomeOf(r.ProvisionID, s)
	o.Date, o.Seq, o.Note = s.Date, s.Seq, old.Note
	if problems := r.book.changeOutcomes(r.ProvisionID, func(outs []calc.Outcome) []calc.Outcome {
		return putOutcome(outs, o)
	}); len(problems) > 0 {
		r.rowErrors = errorsFrom(problems, r.rowID(), nil)
		return false
	}
	return true
}

// rowID is the id of the row's element, which its messages link to.
func (r *sessionRow) rowID() string { return "s-" + r.Date.String() + "-" + itoa(r.Seq) }

// paidPrivately records that the parent paid for the session, at the cost
// typed; false, with the problem on the row, when the cost is wrong.
func (r *sessionRow) paidPrivately(id string) bool {
	r.rowErrors = nil
	cost, msg := parsePounds(r.cost, "The cost")
	if msg == "" && cost.Sign() <= 0 {
		msg = "Enter what you paid, for example 90"
	}
	if msg != "" {
		r.rowErrors.add(id+"-cost", msg)
		return false
	}
	if !r.mark(calc.Outcome{Status: calc.StatusPrivate, Cost: cost}) {
		return false
	}
	r.more = false
	return true
}

// madeUpOn records the date a missed session was made up, as a made-up
// session linked to it; false, with the problem on the row, when the date
// is wrong.
func (r *sessionRow) madeUpOn(id string) bool {
	r.rowErrors = nil
	d, msg := r.madeUp.parse("The date it was made up")
	switch {
	case msg != "":
	case d.IsZero():
		msg = "Enter the date it was made up"
	case d.Before(r.Date):
		msg = "The date it was made up cannot be before the missed session"
	case d.After(today()):
		msg = "The date it was made up must be today or in the past"
	}
	if msg != "" {
		r.rowErrors.add(id+"-madeup-day", msg)
		return false
	}
	s := r.session()
	problems := r.book.changeOutcomes(r.ProvisionID, func(outs []calc.Outcome) []calc.Outcome {
		return append(outs, calc.Outcome{Date: d, Seq: freeSeq(outs, d), Status: calc.StatusMadeUp, Replaces: s.Date, ReplacesSeq: s.Seq})
	})
	if len(problems) > 0 {
		r.rowErrors = errorsFrom(problems, id+"-madeup-day", nil)
		return false
	}
	r.more = false
	return true
}

// saveNote keeps a note with the session's record; false, with the
// problem on the row, when nothing is recorded yet to note.
func (r *sessionRow) saveNote(id string) bool {
	r.rowErrors = nil
	note := strings.TrimSpace(r.note)
	o, recorded := r.book.outcomeOf(r.ProvisionID, r.session())
	if !recorded {
		r.rowErrors.add(id+"-note", "First choose what happened to this session, then add a note")
		return false
	}
	o.Note = note
	if problems := r.book.changeOutcomes(r.ProvisionID, func(outs []calc.Outcome) []calc.Outcome {
		return putOutcome(outs, o)
	}); len(problems) > 0 {
		r.rowErrors = errorsFrom(problems, id+"-note", nil)
		return false
	}
	r.more = false
	return true
}

// clear removes what is recorded for the session, and the made-up session
// linked to it, if any.
func (r *sessionRow) clear() bool {
	r.rowErrors = nil
	s := r.session()
	problems := r.book.changeOutcomes(r.ProvisionID, func(outs []calc.Outcome) []calc.Outcome {
		kept := outs[:0]
		for _, o := range outs {
			isThis := o.Status != calc.StatusMadeUp && o.Date.Equal(s.Date) && o.Seq == s.Seq
			madeUpForThis := o.Status == calc.StatusMadeUp && o.Replaces.Equal(s.Date) && o.ReplacesSeq == s.Seq
			if !isThis && !madeUpForThis {
				kept = append(kept, o)
			}
		}
		return kept
	})
	if len(problems) > 0 {
		r.rowErrors = errorsFrom(problems, r.rowID(), nil)
		return false
	}
	r.more = false
	return true
}

// putOutcome replaces the record of a session, or adds it.
func putOutcome(outs []calc.Outcome, o calc.Outcome) []calc.Outcome {
	for i := range outs {
		if outs[i].Status != calc.StatusMadeUp && outs[i].Date.Equal(o.Date) && outs[i].Seq == o.Seq {
			outs[i] = o
			return outs
		}
	}
	return append(outs, o)
}

// freeSeq is the first session number not used on day d.
func freeSeq(outs []calc.Outcome, d calc.Date) int {
	used := map[int]bool{}
	for _, o := range outs {
		if o.Date.Equal(d) {
			used[o.Seq] = true
		}
	}
	n := 0
	for used[n] {
		n++
	}
	return n
}

var weekdayNames = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

func statusLabel(o calc.Outcome) string {
	switch o.Status {
	case calc.StatusDelivered:
		return "Delivered"
	case calc.StatusMissed:
		return "Missed"
	case calc.StatusChildAbsent:
		return "Child absent"
	case calc.StatusPrivate:
		return "Paid by you: " + calc.FormatMoney(o.Cost)
	}
	return string(o.Status)
}

func statusTag(o calc.Outcome, recorded bool) string {
	switch {
	case !recorded:
		return "grey"
	case o.Status == calc.StatusDelivered:
		return "green"
	case o.Status == calc.StatusMissed || o.Status == calc.StatusPrivate:
		return "red"
	}
	return "blue"
}
