//go:build js

package main

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// watchForNewVersion makes sure the app offers a new version whenever one
// takes over this page. go-app listens for the new service worker only
// once its registration has resolved; when the browser finds the new
// version first (it checks on every page load), go-app never hears of it
// and the banner never comes, although the new version is in charge. The
// worker takes over pages of an older version (skipWaiting) but not a
// first visit (no clients.claim), so a change of controller here is always
// an update. The new version may also have taken over before the app
// started: then the copy of this version (the cache named in worker.js)
// is gone.
func watchForNewVersion() {
	sw := js.Global().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	notify := func() {
		if f := js.Global().Get("goappOnUpdate"); f.Type() == js.TypeFunction {
			f.Invoke()
		}
	}
	sw.Call("addEventListener", "controllerchange", js.FuncOf(func(this js.Value, args []js.Value) any {
		notify()
		return nil
	}))
	caches := js.Global().Get("caches")
	if !sw.Get("controller").Truthy() || !caches.Truthy() {
		return
	}
	mine := "app-" + app.Getenv("GOAPP_VERSION")
	caches.Call("keys").Call("then", js.FuncOf(func(this js.Value, args []js.Value) any {
		if !args[0].Call("includes", mine).Bool() {
			notify()
		}
		return nil
	}))
}
