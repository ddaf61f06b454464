package letters

import (
	"html"
	"strings"
	"unicode/utf8"
)

// PlainText returns the letter as plain text: the sender, the date written
// out, the recipient, the subject, then each block with a blank line between
// blocks. A paragraph stays on one line (mail programs wrap it); a table is
// set in aligned columns. The Ombudsman form text starts with its title and
// has no addresses.
func (l Letter) PlainText() string {
	w := &textBuilder{}
	sep, line := w.sep, w.line
	if !l.IsLetter() {
		line(l.Title)
		line("Written on " + l.Date.Long())
	} else {
		for _, s := range l.Sender {
			line(s)
		}
		sep()
		line(l.Date.Long())
		if len(l.Recipient) > 0 {
			sep()
			for _, s := range l.Recipient {
				line(s)
			}
		}
		if l.Subject != "" {
			sep()
			line(l.Subject)
		}
		if l.Salutation != "" {
			sep()
			line(l.Salutation)
		}
	}
	for _, b := range l.Blocks {
		sep()
		switch b.Kind {
		case BlockHeading:
			line(b.Text)
			line(strings.Repeat("-", utf8.RuneCountInString(b.Text)))
		case BlockQuote:
			for _, p := range strings.Split(strings.TrimSpace(b.Text), "\n") {
				line("    " + strings.TrimSpace(p))
			}
		case BlockList:
			for i, it := range b.Items {
				if b.Numbered {
					line(itoa(i+1) + ". " + it)
				} else {
					line("- " + it)
				}
			}
		case BlockTable:
			if b.Table != nil {
				w.WriteString(b.Table.text())
			}
		default:
			line(strings.TrimSpace(b.Text))
		}
	}
	if l.SignOff != "" {
		sep()
		line(l.SignOff)
		sep()
		line(l.SignName)
	}
	if len(l.CC) > 0 {
		sep()
		line("Copy to: " + strings.Join(l.CC, "; "))
	}
	if len(l.FreeHelp) > 0 {
		sep()
		for _, s := range l.FreeHelp {
			line(s)
		}
	}
	return w.String()
}

// textBuilder writes plain text a line at a time. Its methods are kept
// out of line (go:noinline): inlined at each of PlainText's calls they
// made it the largest function of the letters in the wasm.
type textBuilder struct{ strings.Builder }

// line writes s and a line break.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (w *textBuilder) line(s string) { w.WriteString(s); w.WriteString("\n") }

// sep writes a blank line between parts, none before the first.
// Kept out of line: inlined at its many calls it cost the wasm code.
//
//go:noinline
func (w *textBuilder) sep() {
	if w.Len() > 0 {
		w.WriteString("\n")
	}
}

// textWidth is the width plain-text tables are fitted to: longer cells
// wrap onto more lines.
const textWidth = 100

