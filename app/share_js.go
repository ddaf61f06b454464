//go:build js

package main

import "syscall/js"

// shareLink opens the phone's share sheet with a link (navigator.share).
func shareLink(title, text, link string, done func(shareResult)) {
	var then, fail js.Func
	release := func() { then.Release(); fail.Release() }
	then = js.FuncOf(func(js.Value, []js.Value) any { release(); done(shareDone); return nil })
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		if len(args) > 0 && args[0].Truthy() && args[0].Get("name").String() == "AbortError" {
			done(shareClosed)
			return nil
		}
		done(shareFailed)
		return nil
	})
	defer func() {
		if recover() != nil {
			release()
			done(shareFailed)
		}
	}()
	js.Global().Get("navigator").Call("share", map[string]any{"title": title, "text": text, "url": link}).Call("then", then, fail)
}
