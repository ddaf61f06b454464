//go:build !js

package main

import (
	"html"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"provisiontracker/calc"
	"provisiontracker/casestore"
	"provisiontracker/letters"
)

const summarySeedDir = "../calc/testdata/seeds/"

// summaryBook opens a seed case in a fresh book on memory storage and puts
// the old book back after the test.
func summaryBook(t *testing.T, file string) calc.Case {
	t.Helper()
	data, err := os.ReadFile(summarySeedDir + file)
	if err != nil {
		t.Fatal(err)
	}
	c, err := calc.DecodeCaseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	old := book
	t.Cleanup(func() { book = old })
	s, err := casestore.Open(casestore.NewMemory(), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	book = &caseBook{store: s}
	if problems := book.start(c); len(problems) > 0 {
		t.Fatalf("the case does not start: %v", problems)
	}
	return book.current()
}

// dataValue returns the text of the <dd> in the element marked attr="key".
func dataValues(page, attr string) map[string]string {
	re := regexp.MustCompile(`(?s)` + attr + `="([^"]+)"[^>]*>\s*<dt>[^<]*</dt>\s*<dd>([^<]*)</dd>`)
	out := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		out[m[1]] = html.UnescapeString(strings.TrimSpace(m[2]))
	}
	return out
}

// Every count and amount on the summary is calc's for the same case file.
func TestSummaryFiguresAreCalcs(t *testing.T) {
	for _, seed := range []string{"notts-23-009-620.json", "herts-24-006-445.json", "bromley-23-008-648.json", "bromley-news-1980.json"} {
		t.Run(seed, func(t *testing.T) {
			c := summaryBook(t, seed)
			page := app.HTMLString(&summaryPage{book: book})
			now := today()
			text := renderText(t, &summaryPage{book: book})

			cards := strings.Split(page, `class="card summary-provision"`)[1:]
			provs := provisionsOf(c)
			if len(cards) != len(provs) {
				t.Fatalf("%d provision cards, want %d", len(cards), len(provs))
			}
			cal := calc.CalendarFor(c)
			for i, pr := range provs {
				n := calc.Tally(pr, calc.Schedule(pr, cal, now), calc.Date{}, now)
				got := dataValues(cards[i], "data-count")
				paid := strconv.Itoa(n.PaidPrivately)
				if n.PaidPrivately > 0 {
					paid += " (" + calc.FormatMoney(n.PrivateCost) + ")"
				}
				want := map[string]string{
					"recorded": strconv.Itoa(n.Recorded), "delivered": strconv.Itoa(n.Delivered), "missed": strconv.Itoa(n.Missed),
					"made_up": strconv.Itoa(n.MadeUp), "paid_privately": paid, "percent": deliveredShare(n),
				}
				for k, v := range want {
					if got[k] != v {
						t.Errorf("%s: %s shows %q, calc says %q", pr.ID, k, got[k], v)
					}
				}
				if w := strings.Join(strings.Fields(pr.Wording), " "); w != "" && !strings.Contains(text, html.EscapeString(w)) && !strings.Contains(text, w) {
					t.Errorf("%s: the plan's wording is not shown: %q", pr.ID, w)
				}
				for _, m := range letters.MissedSessions(c, pr, now) {
					if !strings.Contains(cards[i], html.EscapeString(m.When)) {
						t.Errorf("%s: missed session %q not listed", pr.ID, m.When)
					}
				}
			}

			e := calc.EstimateCase(c, calc.DefaultRules(), now)
			lines := strings.Split(page, `data-line="`)[1:]
			if len(lines) != len(e.Lines)+1 {
				t.Fatalf("%d estimate lines (with the total), want %d", len(lines), len(e.Lines)+1)
			}
			for i := range lines {
				low, typ, high := e.Low, e.Typical, e.High
				key := "total"
				if i < len(e.Lines) {
					l := e.Lines[i]
					low, typ, high, key = l.Low, l.Typical, l.High, l.Key
					if !strings.Contains(lines[i], html.EscapeString(l.Basis)) || !strings.Contains(lines[i], html.EscapeString(l.Source)) {
						t.Errorf("line %s: basis or source missing", l.Key)
					}
					if !strings.Contains(lines[i], l.FiguresDate.Long()) {
						t.Errorf("line %s: date of the figures missing", l.Key)
					}
					// How many decisions the line rests on, and a link to each.
					if n := len(l.Decisions); n > 0 && !strings.Contains(lines[i], "Based on "+plural(n, "Ombudsman decision")) {
						t.Errorf("line %s: does not say it rests on %d decisions", l.Key, n)
					}
					for _, ref := range l.Decisions {
						if !strings.Contains(lines[i], ref) {
							t.Errorf("line %s: decision %s is not listed", l.Key, ref)
						}
					}
				}
				if !strings.HasPrefix(lines[i], key+`"`) {
					t.Errorf("line %d is %.30q, want %s", i, lines[i], key)
				}
				got := dataValues(lines[i], "data-amount")
				for k, v := range map[string]string{"low": calc.FormatMoney(low), "typical": calc.FormatMoney(typ), "high": calc.FormatMoney(high)} {
					if got[k] != v {
						t.Errorf("line %s: %s shows %q, calc says %q", key, k, got[k], v)
					}
				}
			}
			for _, must := range []string{"indication, not legal advice", "The Ombudsman decides each case", "pay less"} {
				if !strings.Contains(text, must) {
					t.Errorf("the summary does not say %q", must)
				}
			}
			for _, r := range letters.Routes(c, now) {
				for _, l := range r.Limits {
					if !strings.Contains(text, l.Date.Long()) {
						t.Errorf("route %s: the date %s is not shown", r.Key, l.Date.Long())
					}
				}
			}
			for _, k := range letters.Available(c) {
				if !strings.Contains(page, `href="/letter?kind=`+string(k)+`"`) {
					t.Errorf("no link to the letter %s", k)
				}
			}
		})
	}
}

