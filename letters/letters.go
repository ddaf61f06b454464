package letters

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"provisiontracker/calc"
)

// Kind names a letter (or form text) the app can write.
type Kind string

// Letter kinds.
const (
	CouncilStage1    Kind = "council_stage1"     // formal stage 1 complaint: Section F not delivered
	CouncilStage2    Kind = "council_stage2"     // asking for stage 2
	OmbudsmanForm    Kind = "ombudsman_form"     // answers for the Ombudsman's online form (not a letter)
	SocialCareStage1 Kind = "social_care_stage1" // stage 1 under the Children Act 1989 procedure
)

// Kinds lists every kind, in the order the app offers them.
var Kinds = []Kind{CouncilStage1, CouncilStage2, OmbudsmanForm, SocialCareStage1}

// RestartWorkingDays is how many working days from the letter's date the
// letters give the council to put the provision back in place (RULES.md §5:
// 5 to 10 working days for provision).
const RestartWorkingDays = 10

// ErrNotAvailable is returned by Build for a kind that does not fit the case
// (see Available).
var ErrNotAvailable = errors.New("this letter does not fit the case")

// Inputs is what the parent types for a letter. It is kept in the case
// (calc.Case.Letter), so the letters can be written again at any time.
type Inputs = calc.LetterDetails

// InputsFrom returns the letter details saved in the case.
func InputsFrom(c calc.Case) Inputs { return c.Letter }

// Block kinds.
const (
	BlockHeading   = "heading"
	BlockParagraph = "paragraph"
	BlockQuote     = "quote" // the plan's exact words
	BlockList      = "list"
	BlockTable     = "table"
)

// Block is one part of a letter's body.
type Block struct {
	Kind     string   `json:"kind"`
	Text     string   `json:"text,omitempty"`
	Items    []string `json:"items,omitempty"`
	Numbered bool     `json:"numbered,omitempty"` // a numbered list
	Table    *Table   `json:"table,omitempty"`
	// Own marks the parent's own words; while the parent has written
	// nothing, Text is a prompt in square brackets.
	Own bool `json:"own,omitempty"`
}

// Table is a table in a letter. Totals, when present, is the last row,
// shown apart.
type Table struct {
	Caption string     `json:"caption,omitempty"`
	Headers []string   `json:"headers"`
	Rows    [][]string `json:"rows"`
	Totals  []string   `json:"totals,omitempty"`
}

// Letter is a filled letter, ready to show, print or download.
type Letter struct {
	Kind       Kind      `json:"kind"`
	Title      string    `json:"title"`            // for the app: "Stage 1 complaint to the council"
	Sender     []string  `json:"sender,omitempty"` // name, address lines, email, phone
	Date       calc.Date `json:"date"`
	Recipient  []string  `json:"recipient,omitempty"`
	Subject    string    `json:"subject,omitempty"`
	Salutation string    `json:"salutation,omitempty"`
	Blocks     []Block   `json:"blocks"`
	SignOff    string    `json:"sign_off,omitempty"`
	SignName   string    `json:"sign_name,omitempty"`
	CC         []string  `json:"cc,omitempty"`
	// ReplyBy is the date the council's full answer is due (zero for the
	// Ombudsman form).
	ReplyBy calc.Date `json:"reply_by,omitzero"`
	// Missing lists, in plain words, facts the parent still needs to add.
	Missing []string `json:"missing,omitempty"`
	// FreeHelp says where to get free help: the organisation that shares
	// this copy of the app (set by the app, not by Build), at the foot.
	FreeHelp []string `json:"free_help,omitempty"`
}

// IsLetter reports whether the text is a letter (with addresses and a
// salutation) rather than answers for a form.
func (l Letter) IsLetter() bool { return l.Kind != OmbudsmanForm }

func councilScope(pl *calc.Plan, p *calc.Provision) bool {
	return p.Section == calc.SectionF && pl.Kind != calc.PlanCarePlan
}

func socialScope(pl *calc.Plan, p *calc.Provision) bool {
	return p.Section == calc.SectionH || (pl.Kind == calc.PlanCarePlan && p.Section != calc.SectionG)
}

func hasCouncil(c calc.Case) bool {
	for i := range c.Plans {
		pl := &c.Plans[i]
		if pl.Kind == calc.PlanEHC {
			return true
		}
		for j := range pl.Provisions {
			if councilScope(pl, &pl.Provisions[j]) {
				return true
			}
		}
	}
	return false
}

func hasSocial(c calc.Case) bool {
	for i := range c.Plans {
		pl := &c.Plans[i]
		if pl.Kind == calc.PlanCarePlan {
			return true
		}
		for j := range pl.Provisions {
			if socialScope(pl, &pl.Provisions[j]) {
				return true
			}
		}
	}
	return false
}

// Available returns the kinds of letter that fit the case, in the order of
// Kinds: the council letters when there is an EHC plan or Section F
// provision, the social-care letter when there is a care plan or Section H
// provision, and the Ombudsman form with either.
func Available(c calc.Case) []Kind {
	council, social := hasCouncil(c), hasSocial(c)
	var out []Kind
	if council {
		out = append(out, CouncilStage1, CouncilStage2)
	}
	if council || social {
		out = append(out, OmbudsmanForm)
	}
	if social {
		out = append(out, SocialCareStage1)
	}
	return out
}

