package calc

import (
	"bytes"
	_ "embed"
	"encoding/csv"
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
	rows, err := csv.NewReader(bytes.NewReader(councilsCSV)).ReadAll()
	if err != nil || len(rows) < 2 {
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