// The Nottinghamshire figures: 12 sessions missed at £50, as in the
// Ombudsman's decision; its time limits (2024) have passed.
func TestSummaryNottinghamshire(t *testing.T) {
	summaryBook(t, "notts-23-009-620.json")
	text := renderText(t, &summaryPage{book: book})
	for _, must := range []string{"£600.00", "12 missed sessions × £50.00", "This date has passed."} {
		if !strings.Contains(text, must) {
			t.Errorf("the summary does not show %q", must)
		}
	}
	noticed := today().AddMonths(-2)
	if probs := book.change(func(c *calc.Case) { c.Complaint.ProblemNoticed = noticed }); len(probs) > 0 {
		t.Fatal(probs)
	}
	text = renderText(t, &summaryPage{book: book})
	if want := "You have until " + noticed.AddMonths(12).Long() + " to complain to the Ombudsman."; !strings.Contains(text, want) {
		t.Errorf("the summary does not say %q", want)
	}
}

// The summary says how close the estimate came on past decisions: the
// track record make calibrate measured, not figures of its own.
func TestSummarySaysHowCloseTheEstimateCame(t *testing.T) {
	summaryBook(t, "notts-23-009-620.json")
	tr := calc.DefaultRules().Tested
	if tr.Decisions < 50 || tr.Inside > tr.Decisions || tr.WithinHalf > tr.Decisions {
		t.Fatalf("track record %+v: want at least 50 decisions compared, and counts within them", tr)
	}
	text := renderText(t, &summaryPage{book: book})
	n := strconv.Itoa(tr.Decisions)
	for _, must := range []string{
		"How close is this?",
		"on " + n + " past Ombudsman decisions",
		"between the low and high figures in " + strconv.Itoa(tr.Inside) + " of them,",
		"50% above or below it in " + strconv.Itoa(tr.WithinHalf) + ".",
	} {
		if !strings.Contains(text, must) {
			t.Errorf("the summary does not say %q", must)
		}
	}
}