var titles = map[Kind]string{
	CouncilStage1:    "Stage 1 complaint to the council",
	CouncilStage2:    "Stage 2 complaint to the council",
	OmbudsmanForm:    "Text for the Ombudsman's online complaint form",
	SocialCareStage1: "Stage 1 complaint to children's social care",
}

// Build fills a letter of kind k from the case, the parent's inputs and the
// date of the letter (today). It returns ErrNotAvailable when the kind does
// not fit the case, and an error for an unknown kind.
func Build(k Kind, c calc.Case, in Inputs, today calc.Date) (Letter, error) {
	if _, ok := titles[k]; !ok {
		return Letter{}, errors.New("unknown letter kind " + strconv.Quote(string(k)))
	}
	ok := false
	for _, a := range Available(c) {
		ok = ok || a == k
	}
	if !ok {
		return Letter{}, ErrNotAvailable
	}
	b := newBuilder(k, c, in, today)
	switch k {
	case CouncilStage1:
		b.councilStage1()
	case CouncilStage2:
		b.councilStage2()
	case OmbudsmanForm:
		b.ombudsman()
	case SocialCareStage1:
		b.socialStage1()
	}
	return b.l, nil
}

// builder holds what every kind of letter works out from the case.
type builder struct {
	k      Kind
	c      calc.Case
	in     Inputs
	today  calc.Date
	cal    calc.Calendar
	l      Letter
	child  string // the child's name, or "my child"
	named  bool
	coun   string // the council's official name, or "the council"
	social bool   // the letter is about social care
	facts  []facts
	est    calc.Estimate
	lines  []calc.Line
	dls    []calc.Deadline
}

func newBuilder(k Kind, c calc.Case, in Inputs, today calc.Date) *builder {
	b := &builder{k: k, c: c, in: in, today: today, cal: calc.CalendarFor(c)}
	b.social = k == SocialCareStage1 || (k == OmbudsmanForm && !hasCouncil(c))
	b.l = Letter{Kind: k, Title: titles[k], Date: today}
	b.child = oneLine(c.Child.FirstName)
	b.named = b.child != ""
	if !b.named {
		b.child = "my child"
		b.missing("your child's first name")
	}
	if co, ok := calc.CouncilByCode(c.Council); ok {
		b.coun = co.Name
	} else {
		b.coun = "the council"
		b.missing("which council looks after the plan")
	}
	for i := range c.Plans {
		pl := &c.Plans[i]
		for j := range pl.Provisions {
			p := &pl.Provisions[j]
			if (b.social && socialScope(pl, p)) || (!b.social && councilScope(pl, p)) {
				b.facts = append(b.facts, provisionFacts(pl, p, b.cal, today))
			}
		}
	}
	b.est = calc.EstimateCase(c, calc.DefaultRules(), today)
	b.dls = b.est.Deadlines
	b.lines = b.scopeLines()
	if k != OmbudsmanForm {
		b.sender()
		b.recipient()
	}
	return b
}

