package calc

import (
	_ "embed"
	"strings"
	"sync"
)

// Council is an English council with education duties (RULES.md §7,
// councils.csv: DfE code, names, region, reorganisation notes).
type Council struct {
	Code      string `json:"code"` // DfE local-authority code, e.g. "305"
	Name      string `json:"name"` // official name
	ShortName string `json:"short_name"`
	Region    string `json:"region"`
	Notes     string `json:"notes,omitempty"`
}

//go:embed data/councils.csv
var councilsCSV []byte

var councils = sync.OnceValue(func() []Council {
	rows, ok := readCSV(string(councilsCSV))
	if !ok || len(rows) < 2 {
		return nil // the embedded file is checked by a test
	}
	out := make([]Council, 0, len(rows)-1)
	for _, r := range rows[1:] {
		if len(r) < 5 {
			continue
		}
		out = append(out, Council{Code: r[0], Name: r[1], ShortName: r[2], Region: r[3], Notes: r[4]})
	}
	return out
})

// Councils returns the 153 councils, in the order of the data file (by
// DfE code). The slice is shared: do not change it.
func Councils() []Council { return councils() }

// CouncilByCode finds a council by its DfE code.
func CouncilByCode(code string) (Council, bool) {
	for _, c := range councils() {
		if c.Code == code {
			return c, true
		}
	}
	return Council{}, false
}

// readCSV reads an RFC 4180 file (comma-separated, "\n" or "\r\n" line
// ends, blank lines skipped, fields in double quotes may hold commas, line
// breaks and doubled quotes) as encoding/csv reads it, so that the wasm
// does not carry encoding/csv and bufio for one embedded file. It reports
// false for a quote out of place; a fuzz test compares it with encoding/csv.
func readCSV(s string) (rows [][]string, ok bool) {
	s = strings.TrimSuffix(s, "\r") // as encoding/csv does
	for s != "" {
		if s[0] == '\n' || strings.HasPrefix(s, "\r\n") {
			s = s[strings.IndexByte(s, '\n')+1:] // a blank line
			continue
		}
		var rec []string
		for {
			var field string
			if s != "" && s[0] == '"' {
				var b strings.Builder
				s = s[1:]
				for {
					i := strings.IndexByte(s, '"')
					if i < 0 {
						return nil, false
					}
					b.WriteString(s[:i])
					s = s[i+1:]
					if s == "" || s[0] != '"' {
						break
					}
					b.WriteByte('"')
					s = s[1:]
				}
				field = strings.ReplaceAll(b.String(), "\r\n", "\n")
			} else {
				i := strings.IndexAny(s, ",\n\"")
				if i < 0 {
					i = len(s)
				}
				if i < len(s) && s[i] == '"' {
					return nil, false
				}
				field, s = s[:i], s[i:]
				if s != "" && s[0] == '\n' {
					field = strings.TrimSuffix(field, "\r")
				}
			}
			rec = append(rec, field)
			if s == "" || s[0] != ',' {
				break
			}
			s = s[1:]
		}
		if strings.HasPrefix(s, "\r\n") {
			s = s[1:]
		}
		if s != "" && s[0] != '\n' {
			return nil, false // text after a closing quote
		}
		if s != "" {
			s = s[1:]
		}
		rows = append(rows, rec)
	}
	return rows, true
}