// The letter page shows the letter letters.Build writes, and no Share or
// Print button where the browser has none.
func TestLetterPageShowsTheBuiltLetter(t *testing.T) {
	c := summaryBook(t, "notts-23-009-620.json")
	for _, k := range letters.Available(c) {
		p := &letterPage{book: book, kind: k}
		page := app.HTMLString(p)
		l, err := letters.Build(k, c, letters.InputsFrom(c), today())
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range l.Blocks {
			for _, s := range append([]string{b.Text}, b.Items...) {
				for _, para := range strings.Split(strings.TrimSpace(s), "\n") {
					if para = strings.TrimSpace(para); para != "" && !strings.Contains(page, html.EscapeString(para)) {
						t.Errorf("%s: not on the page: %q", k, para)
					}
				}
			}
		}
		for _, id := range []string{"letter-share", "letter-print"} {
			if strings.Contains(page, `id="`+id+`"`) {
				t.Errorf("%s: the %s button shows where the browser cannot do it", k, id)
			}
		}
		for _, id := range []string{"letter-download-txt", "letter-download-html", "letter-copy"} {
			if !strings.Contains(page, `id="`+id+`"`) {
				t.Errorf("%s: no %s button", k, id)
			}
		}
	}
	if text := renderText(t, &letterPage{book: book, kind: "nonsense"}); !strings.Contains(text, "does not fit") {
		t.Errorf("an unknown kind does not say so: %s", text)
	}
}

// The details are saved in the case and reach the letter; a bad one is
// shown next to its field and nothing is saved.
func TestLetterDetailsSaved(t *testing.T) {
	summaryBook(t, "notts-23-009-620.json")
	p := &letterDetailsPage{book: book}
	p.load()
	p.senderName = "  Jo   Smith "
	p.senderAddress = "1 Oak Road\n\n Nottingham NG1 1AA \n"
	p.impact = "He stopped sleeping.\n\nHe is anxious."
	p.recipientName = "Ms Priya Patel"
	if !p.save() {
		t.Fatalf("not saved: %v", p.errs)
	}
	got := book.current().Letter
	if got.SenderName != "Jo   Smith" || len(got.SenderAddress) != 2 || got.SenderAddress[1] != "Nottingham NG1 1AA" {
		t.Errorf("saved %+v", got)
	}
	l, _ := letters.Build(letters.CouncilStage1, book.current(), letters.InputsFrom(book.current()), today())
	if !strings.Contains(l.PlainText(), "He stopped sleeping.") || l.Salutation != "Dear Ms Patel" {
		t.Errorf("the letter does not use the details: %q", l.Salutation)
	}
	p.senderEmail = "not an email"
	p.senderName = strings.Repeat("x", 201)
	if p.save() {
		t.Fatal("saved bad details")
	}
	if p.errs.of("sender-email") == "" || p.errs.of("sender-name") == "" {
		t.Errorf("errors not on their fields: %v", p.errs)
	}
	if book.current().Letter.SenderEmail != "" {
		t.Error("bad details were saved")
	}
}

func TestExportFileName(t *testing.T) {
	d := calc.MustDate(2026, 3, 14)
	for in, want := range map[string]string{
		"Sam":           "provision-tracker-sam-council-stage1-2026-03-14.txt",
		"Ms B's son":    "provision-tracker-ms-b-s-son-council-stage1-2026-03-14.txt",
		"Zoë ../../etc": "provision-tracker-zoe-etc-council-stage1-2026-03-14.txt",
		"":              "provision-tracker-child-council-stage1-2026-03-14.txt",
		"<script>":      "provision-tracker-script-council-stage1-2026-03-14.txt",
	} {
		if got := exportFileName(in, string(letters.CouncilStage1), d, "txt"); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}
