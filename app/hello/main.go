// Command hello is go-app's hello world: the yardstick for the app's size.
// BenchmarkWasmSize (app/bench_test.go) builds it for wasm the same way as
// the app and reports how many times larger the app is.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello World!") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
