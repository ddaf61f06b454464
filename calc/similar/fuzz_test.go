package similar

import (
	"reflect"
	"testing"
)

// parseTable never panics, and what it reads it writes back the same.
func FuzzParseTable(f *testing.F) {
	f.Add(EncodeTable(Decisions()[:3]))
	f.Add("")
	f.Add("a\tb")
	f.Fuzz(func(t *testing.T, s string) {
		ds, err := parseTable(s)
		if err != nil {
			return
		}
		again, err := parseTable(EncodeTable(ds))
		if err != nil {
			t.Fatalf("re-reading what was read: %v", err)
		}
		if len(again) != len(ds) {
			t.Fatalf("%d decisions, then %d", len(ds), len(again))
		}
		for i := range ds {
			if ds[i].Ref != again[i].Ref || !reflect.DeepEqual(ds[i].Help, again[i].Help) || len(ds[i].Items) != len(again[i].Items) {
				t.Fatalf("decision %d changed: %+v then %+v", i, ds[i], again[i])
			}
		}
	})
}
