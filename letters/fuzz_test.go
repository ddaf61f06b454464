package letters

import (
	"os"
	"testing"

	"provisiontracker/calc"
)

// FuzzBuild checks that building, rendering and exporting never panic for
// any case the decoder accepts.
func FuzzBuild(f *testing.F) {
	for _, path := range caseFiles(f) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint16(9000), "<script>x</script>")
	}
	f.Fuzz(func(t *testing.T, data []byte, day uint16, impact string) {
		c, err := calc.DecodeCaseFile(data)
		if err != nil {
			return
		}
		today := calc.MustDate(2020, 1, 1).AddDays(int(day) % 4000)
		in := goldenInputs()
		in.Impact, in.RecipientName = impact, impact
		for _, k := range Available(c) {
			l, err := Build(k, c, in, today)
			if err != nil {
				t.Fatalf("%s: %v", k, err)
			}
			_ = l.PlainText()
			_ = l.StandaloneHTML()
		}
		_ = Routes(c, today)
		if _, err := SessionLogCSV(c, today); err != nil {
			t.Fatal(err)
		}
	})
}
