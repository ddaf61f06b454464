package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The elements pages use most, made by functions kept out of line
// (go:noinline). go-app's constructors are small enough for the compiler
// to inline, and inlined at each of several hundred calls (with If's
// closure and the inlining records) they cost the wasm about 10 KB
// brotli. These do exactly what the go-app functions do.

// elIf is app.If.
//
//go:noinline
func elIf(expr bool, elem func() app.UI) app.Condition { return app.If(expr, elem) }

// elRange is app.Range.
//
//go:noinline
func elRange(src any) app.RangeLoop { return app.Range(src) }

// elH1 is app.H1().
//
//go:noinline
func elH1() app.HTMLH1 { return app.H1() }

// elText is app.Text.
//
//go:noinline
func elText(v any) app.UI { return app.Text(v) }

// elP is app.P().
//
//go:noinline
func elP() app.HTMLP { return app.P() }

// elDiv is app.Div().
//
//go:noinline
func elDiv() app.HTMLDiv { return app.Div() }

// elA is app.A().
//
//go:noinline
func elA() app.HTMLA { return app.A() }

// elLi is app.Li().
//
//go:noinline
func elLi() app.HTMLLi { return app.Li() }

// elButton is app.Button().
//
//go:noinline
func elButton() app.HTMLButton { return app.Button() }

// elUl is app.Ul().
//
//go:noinline
func elUl() app.HTMLUl { return app.Ul() }

// elSpan is app.Span().
//
//go:noinline
func elSpan() app.HTMLSpan { return app.Span() }

// elH2 is app.H2().
//
//go:noinline
func elH2() app.HTMLH2 { return app.H2() }

// elH3 is app.H3().
//
//go:noinline
func elH3() app.HTMLH3 { return app.H3() }

// elStrong is app.Strong().
//
//go:noinline
func elStrong() app.HTMLStrong { return app.Strong() }

// elLabel is app.Label().
//
//go:noinline
func elLabel() app.HTMLLabel { return app.Label() }

// elLegend is app.Legend().
//
//go:noinline
func elLegend() app.HTMLLegend { return app.Legend() }

// elDd is app.Dd().
//
//go:noinline
func elDd() app.HTMLDd { return app.Dd() }

// elDt is app.Dt().
//
//go:noinline
func elDt() app.HTMLDt { return app.Dt() }

// elTd is app.Td().
//
//go:noinline
func elTd() app.HTMLTd { return app.Td() }

// elTh is app.Th().
//
//go:noinline
func elTh() app.HTMLTh { return app.Th() }

// elTr is app.Tr().
//
//go:noinline
func elTr() app.HTMLTr { return app.Tr() }

// elInput is app.Input().
//
//go:noinline
func elInput() app.HTMLInput { return app.Input() }

// elFieldSet is app.FieldSet().
//
//go:noinline
func elFieldSet() app.HTMLFieldSet { return app.FieldSet() }

// elSection is app.Section().
//
//go:noinline
func elSection() app.HTMLSection { return app.Section() }

// elOption is app.Option().
//
//go:noinline
func elOption() app.HTMLOption { return app.Option() }

// elDl is app.Dl().
//
//go:noinline
func elDl() app.HTMLDl { return app.Dl() }

// elOl is app.Ol().
//
//go:noinline
func elOl() app.HTMLOl { return app.Ol() }

// elSelect is app.Select().
//
//go:noinline
func elSelect() app.HTMLSelect { return app.Select() }

// elBr is app.Br().
//
//go:noinline
func elBr() app.HTMLBr { return app.Br() }

// elBlockquote is app.Blockquote().
//
//go:noinline
func elBlockquote() app.HTMLBlockquote { return app.Blockquote() }

// itoa is strconv.Itoa, kept out of line for the same reason.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }
