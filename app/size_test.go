//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"testing"
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
	if _, err := exec.LookPath("brotli"); err == nil {
		if br, err := exec.Command("brotli", "-q", "11", "-c", "../web/app.wasm").Output(); err == nil {
			b.ReportMetric(float64(len(br)), "brotli-bytes")
		}
	}
}