// text sets a table in aligned columns; columns of numbers and amounts are
// aligned right, and long cells wrap so the table fits textWidth.
func (t *Table) text() string {
	rows := make([][]string, 0, len(t.Rows)+2)
	rows = append(rows, t.Headers)
	rows = append(rows, t.Rows...)
	if len(t.Totals) > 0 {
		rows = append(rows, t.Totals)
	}
	ncol := 0
	for _, r := range rows {
		ncol = max(ncol, len(r))
	}
	width := make([]int, ncol)
	right := make([]bool, ncol)
	for c := range right {
		right[c] = len(t.Rows) > 0
	}
	for i, r := range rows {
		for c, cell := range r {
			width[c] = max(width[c], utf8.RuneCountInString(flat(cell)))
			if i > 0 && cell != "" && !IsAmount(cell) {
				right[c] = false
			}
		}
	}
	total := func() int {
		n := 2 * max(0, ncol-1)
		for _, x := range width {
			n += x
		}
		return n
	}
	for total() > textWidth {
		widest := -1
		for c := range width {
			if !right[c] && width[c] > 12 && (widest < 0 || width[c] > width[widest]) {
				widest = c
			}
		}
		if widest < 0 {
			break
		}
		width[widest]--
	}
	var w strings.Builder
	if t.Caption != "" {
		w.WriteString(t.Caption + "\n")
	}
	rule := strings.Repeat("-", total()) + "\n"
	write := func(r []string) {
		cells := make([][]string, ncol)
		lines := 1
		for c := 0; c < ncol; c++ {
			cell := ""
			if c < len(r) {
				cell = flat(r[c])
			}
			cells[c] = wrap(cell, width[c])
			lines = max(lines, len(cells[c]))
		}
		for ln := 0; ln < lines; ln++ {
			var b strings.Builder
			for c := 0; c < ncol; c++ {
				cell := ""
				if ln < len(cells[c]) {
					cell = cells[c][ln]
				}
				pad := strings.Repeat(" ", max(0, width[c]-utf8.RuneCountInString(cell)))
				if c > 0 {
					b.WriteString("  ")
				}
				if right[c] {
					b.WriteString(pad + cell)
				} else {
					b.WriteString(cell + pad)
				}
			}
			w.WriteString(strings.TrimRight(b.String(), " ") + "\n")
		}
	}
	write(t.Headers)
	w.WriteString(rule)
	for _, r := range t.Rows {
		write(r)
	}
	if len(t.Totals) > 0 {
		w.WriteString(rule)
		write(t.Totals)
	}
	return w.String()
}

// wrap breaks s into lines of at most n characters at spaces, cutting
// words longer than a line.
func wrap(s string, n int) []string {
	if n < 1 || utf8.RuneCountInString(s) <= n {
		return []string{s}
	}
	var out []string
	cur := []rune{}
	for _, word := range strings.Fields(s) {
		wr := []rune(word)
		for len(wr) > n {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = cur[:0]
			}
			out = append(out, string(wr[:n]))
			wr = wr[n:]
		}
		switch {
		case len(cur) == 0:
			cur = append(cur, wr...)
		case len(cur)+1+len(wr) <= n:
			cur = append(append(cur, ' '), wr...)
		default:
			out = append(out, string(cur))
			cur = append([]rune{}, wr...)
		}
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// IsAmount reports whether a table cell is a number, an amount of money
// or a percentage, which letters set right-aligned.
func IsAmount(s string) bool {
	s = strings.TrimPrefix(s, "£")
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' && r != '%' {
			return false
		}
	}
	return true
}

const printCSS = `@page{size:A4;margin:20mm 18mm}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:174mm;padding:8mm 0;font:11pt/1.45 Arial,Helvetica,sans-serif;color:#000;background:#fff}
.sender{text-align:right;margin:0 0 1.2em}
.date{margin:0 0 1.2em}
.recipient{margin:0 0 1.2em}
.sender p,.recipient p{margin:0}
.subject{font-weight:bold;margin:0 0 1.2em}
h1{font-size:14pt;margin:0 0 .8em}
h2{font-size:11pt;margin:1.4em 0 .4em;break-after:avoid;page-break-after:avoid}
p{margin:0 0 .8em;orphans:3;widows:3}
blockquote{margin:0 0 .8em 1.5em;padding-left:.8em;border-left:2px solid #555;font-style:italic}
ul,ol{margin:0 0 .8em;padding-left:1.6em}
li{margin:0 0 .3em;break-inside:avoid;page-break-inside:avoid}
table{width:100%;border-collapse:collapse;margin:0 0 1em;font-size:10pt}
caption{text-align:left;font-weight:bold;padding:0 0 .3em}
th,td{border:1px solid #777;padding:3px 5px;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}
thead{display:table-header-group}
tfoot{display:table-row-group}
tr{break-inside:avoid;page-break-inside:avoid}
tfoot td{font-weight:bold}
.own{background:#fffbe6}
.signoff{margin-top:1.6em}
.signname{margin-top:3em}
.cc{margin-top:1.6em}
@media print{body{max-width:none;padding:0}.own{background:none}}
`

