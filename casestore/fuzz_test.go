package casestore

import (
	"encoding/json"
	"os"
	"testing"
)

// FuzzOpen stores arbitrary text under the keys of a case and checks that
// Open never panics or fails, that every stored value is either read or
// listed as a problem with its exact text, and that saving never changes a
// problem's text.
func FuzzOpen(f *testing.F) {
	b, err := os.ReadFile("testdata/layout-1-schema-1.json")
	if err != nil {
		f.Fatal(err)
	}
	var fixture map[string]string
	json.Unmarshal(b, &fixture)
	var head, cur, backup string
	for k, v := range fixture {
		switch kind, _, rev := parseKey(k); {
		case kind == kindHead:
			head = v
		case kind == kindVersion && rev == 2:
			cur = v
		case kind == kindBackup:
			backup = v
		}
	}
	f.Add(head, cur, backup)
	f.Add("{", "{}", "null")
	f.Add(`{"format":"provision-tracker/head","layout":1}`, `{"format":"provision-tracker/saved-case","layout":1,"case":[]}`, `{"layout":99}`)
	f.Fuzz(func(t *testing.T, h, v, bk string) {
		st := newFake()
		for k, val := range fixture {
			st.m[k] = val
		}
		for k := range fixture {
			switch kind, _, rev := parseKey(k); {
			case kind == kindHead:
				st.m[k] = h
			case kind == kindVersion && rev == 2:
				st.m[k] = v
			case kind == kindBackup:
				st.m[k] = bk
			}
		}
		s, err := Open(st, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		probs := s.Problems()
		for _, p := range probs {
			if st.m[p.Key] != p.Raw {
				t.Fatalf("problem %s: raw text differs", p.Key)
			}
		}
		for _, sum := range s.List() {
			c, rev, err := s.Load(sum.ID)
			if err != nil {
				continue
			}
			if _, err := s.Save(sum.ID, c, rev); err != nil {
				continue
			}
		}
		s.Create(caseNamed(t, "Other"))
		for _, p := range probs {
			if st.m[p.Key] != p.Raw {
				t.Fatalf("problem %s was changed by a save", p.Key)
			}
		}
	})
}
