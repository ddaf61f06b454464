//go:build js

package main

import (
	"syscall/js"
)

// The browser side of getting a letter out of the phone: download, copy,
// share and print. Nothing here sends a request: a download is a Blob
// behind an object URL, clicked through a temporary <a download>.

// downloadFile hands data to the parent as a file called name (a Blob
// behind an object URL, clicked through a temporary <a download>). It
// reports whether the browser took it.
func downloadFile(name, mime string, data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	g := js.Global()
	arr := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := g.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := g.Get("URL").Call("createObjectURL", blob)
	doc := g.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		g.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	g.Call("setTimeout", revoke, 60000)
	return true
}

// copyText puts text on the clipboard and calls done with whether it
// worked. Without navigator.clipboard (an old browser, a page not served
// over https) it falls back to a hidden text area and execCommand.
func copyText(text string, done func(ok bool)) {
	g := js.Global()
	clip := g.Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		done(copyFallback(text))
		return
	}
	var then, fail js.Func
	release := func() { then.Release(); fail.Release() }
	then = js.FuncOf(func(js.Value, []js.Value) any { release(); done(true); return nil })
	fail = js.FuncOf(func(js.Value, []js.Value) any { release(); done(copyFallback(text)); return nil })
	func() {
		defer func() {
			if recover() != nil {
				release()
				done(copyFallback(text))
			}
		}()
		clip.Call("writeText", text).Call("then", then, fail)
	}()
}

func copyFallback(text string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	doc := js.Global().Get("document")
	ta := doc.Call("createElement", "textarea")
	ta.Set("value", text)
	ta.Call("setAttribute", "readonly", "")
	st := ta.Get("style")
	st.Set("position", "fixed")
	st.Set("top", "-1000px")
	doc.Get("body").Call("appendChild", ta)
	ta.Call("select")
	ok = doc.Call("execCommand", "copy").Truthy()
	ta.Call("remove")
	return ok
}

// canShare reports whether the browser has the Web Share API.
func canShare() bool {
	n := js.Global().Get("navigator")
	return n.Truthy() && n.Get("share").Type() == js.TypeFunction
}

// shareText opens the phone's share sheet; done gets "" when it worked or
// the person closed it, or a message.
func shareText(title, text string, done func(problem string)) {
	if !canShare() {
		done("Sharing is not available in this browser.")
		return
	}
	var then, fail js.Func
	release := func() { then.Release(); fail.Release() }
	then = js.FuncOf(func(js.Value, []js.Value) any { release(); done(""); return nil })
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		if len(args) > 0 && args[0].Truthy() && args[0].Get("name").String() == "AbortError" {
			done("") // the person closed the share sheet
			return nil
		}
		done("Sharing did not work. Use Download or Copy instead.")
		return nil
	})
	func() {
		defer func() {
			if recover() != nil {
				release()
				done("Sharing did not work. Use Download or Copy instead.")
			}
		}()
		js.Global().Get("navigator").Call("share", map[string]any{"title": title, "text": text}).Call("then", then, fail)
	}()
}

// canPrint reports whether the browser has window.print.
func canPrint() bool { return js.Global().Get("print").Type() == js.TypeFunction }

// printPage opens the browser's print dialog.
func printPage() { js.Global().Call("print") }