// scopeLines keeps the estimate lines the letter is about: lines for a
// provision in scope, and lines about no one provision (education lost in
// a plan of the right kind, delay, distress, time and trouble).
func (b *builder) scopeLines() []calc.Line {
	inScope := map[string]bool{}
	for _, f := range b.facts {
		inScope[f.Prov.ID] = true
	}
	var out []calc.Line
	for _, l := range b.est.Lines {
		switch {
		case l.ProvisionID != "":
			if !inScope[l.ProvisionID] {
				continue
			}
		case l.Kind == calc.LineEducationLost:
			planID := strings.SplitN(strings.TrimPrefix(l.Key, calc.LineEducationLost+":"), ":", 2)[0]
			care := false
			for _, pl := range b.c.Plans {
				if pl.ID == planID {
					care = pl.Kind == calc.PlanCarePlan
				}
			}
			if care != b.social {
				continue
			}
		case l.Kind == calc.LineDelay:
			if b.social {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func (b *builder) missing(s string) {
	for _, m := range b.l.Missing {
		if m == s {
			return
		}
	}
	b.l.Missing = append(b.l.Missing, s)
}

// add appends blocks to the letter; kept out of line (each letter part
// calls it many times, and inlined it cost the wasm code).
//
//go:noinline
func (b *builder) add(bl ...Block) { b.l.Blocks = append(b.l.Blocks, bl...) }

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func (b *builder) h(s string) { b.add(Block{Kind: BlockHeading, Text: s}) }

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func (b *builder) p(s string) { b.add(Block{Kind: BlockParagraph, Text: s}) }

// Kept out of line (go:noinline): inlined at each of its many calls it
// cost the wasm code and inlining records.
//
//go:noinline
func (b *builder) list(items []string, numbered bool) {
	if len(items) > 0 {
		b.add(Block{Kind: BlockList, Items: items, Numbered: numbered})
	}
}

// own adds the parent's own words, or a prompt while there are none.
func (b *builder) own(text, prompt, missing string) {
	text = strings.TrimSpace(text)
	if text == "" {
		b.add(Block{Kind: BlockParagraph, Text: "[" + prompt + "]", Own: true})
		if missing != "" {
			b.missing(missing)
		}
		return
	}
	b.add(Block{Kind: BlockParagraph, Text: text, Own: true})
}

// Child returns "Sam" or, at the start of a sentence, "My child".
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (b *builder) Child() string { return capital(b.child) }
func (b *builder) poss() string  { return b.child + "'s" }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (b *builder) sender() {
	in := b.in
	var s []string
	if n := oneLine(in.SenderName); n != "" {
		s = append(s, n)
		b.l.SignName = n
	} else {
		b.l.SignName = "[your name]"
		b.missing("your name")
	}
	addr := nonEmpty(in.SenderAddress)
	if len(addr) == 0 {
		b.missing("your address")
	}
	s = append(s, addr...)
	if e := oneLine(in.SenderEmail); e != "" {
		s = append(s, "Email: "+e)
	}
	if p := oneLine(in.SenderPhone); p != "" {
		s = append(s, "Phone: "+p)
	}
	b.l.Sender = s
	b.l.CC = nonEmpty(in.CC)
}

func nonEmpty(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = oneLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (b *builder) recipient() {
	in := b.in
	var r []string
	if n := oneLine(in.RecipientName); n != "" {
		r = append(r, n)
	}
	role := oneLine(in.RecipientRole)
	if role == "" {
		role = "Complaints team"
		if b.social {
			role = "Children's social care complaints"
		}
	}
	r = append(r, role)
	addr := nonEmpty(in.RecipientAddress)
	// The council's name once: not again when the parent typed it in the
	// address.
	if b.coun != "the council" && !mentions(addr, b.coun) {
		r = append(r, b.coun)
	}
	if len(addr) == 0 {
		b.missing("the council's address for complaints")
	}
	b.l.Recipient = append(r, addr...)
	b.l.Salutation, b.l.SignOff = Salutation(in.RecipientName)
}

// mentions reports whether any line contains name, ignoring case.
func mentions(lines []string, name string) bool {
	for _, l := range lines {
		if strings.Contains(strings.ToLower(l), strings.ToLower(name)) {
			return true
		}
	}
	return false
}

var titleWords = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true, "professor": true, "sir": false}

// Salutation returns the greeting and the matching close under UK
// convention: no name gives "Dear Sir or Madam" and "Yours faithfully"; a
// named person gives "Dear Ms Patel" and "Yours sincerely". A name with a
// title keeps the title and the surname only ("Ms Priya Patel" → "Dear Ms
// Patel"); a name without a title is used as written.
func Salutation(name string) (greeting, close string) {
	f := strings.Fields(name)
	if len(f) == 0 {
		return "Dear Sir or Madam", "Yours faithfully"
	}
	if t := strings.ToLower(strings.TrimSuffix(f[0], ".")); titleWords[t] && len(f) >= 2 {
		return "Dear " + f[0] + " " + f[len(f)-1], "Yours sincerely"
	}
	return "Dear " + strings.Join(f, " "), "Yours sincerely"
}

// subject builds the subject line: what the letter is, then the child's
// name, date of birth and school when known.
func (b *builder) subject(what string) string {
	parts := []string{b.Child()}
	if d := b.c.Child.DateOfBirth; !d.IsZero() {
		parts = append(parts, "date of birth "+d.Long())
	} else {
		b.missing("your child's date of birth")
	}
	if s := oneLine(b.in.School); s != "" {
		parts = append(parts, s)
	} else if !b.social {
		b.missing("your child's school")
	}
	if !b.named {
		parts = parts[1:]
		if len(parts) == 0 {
			return what
		}
	}
	return what + " – " + strings.Join(parts, ", ")
}

// planDate is the date of the plan the letter is about: the plan of this
// kind in force today (calc says which), else the first one with a date.
func (b *builder) planDate(kind calc.PlanKind) (calc.Date, string) {
	plans := b.c.Plans
	if i := calc.PlanInForce(b.c, kind, b.today); i >= 0 {
		plans = append(plans[i:i+1:i+1], plans...)
	}
	for _, pl := range plans {
		if pl.Kind != kind {
			continue
		}
		d := pl.Issued
		if d.IsZero() {
			d = pl.Process.AmendedFinalIssued
		}
		if d.IsZero() {
			d = pl.Process.FinalIssued
		}
		if !d.IsZero() {
			return d, pl.Title
		}
	}
	return calc.Date{}, ""
}

// --- shared sections ---

func (b *builder) planSays() {
	if len(b.facts) == 0 {
		return
	}
	b.h("What the plan says")
	for _, f := range b.facts {
		name := b.name(f.Prov)
		if f.Prov.Section != "" && !(b.social && f.Plan.Kind == calc.PlanCarePlan) {
			name += " (Section " + string(f.Prov.Section) + ")"
		}
		if pv := oneLine(f.Prov.Provider); pv != "" && !strings.Contains(name, "("+pv+")") {
			name += ", given by " + pv
		}
		b.p(name + ". The plan says:")
		if w := strings.TrimSpace(f.Prov.Wording); w != "" {
			b.add(Block{Kind: BlockQuote, Text: w})
		} else {
			b.add(Block{Kind: BlockQuote, Text: "[Copy the exact words from the plan here.]", Own: true})
			b.missing("the exact words of the plan for " + calc.TypeName(f.Prov.Type))
		}
		if fr := FrequencyText(*f.Prov); fr != "" {
			b.p("That is " + fr + ".")
		}
	}
}

// name is a provision's name in this case (ProvisionName).
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (b *builder) name(p *calc.Provision) string { return ProvisionName(b.c, *p) }

// sessionsWord is what one entry of a provision's log is: a session, or
// for help in hours a day (a school day for term-time help on weekdays;
// all-year help runs on working days, weekend help on its chosen days).
func sessionsWord(p *calc.Provision) string {
	switch {
	case p.Frequency.Unit == calc.UnitSessions:
		return "session"
	case p.Weeks == calc.TermTime && !calc.WeekendOnly(*p):
		return "school day"
	}
	return "day"
}

// tally adds the table of recorded, had and missed sessions with totals,
// and a short summary of each provision. It states counts only for the
// time the parent recorded: time with nothing recorded is said to be
// unrecorded, never counted as had or missed.
func (b *builder) tally() {
	if len(b.facts) == 0 {
		return
	}
	b.h("What " + b.child + " has had")
	t := &Table{Caption: "Sessions recorded, from the start of the provision to " + b.today.Long(),
		Headers: []string{"Provision", "Recorded", "Had", "Missed", "Made up later", "Paid for by me", "Still owed"}}
	var tot [6]int
	sameUnit := true
	for _, f := range b.facts {
		n := f.Counts
		name := b.name(f.Prov)
		if w := sessionsWord(f.Prov); w != "session" {
			name += " (" + w + "s)"
			sameUnit = false
		}
		owed := n.MissedNotMadeUp + n.PaidPrivately
		t.Rows = append(t.Rows, []string{name, itoa(n.Recorded), itoa(n.Delivered), itoa(n.Missed), itoa(n.MadeUp), itoa(n.PaidPrivately), itoa(owed)})
		for i, v := range []int{n.Recorded, n.Delivered, n.Missed, n.MadeUp, n.PaidPrivately, owed} {
			tot[i] += v
		}
	}
	if len(b.facts) > 1 && sameUnit {
		t.Totals = []string{"Total", itoa(tot[0]), itoa(tot[1]), itoa(tot[2]), itoa(tot[3]), itoa(tot[4]), itoa(tot[5])}
	}
	b.add(Block{Kind: BlockTable, Table: t})
	for _, f := range b.facts {
		b.p(b.provisionSummary(f))
		if n := f.Counts; n.Unrecorded > 0 {
			name := b.name(f.Prov)
			b.missing("what happened to " + plural(n.Unrecorded, sessionsWord(f.Prov)) + " of " + strings.ToLower(name[:1]) + name[1:] + " (nothing recorded yet)")
		}
	}
}

// provisionSummary is the paragraph on one provision's sessions.
func (b *builder) provisionSummary(f facts) string {
	n := f.Counts
	word := sessionsWord(f.Prov)
	name := b.name(f.Prov)
	var s []string
	switch {
	case n.Due == 0 && n.Missed == 0:
		s = append(s, name+": no "+word+"s were due by "+b.today.Long()+".")
	case n.Recorded == 0 && n.MadeUp == 0:
		s = append(s, name+": nothing is recorded yet.")
	default:
		x := name + ": I have recorded " + plural(n.Recorded, word)
		if lg := f.Log; !lg.RecordedFrom.IsZero() && !lg.RecordedTo.IsZero() && !lg.RecordedFrom.Equal(lg.RecordedTo) {
			x += " between " + lg.RecordedFrom.Long() + " and " + lg.RecordedTo.Long()
		} else if !lg.RecordedFrom.IsZero() {
			x += ", on " + lg.RecordedFrom.Long()
		}
		had := "none"
		if n.Delivered > 0 {
			had = itoa(n.Delivered)
		}
		x += ". Of these, " + b.child + " had " + had + ", and " + plural(n.Missed, word) + " " + was(n.Missed) + " missed"
		if n.MadeUp > 0 {
			x += " (" + itoa(n.MadeUp) + " made up later)"
		}
		if n.PaidPrivately > 0 {
			x += ". I paid for " + plural(n.PaidPrivately, "private session") + " (" + calc.FormatMoney(n.PrivateCost) + ") when " + itoa(n.PaidPrivately) + " more " + was(n.PaidPrivately) + " not given"
		}
		s = append(s, x+".")
		if !f.Since.IsZero() && n.Missed+n.PaidPrivately > 0 {
			if f.SinceTo.IsZero() {
				s = append(s, "The first "+word+" missed was on "+f.Since.Long()+".")
			} else {
				s = append(s, "The first missed "+word+"s were between "+f.Since.Long()+" and "+f.SinceTo.Long()+".")
			}
		}
		// calc says when a share is true to state.
		if n.HasPercent {
			of := "of what was due"
			if n.Unrecorded > 0 {
				of = "of the " + word + "s recorded"
			}
			s = append(s, b.Child()+" got "+pct(n.PercentDelivered)+" "+of+".")
		}
		if n.ChildAbsent > 0 {
			s = append(s, capital(plural(n.ChildAbsent, word))+" when "+b.child+" was away "+isAre(n.ChildAbsent)+" not counted against the council.")
		}
	}
	s = append(s, unrecordedWords(f.Log, word)...)
	if f.Still {
		s = append(s, "It has not been in place since "+f.Gap.Long()+", and it is still not in place on "+b.today.Long()+".")
	}
	if rs := f.reasons(); len(rs) > 0 {
		s = append(s, "Reasons I was given: "+strings.Join(rs, "; ")+".")
	}
	return strings.Join(s, " ")
}

// unrecordedWords says which time has nothing recorded: no count is
// given for it.
func unrecordedWords(lg calc.SessionLog, word string) []string {
	var out []string
	for _, e := range lg.Entries {
		if e.Kind == calc.EntryPeriod && e.Unrecorded > 0 {
			out = append(out, "Between "+e.Date.Long()+" and "+e.To.Long()+", nothing is recorded for the other "+plural(e.Unrecorded, word)+" due.")
		}
	}
	if lg.Counts.Recorded == 0 {
		return out
	}
	for _, g := range lg.Unrecorded {
		if g.From.Equal(g.To) {
			out = append(out, "Nothing is recorded for "+g.From.Long()+".")
		} else {
			out = append(out, "Nothing is recorded from "+g.From.Long()+" to "+g.To.Long()+", so I give no count for that time.")
		}
	}
	return out
}

// itoa is strconv.Itoa kept out of line: inlined at each of the many
// calls it costs code in the wasm.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }

func was(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func pct(d decimal.Decimal) string { return d.String() + "%" }

// missedList adds the dated list of missed sessions.
func (b *builder) missedList() {
	t := &Table{Headers: []string{"Date", "Provision", "What happened", "Reason given"}}
	for _, f := range b.facts {
		for _, e := range f.missedEntries() {
			t.Rows = append(t.Rows, []string{e[0], b.name(f.Prov), e[1], e[2]})
		}
	}
	if len(t.Rows) == 0 {
		return
	}
	b.h("The missed sessions")
	b.add(Block{Kind: BlockTable, Table: t})
}

// delays lists late and overdue steps in making or amending an EHC plan.
func (b *builder) delays() []string {
	awaited := map[string]bool{}
	for _, pl := range b.c.Plans {
		awaited[pl.ID] = pl.Process.ReviewOutcomeAwaited
	}
	var out []string
	for _, d := range b.dls {
		if !d.PlanDelay || (d.Status != calc.Late && d.Status != calc.Overdue) {
			continue
		}
		if d.Status == calc.Overdue && d.Key == "review_decision_4_weeks" && !awaited[d.PlanID] {
			continue
		}
		s := d.Rule + ": due " + d.Due.Long()
		if d.Status == calc.Late {
			s += ", done " + d.Done.Long() + ", " + lateness(d) + " late"
		} else {
			s += ", still not done on " + b.today.Long() + " (" + lateness(d) + " late)"
		}
		out = append(out, s+". ("+d.Source+")")
	}
	return out
}

func lateness(d calc.Deadline) string {
	if d.WeeksLate > 0 {
		return plural(d.WeeksLate, "week")
	}
	return plural(d.DaysLate, "day")
}

// brokenPromises lists steps a care plan promised that are late or not done.
func (b *builder) brokenPromises() []string {
	var out []string
	for _, d := range b.dls {
		if !strings.HasPrefix(d.Key, "promised_step_") || (d.Status != calc.Late && d.Status != calc.Overdue) {
			continue
		}
		s := d.Rule + ": due " + d.Due.Long()
		if d.Status == calc.Late {
			s += ", done " + d.Done.Long() + " (" + lateness(d) + " late)"
		} else {
			s += ", not done by " + b.today.Long()
		}
		out = append(out, s+".")
	}
	return out
}

var contactWords = map[calc.ContactKind]string{calc.ContactEmail: "email", calc.ContactPhone: "phone call",
	calc.ContactLetter: "letter", calc.ContactMeeting: "meeting", calc.ContactOther: "contact"}

// contacts adds the dated contact log: what the parent already did.
func (b *builder) contacts() {
	cs := append([]calc.Contact(nil), b.c.Contacts...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Date.Before(cs[j].Date) })
	var items []string
	for _, ct := range cs {
		kind := contactWords[ct.Kind]
		if kind == "" {
			kind = "contact"
		}
		s := ct.Date.Long() + ", " + kind
		if w := oneLine(ct.With); w != "" {
			s += " with " + w
		}
		s += "."
		if x := oneLine(ct.Said); x != "" {
			s += " What was said: " + endStop(x)
		}
		if x := oneLine(ct.Promised); x != "" {
			s += " What was promised: " + endStop(x)
		}
		if !ct.ReplyDueBy.IsZero() {
			s += " Due by " + ct.ReplyDueBy.Long() + "."
			switch {
			case !ct.Replied.IsZero():
				s += " Answered " + ct.Replied.On() + "."
			case b.today.After(ct.ReplyDueBy):
				s += " Not done by then."
			}
		} else if !ct.Replied.IsZero() {
			s += " Answered " + ct.Replied.On() + "."
		}
		items = append(items, s)
	}
	if len(items) == 0 {
		b.missing("when you have already asked the council about this (your contact log)")
		return
	}
	b.h("What I have already done")
	b.list(items, false)
}

func endStop(s string) string {
	if s == "" {
		return s
	}
	switch s[len(s)-1] {
	case '.', '!', '?':
		return s
	}
	return s + "."
}

// law adds the duty the council owes.
func (b *builder) law() {
	b.h("The law")
	if b.social {
		care, h := false, false
		for _, f := range b.facts {
			care = care || f.Plan.Kind == calc.PlanCarePlan
			// Section H is a part of an EHC plan: a care plan has no sections.
			h = h || (f.Prov.Section == calc.SectionH && f.Plan.Kind != calc.PlanCarePlan)
		}
		if care || len(b.facts) == 0 {
			b.p("The council made " + b.poss() + " care plan under the Children Act 1989 (sections 31A and 35) as part of the court case. The plan sets out the help the council itself decided " + b.child + " and our family need.")
		}
		if h {
			b.p("Section H of an EHC plan sets out social care provision (Children and Families Act 2014 section 21(4)). The council's children's social care service must provide it under the Children Act 1989.")
		}
		b.p("A complaint about children's social care must be handled under the statutory procedure: section 26(3) of the Children Act 1989 and the Children Act 1989 Representations Procedure (England) Regulations 2006.")
		return
	}
	b.p("Section 42(2) of the Children and Families Act 2014 says the council must secure the special educational provision in Section F of an EHC plan. This duty is owed to " + b.child + " personally.")
	b.p("The duty is absolute. It is not a duty to try, or to do the council's best (R v London Borough of Harrow, ex parte M [1997] ELR 62; R (N) v North Tyneside BC [2010] EWCA Civ 135).")
	b.p("The council cannot hand the duty to someone else. If a school, a therapy service or an NHS trust does not give the help, it is still the council's failure (R (JSH) v Westmorland and Furness Council [2024] EWHC 3362 (Admin)).")
	if b.plansInForce() {
		return
	}
	// Said only when true: help missed before this plan's date was in an
	// earlier plan, which the letter cannot date. When the record holds
	// that plan, calc says which plan was in force when help was first
	// missed, and the duty runs from its date.
	if d, _ := b.planDate(calc.PlanEHC); !d.IsZero() {
		first := calc.FirstProblem(b.c, func(pl calc.Plan, p calc.Provision) bool { return councilScope(&pl, &p) }, false)
		if i := calc.PlanInForce(b.c, calc.PlanEHC, first); i >= 0 && !first.IsZero() {
			d = b.c.Plans[i].Issued
			if d.IsZero() {
				d = calc.PlanStart(b.c.Plans[i])
			}
		}
		if first.IsZero() || !first.Before(d.Earliest()) {
			b.p("The duty runs from the date of the final plan, " + d.Long() + ". Most of the provision should be in place within 5 weeks of that date (R (BA) v Nottinghamshire CC [2021] EWHC 1348 (Admin)).")
		} else {
			b.p("The duty runs from the date each final plan is issued, and most of the provision should be in place within 5 weeks of it (R (BA) v Nottinghamshire CC [2021] EWHC 1348 (Admin)).")
		}
	}
}

// plansInForce words the duty when the letter's help was held by more than
// one EHC plan over time: each plan with the dates calc says it was in
// force, and the duty running from the plan in force at the time. It
// reports false, saying nothing, when one plan or none held the help.
func (b *builder) plansInForce() bool {
	held := map[string]bool{}
	for _, f := range b.facts {
		if f.Plan != nil && f.Plan.Kind == calc.PlanEHC {
			held[f.Plan.ID] = true
		}
	}
	if len(held) < 2 {
		return false
	}
	var parts []string
	for i, pp := range calc.PlanPeriods(b.c) {
		pl := b.c.Plans[i]
		if !held[pl.ID] || pp.From.IsZero() {
			continue
		}
		name := "the plan"
		if t := oneLine(pl.Title); t != "" {
			r, n := utf8.DecodeRuneInString(t) // a whole letter, even an accented one
			name = "the " + strings.TrimPrefix(strings.TrimPrefix(string(unicode.ToLower(r))+t[n:], "the "), "an ")
		}
		if !pl.Issued.IsZero() {
			name += " dated " + pl.Issued.Long()
		}
		to := ")"
		if !pp.To.IsZero() {
			to = " to " + pp.To.Long() + ")"
		}
		s := name + " (in force from " + pp.From.Long() + to
		parts = append(parts, s)
	}
	if len(parts) < 2 {
		return false
	}
	b.p("The help was written in " + strings.Join(parts, ", then in ") + ". For each time, the duty runs from the date of the plan then in force, and most of the provision should be in place within 5 weeks of it (R (BA) v Nottinghamshire CC [2021] EWHC 1348 (Admin)).")
	return true
}

// impact adds the parent's own words on the impact and anything to add.
func (b *builder) impact(heading string) {
	b.h(heading)
	b.own(b.in.Impact, "Write here, in your own words, how missing this help has affected "+b.child+" and your family.",
		"how this has affected "+b.child+" and your family, in your own words")
}

func (b *builder) extra() {
	if strings.TrimSpace(b.in.Extra) == "" {
		return
	}
	b.h("Anything else")
	b.own(b.in.Extra, "", "")
}

// ended reports whether the help the letter is about is all in the past:
// each plan it comes from has ended (or is a care plan whose order has
// ended), or each provision has ended.
func (b *builder) ended() bool {
	if len(b.facts) == 0 {
		return false
	}
	for _, f := range b.facts {
		planOver := (f.Plan.Kind == calc.PlanCarePlan && !f.Plan.OrderEnds.IsZero() && f.Plan.OrderEnds.Before(b.today)) ||
			(!f.Plan.Ended.IsZero() && f.Plan.Ended.Before(b.today))
		provOver := !f.Prov.End.IsZero() && f.Prov.End.Before(b.today)
		if !planOver && !provOver {
			return false
		}
	}
	return true
}

// inForce reports whether the plan of this id has not ended by today:
// only such a plan can still be made final or name a school.
func (b *builder) inForce(id string) bool {
	for _, pl := range b.c.Plans {
		if pl.ID == id {
			return pl.Ended.IsZero() || !pl.Ended.Before(b.today)
		}
	}
	return false
}

// missedWord is what the missed entries are, sessions or (help in hours)
// days, or "" when the provisions with something missed differ.
func (b *builder) missedWord() string {
	w := ""
	for _, f := range b.facts {
		if f.Counts.MissedNotMadeUp == 0 {
			continue
		}
		if x := sessionsWord(f.Prov); w == "" {
			w = x
		} else if x != w {
			return ""
		}
	}
	return w
}

func (b *builder) counts() (missed, paid int, cost decimal.Decimal, still bool) {
	for _, f := range b.facts {
		missed += f.Counts.MissedNotMadeUp
		paid += f.Counts.PaidPrivately
		cost = cost.Add(f.Counts.PrivateCost)
		still = still || f.Still
	}
	return
}

// asks adds what the parent asks for; restart is the date to put the
// provision back in place.
func (b *builder) asks(heading string, restart calc.Date) {
	missed, paid, cost, _ := b.counts()
	var items []string
	what := "the provision in Section F of the plan"
	if b.social {
		what = "the help in the plan"
	}
	switch {
	case len(b.facts) > 0 && b.ended():
		// The plan is over: asking for it to start again would be asking
		// for something that cannot happen.
		items = append(items, "Tell me in writing why "+b.child+" did not get all of "+what+" while it was due, and how the council will put this right.")
	case len(b.facts) > 0:
		items = append(items, "Make sure "+b.child+" gets all of "+what+" from "+restart.Long()+" at the latest, and tell me in writing who will give it and when.")
	}
	if missed > 0 {
		what := "missed sessions and days"
		if w := b.missedWord(); w != "" {
			what = plural(missed, "missed "+w)
		}
		items = append(items, "Send me a plan to make up the "+what+": how many, when, and who will give them.")
	}
	if paid > 0 {
		items = append(items, "Pay me back the "+calc.FormatMoney(cost)+" I paid for "+plural(paid, "private session")+". I can send the receipts.")
	}
	if !b.social {
		for _, d := range b.dls {
			if d.Status == calc.Overdue && d.PlanDelay && b.inForce(d.PlanID) && (strings.HasPrefix(d.Key, "amended_plan") || d.Key == "final_plan_20_weeks" || d.Key == "phase_transfer" || d.Key == "tribunal_order_5_weeks") {
				items = append(items, "Send me the final plan by "+restart.Long()+". It is already late.")
				break
			}
		}
		for _, d := range b.dls {
			if d.Key == "placement_named" && d.Status == calc.Overdue && b.inForce(d.PlanID) {
				items = append(items, "Name a school or other place in the plan by "+restart.Long()+". It is already late.")
			}
		}
	}
	if len(b.lines) > 0 {
		items = append(items, "Make a payment to put right what "+b.child+" missed and the distress this caused, as set out below.")
	}
	items = append(items,
		"Give me a written apology from a senior manager.",
		"Tell me what the council will change so that this does not happen again, to "+b.child+" or to other children.")
	b.h(heading)
	b.list(items, true)
	b.remedy()
}

// zeroLump reports a lump sum most decisions did not pay (typical £0): the
// letter asks for nothing for it, so it has no row. A line of sessions at
// £0 (made up like for like) keeps its row: it says why nothing is asked.
func zeroLump(l calc.Line) bool { return l.Unit == "lump sum" && l.Typical.IsZero() }

// remedy adds the itemised payment with its range and the statement that
// it is indicative.
func (b *builder) remedy() {
	if len(b.lines) == 0 {
		return
	}
	t := &Table{Caption: "Payment asked for, worked out from the Ombudsman's past decisions",
		Headers: []string{"Item", "How it is worked out", "Amount"}}
	low, typ, high := decimal.Zero, decimal.Zero, decimal.Zero
	ongoing := false
	asked := 0
	for _, l := range b.lines {
		if !zeroLump(l) {
			asked++
		}
	}
	for _, l := range b.lines {
		low, typ, high = low.Add(l.Low), typ.Add(l.Typical), high.Add(l.High)
		if zeroLump(l) && asked > 0 {
			continue // nothing asked for it: it counts only in the range
		}
		title, basis := b.lineWords(l)
		t.Rows = append(t.Rows, []string{title, basis, calc.FormatMoney(l.Typical)})
		ongoing = ongoing || l.Ongoing
	}
	t.Totals = []string{"Total", "", calc.FormatMoney(typ)}
	b.h("The payment I am asking for")
	b.add(Block{Kind: BlockTable, Table: t})
	s := "In total I ask for " + calc.FormatMoney(typ) + "."
	if ask := b.in.AskFor; ask.Sign() > 0 && !ask.Equal(typ) {
		// The parent's own figure: the table stays the estimate's, and
		// says so, so every amount in the letter is true.
		s = "In total I ask for " + calc.FormatMoney(ask) + ". The items above, worked out from the Ombudsman's past decisions, come to " + calc.FormatMoney(typ) + "."
	}
	if !low.Equal(high) {
		s += " From the Ombudsman's past decisions, the range for a case like this is " + calc.FormatMoney(low) + " to " + calc.FormatMoney(high) + "."
	}
	b.p(s)
	for _, o := range b.est.Offered {
		who := "You"
		if b.k == OmbudsmanForm {
			who = "The council"
		}
		s := who + " offered " + calc.FormatMoney(o.Amount)
		if o.WhatFor != "" {
			s += " for " + o.WhatFor
		}
		if !o.Date.IsZero() {
			s += " " + o.Date.On()
		}
		b.p(s + ". It has not been paid, so it is not taken off the amounts above.")
	}
	if ongoing {
		b.p("The amount for provision that is still missing is for the months to come: it stops when the provision is back in place.")
	}
	fd := b.est.FiguresDate.Long()
	b.p("These amounts are an indicative estimate, not legal advice. They are based on what the Local Government and Social Care Ombudsman has recommended in similar cases (figures as at " + fd + "). The Ombudsman decides each case on its own facts.")
}

// reply adds the reply deadline and the next steps for complaint stage
// 1 or 2 sent today under timescales t; it sets ReplyBy.
func (b *builder) reply(t calc.Timescales, stage int, next []string) {
	b.h("When I need your answer")
	ackDays, ansDays := t.Stage1AckDays, t.Stage1AnswerDays
	if stage == 2 {
		ackDays, ansDays = t.Stage2AckDays, t.Stage2AnswerDays
	}
	ackDue, due, ext := t.StageDue(b.cal, stage, b.today, calc.Date{})
	b.l.ReplyBy = due
	var s []string
	if ackDays > 0 {
		s = append(s, "Please confirm that you have received this complaint within "+plural(ackDays, "working day")+", by "+ackDue.Long()+".")
	}
	if t.Code && ackDays > 0 {
		s = append(s, "Please send me your full answer within "+plural(ansDays, "working day")+" of that, by "+due.Long()+" at the latest.")
	} else {
		s = append(s, "Please send me your full answer within "+plural(ansDays, "working day")+", by "+due.Long()+".")
	}
	if !ext.IsZero() {
		s = append(s, "If you need longer, please tell me why before then. The most you can take is "+plural(t.ExtensionDays, "more working day")+", to "+ext.Long()+".")
	}
	b.p(strings.Join(s, " "))
	if t.Usual {
		b.p("These are the usual time limits for a council complaint. Before 1 April 2026, when the Ombudsman began to apply its Complaint Handling Code, the council's own complaints policy set them: if your policy gives other times, please tell me.")
	} else {
		b.p("These time limits come from: " + endStop(t.Source))
	}
	for _, n := range next {
		b.p(n)
	}
	if e := oneLine(b.in.SenderEmail); e != "" {
		b.p("You can reply to me by email at " + e + ".")
	}
}

// ombudsmanLimit is the usual last day to complain to the Ombudsman, and
// the date it counts from, as calc.Deadlines works them out.
func ombudsmanLimit(c calc.Case, today calc.Date) (limit, from calc.Date, noticed bool) {
	d, ok := deadline(calc.Deadlines(c, calc.CalendarFor(c), today), "ombudsman_12_months")
	if !ok {
		return calc.Date{}, calc.Date{}, false
	}
	return d.Due, d.From, !d.FromRecords
}

// lineWords gives an estimate line's title and basis in the parent's voice
// (calc's words speak to the parent: "sessions you paid for").
func (b *builder) lineWords(l calc.Line) (title, basis string) {
	title, basis = LineTitle(b.c, l), l.Basis
	switch l.Kind {
	case calc.LineMadeUp:
		for _, f := range b.facts {
			if f.Prov.ID == l.ProvisionID {
				n := min(f.Counts.MadeUp, f.Counts.Missed)
				basis = plural(n, "session") + " made up like for like: no payment asked for"
			}
		}
	case calc.LinePrivateCosts:
		for _, f := range b.facts {
			if f.Prov.ID == l.ProvisionID {
				basis = "what I paid for " + plural(f.Counts.PaidPrivately, "session") + "; I can send the receipts"
			}
		}
	case calc.LineTimeAndTrouble:
		basis = "for the time and trouble of chasing the council"
		if n := len(b.c.Contacts); n > 0 {
			basis += " (" + plural(n, "contact") + " in my log)"
		}
	}
	return title, basis
}

// LineTitle is the title of an estimate line, naming its provision as
// ProvisionName does; the letters and the app's summary both use it.
func LineTitle(c calc.Case, l calc.Line) string {
	name := ""
	for _, pl := range c.Plans {
		for _, p := range pl.Provisions {
			if p.ID == l.ProvisionID && l.ProvisionID != "" {
				n := ProvisionName(c, p)
				name = strings.ToLower(n[:1]) + n[1:]
			}
		}
	}
	if name == "" {
		return l.Title
	}
	switch l.Kind {
	case calc.LineMissedSessions:
		return "Missed " + name + " sessions, not made up"
	case calc.LineMadeUp:
		return "Missed " + name + " sessions made up later"
	case calc.LinePrivateCosts:
		return "Refund of private " + name + " sessions"
	case calc.LineIndirect:
		return "Missed " + name + " programme, liaison and training"
	case calc.LinePartialProvision:
		return capital(name) + " not given"
	case calc.LineOngoing:
		return capital(name) + " still not in place"
	}
	return l.Title
}
