package decisions

import (
	"encoding/json"
	"path/filepath"

	"provisiontracker/calc"
)

// CaseFileName is the name of a decision's case file in
// calc/testdata/decisions.
func CaseFileName(ref string) string { return Slug(ref) + ".json" }

// CaseFile is the case file written for an entered decision: the case
// (calc.EncodeCaseFile) with a note of the decision date used as "today"
// and the gap rules applied.
func CaseFile(en Entered) ([]byte, error) {
	c := en.Case
	c.Notes += " Estimate it on " + en.Today.String() + ". Rules used: " + joinRules(en.Rules) + "."
	return calc.EncodeCaseFile(c)
}

func joinRules(rs []string) string {
	if len(rs) == 0 {
		return "none"
	}
	b, _ := json.Marshal(rs)
	return string(b)
}

// CaseFiles returns every entered decision's case file by path under dir.
func CaseFiles(ents []Entered, dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, en := range ents {
		b, err := CaseFile(en)
		if err != nil {
			return nil, err
		}
		out[filepath.Join(dir, CaseFileName(en.Decision.Ref))] = b
	}
	return out, nil
}
