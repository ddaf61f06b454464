//go:build !js

package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// The QR code of the site's address is made here, at build time, in the
// native program: never in the wasm, never by another website.

// qrQuietZone is the empty border a QR code needs around it (4 modules).
const qrQuietZone = 4

// qrBits encodes text as a QR code (error correction level Q, so a
// crumpled or smudged leaflet still scans), as rows of dark modules.
func qrBits(text string) ([][]bool, error) {
	code, err := qrcode.NewWith(text, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionQuart))
	if err != nil {
		return nil, fmt.Errorf("QR code of %s: %w", text, err)
	}
	var w matrixWriter
	if err := code.Save(&w); err != nil {
		return nil, fmt.Errorf("QR code of %s: %w", text, err)
	}
	return w.bits, nil
}

// matrixWriter keeps the matrix go-qrcode hands its writers.
type matrixWriter struct{ bits [][]bool }

func (w *matrixWriter) Write(m qrcode.Matrix) error { w.bits = m.Bitmap(); return nil }
func (w *matrixWriter) Close() error                { return nil }

// qrSVG draws the code as an SVG: one path, dark on white, with its quiet
// zone, that scales to any size without blurring.
func qrSVG(bits [][]bool) []byte {
	n := len(bits) + 2*qrQuietZone
	var d strings.Builder
	for y, row := range bits {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < len(row) && row[x+run] {
				run++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x+qrQuietZone, y+qrQuietZone, run, run)
			x += run
		}
	}
	return []byte(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges">`+
		`<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`+"\n", n, n, n*8, n*8, n, n, d.String()))
}

// qrPNG draws the code as a PNG with scale pixels a module.
func qrPNG(bits [][]bool, scale int) ([]byte, error) {
	n := (len(bits) + 2*qrQuietZone) * scale
	img := image.NewPaletted(image.Rect(0, 0, n, n), color.Palette{color.White, color.Black})
	for y, row := range bits {
		for x, dark := range row {
			if !dark {
				continue
			}
			for dy := 0; dy < scale; dy++ {
				for dx := 0; dx < scale; dx++ {
					img.SetColorIndex((x+qrQuietZone)*scale+dx, (y+qrQuietZone)*scale+dy, 1)
				}
			}
		}
	}
	var b bytes.Buffer
	err := png.Encode(&b, img)
	return b.Bytes(), err
}