// StandaloneHTML returns the letter as one self-contained HTML page that
// prints on A4 like the plain text: inline CSS only, no scripts, no
// external resources, and every piece of text escaped.
func (l Letter) StandaloneHTML() string {
	var w strings.Builder
	e := html.EscapeString
	w.WriteString("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	title := l.Title
	if l.Subject != "" {
		title = l.Subject
	}
	w.WriteString("<title>" + e(title) + "</title>\n<style>\n" + printCSS + "</style>\n</head>\n<body>\n")
	para := func(class, s string) {
		w.WriteString("<p")
		if class != "" {
			w.WriteString(" class=\"" + class + "\"")
		}
		w.WriteString(">" + multiline(s) + "</p>\n")
	}
	if !l.IsLetter() {
		w.WriteString("<h1>" + e(l.Title) + "</h1>\n")
		para("date", "Written on "+l.Date.Long())
	} else {
		if len(l.Sender) > 0 {
			w.WriteString("<div class=\"sender\">\n")
			for _, s := range l.Sender {
				para("", s)
			}
			w.WriteString("</div>\n")
		}
		para("date", l.Date.Long())
		if len(l.Recipient) > 0 {
			w.WriteString("<div class=\"recipient\">\n")
			for _, s := range l.Recipient {
				para("", s)
			}
			w.WriteString("</div>\n")
		}
		if l.Subject != "" {
			para("subject", l.Subject)
		}
		if l.Salutation != "" {
			para("", l.Salutation)
		}
	}
	for _, b := range l.Blocks {
		class := ""
		if b.Own {
			class = "own"
		}
		switch b.Kind {
		case BlockHeading:
			w.WriteString("<h2>" + e(b.Text) + "</h2>\n")
		case BlockQuote:
			w.WriteString("<blockquote")
			if b.Own {
				w.WriteString(" class=\"own\"")
			}
			w.WriteString("><p>" + multiline(b.Text) + "</p></blockquote>\n")
		case BlockList:
			tag := "ul"
			if b.Numbered {
				tag = "ol"
			}
			w.WriteString("<" + tag + ">\n")
			for _, it := range b.Items {
				w.WriteString("<li>" + e(it) + "</li>\n")
			}
			w.WriteString("</" + tag + ">\n")
		case BlockTable:
			if b.Table != nil {
				w.WriteString(b.Table.html())
			}
		default:
			for _, p := range paragraphs(b.Text) {
				para(class, p)
			}
		}
	}
	if l.SignOff != "" {
		para("signoff", l.SignOff)
		para("signname", l.SignName)
	}
	if len(l.CC) > 0 {
		para("cc", "Copy to: "+strings.Join(l.CC, "; "))
	}
	if len(l.FreeHelp) > 0 {
		para("cc", strings.Join(l.FreeHelp, "\n"))
	}
	w.WriteString("</body>\n</html>\n")
	return w.String()
}

// paragraphs splits text the parent typed at blank lines.
func paragraphs(s string) []string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// multiline escapes s and keeps its line breaks.
func multiline(s string) string {
	lines := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n")
	for i, x := range lines {
		lines[i] = html.EscapeString(x)
	}
	return strings.Join(lines, "<br>")
}

func (t *Table) html() string {
	e := html.EscapeString
	var w strings.Builder
	w.WriteString("<table>\n")
	if t.Caption != "" {
		w.WriteString("<caption>" + e(t.Caption) + "</caption>\n")
	}
	w.WriteString("<thead><tr>")
	for _, h := range t.Headers {
		w.WriteString("<th scope=\"col\">" + e(h) + "</th>")
	}
	w.WriteString("</tr></thead>\n<tbody>\n")
	cell := func(s string) {
		if IsAmount(s) {
			w.WriteString("<td class=\"n\">" + e(s) + "</td>")
		} else {
			w.WriteString("<td>" + e(s) + "</td>")
		}
	}
	for _, r := range t.Rows {
		w.WriteString("<tr>")
		for _, c := range r {
			cell(c)
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n")
	if len(t.Totals) > 0 {
		w.WriteString("<tfoot><tr>")
		for _, c := range t.Totals {
			cell(c)
		}
		w.WriteString("</tr></tfoot>\n")
	}
	w.WriteString("</table>\n")
	return w.String()
}
