//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"testing"
	"time"

	"provisiontracker/calc"
	"provisiontracker/casestore"
)

// BenchmarkWasmSize reports the size of the built app.wasm: raw, gzip -9 and,
// when the brotli tool is installed, brotli -q 11. First visits on a slow
// phone connection pay for the compressed size; `make bench` builds the wasm
// first.
func BenchmarkWasmSize(b *testing.B) {
	raw, err := os.ReadFile("../web/app.wasm")
	if err != nil {
		b.Skip("web/app.wasm is not built: run make wasm")
	}
	var gz bytes.Buffer
	for i := 0; i < b.N; i++ {
		gz.Reset()
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write(raw)
		w.Close()
	}
	b.ReportMetric(float64(len(raw)), "raw-bytes")
	b.ReportMetric(float64(gz.Len()), "gzip-bytes")
	if _, err := exec.LookPath("brotli"); err != nil {
		return
	}
	br, err := exec.Command("brotli", "-q", "11", "-c", "../web/app.wasm").Output()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(br)), "brotli-bytes")
	// The yardstick: go-app's hello world, built the same way (see the Makefile).
	hello := b.TempDir() + "/hello.wasm"
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", hello, "./hello")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the hello world: %v\n%s", err, out)
	}
	hb, err := exec.Command("brotli", "-q", "11", "-c", hello).Output()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(hb)), "hello-brotli-bytes")
	b.ReportMetric(float64(len(br))/float64(len(hb)), "times-hello")
}

// BenchmarkMarkSession is one tap in the session log of a large record
// (support every working day since February 2019: about 2,000 sessions):
// copy, check with calc, save through the case store. In the browser the
// wasm runs it several times slower, so it must stay small here.
func BenchmarkMarkSession(b *testing.B) {
	old := book
	defer func() { book = old }()
	c := newCase("Big")
	p := calc.Provision{ID: "support", Section: calc.SectionF, Type: calc.TypeOneToOne, Weeks: calc.AllYear,
		Frequency: calc.Frequency{Count: 5, Unit: calc.UnitHours, Per: calc.PerWeek}, Start: calc.MustDate(2019, 2, 1)}
	for _, s := range calc.Schedule(p, calc.CalendarFor(c), calc.MustDate(2026, 11, 25)) {
		p.Outcomes = append(p.Outcomes, calc.Outcome{Date: s.Date, Seq: s.Seq, Status: calc.StatusDelivered})
	}
	c.Plans[0].Provisions = []calc.Provision{p}
	store, err := casestore.Open(casestore.NewMemory(), time.Now)
	if err != nil {
		b.Fatal(err)
	}
	book = &caseBook{store: store}
	if problems := book.start(c); len(problems) > 0 {
		b.Fatal(problems)
	}
	b.ReportMetric(float64(len(p.Outcomes)), "sessions")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		status := []calc.Status{calc.StatusMissed, calc.StatusDelivered}[i%2]
		if problems := book.changeOutcomes("support", func(o []calc.Outcome) []calc.Outcome {
			o[i%len(o)].Status = status
			return o
		}); len(problems) > 0 || book.saveError != "" {
			b.Fatal(problems, book.saveError)
		}
	}
}
