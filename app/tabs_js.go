//go:build js

package main

import (
	"syscall/js"
)

// The browser's side of keeping a family's record safe: hearing what other
// tabs wrote, asking for storage the browser will not clear by itself, and
// handing a file to the parent. Nothing here sends a request.

// listenOtherTabs calls changed with the key of every localStorage write
// made by another tab or window of the app ("" when one cleared it). The
// browser never sends a tab its own writes. stop removes the listener.
func listenOtherTabs(changed func(key string)) (stop func()) {
	win := js.Global()
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		e := args[0]
		if area := e.Get("storageArea"); area.Truthy() && !area.Equal(win.Get("localStorage")) {
			return nil // sessionStorage is not ours
		}
		key := ""
		if k := e.Get("key"); k.Type() == js.TypeString {
			key = k.String()
		}
		changed(key)
		return nil
	})
	win.Call("addEventListener", "storage", fn)
	return func() {
		win.Call("removeEventListener", "storage", fn)
		fn.Release()
	}
}

// askPersistentStorage asks the browser not to clear the site's storage
// when the device runs short of space (the book asks once per start). Browsers
// decide by themselves (Chrome from how much the site is used, Firefox by
// asking the person); the answer changes nothing else.
func askPersistentStorage() {
	defer func() { recover() }()
	st := js.Global().Get("navigator").Get("storage")
	if !st.Truthy() || st.Get("persist").Type() != js.TypeFunction || st.Get("persisted").Type() != js.TypeFunction {
		return
	}
	var then, done js.Func
	release := func() { then.Release(); done.Release() }
	done = js.FuncOf(func(js.Value, []js.Value) any { release(); return nil })
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 && args[0].Truthy() {
			release() // already persistent
			return nil
		}
		st.Call("persist").Call("then", done, done)
		return nil
	})
	st.Call("persisted").Call("then", then, done)
}

// isInstalled reports whether the app runs from the Home Screen (or as an
// installed app), where Safari does not clear its storage after 7 days.
func isInstalled() bool {
	defer func() { recover() }()
	w := js.Global()
	if s := w.Get("navigator").Get("standalone"); s.Type() == js.TypeBoolean && s.Bool() {
		return true
	}
	mm := w.Get("matchMedia")
	return mm.Type() == js.TypeFunction && w.Call("matchMedia", "(display-mode: standalone)").Get("matches").Bool()
}

// readChosenFile reads the file chosen in the file input with this id. done gets the
// bytes, or tooBig when the file is over max bytes (it is then not read),
// or a problem.
func readChosenFile(inputID string, max int, done func(name string, data []byte, tooBig bool, problem string)) {
	input := js.Global().Get("document").Call("getElementById", inputID)
	if !input.Truthy() {
		done("", nil, false, "Choose a backup file.")
		return
	}
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		done("", nil, false, "Choose a backup file.")
		return
	}
	f := files.Index(0)
	name := f.Get("name").String()
	if f.Get("size").Int() > max {
		done(name, nil, true, "")
		return
	}
	var then, fail js.Func
	release := func() { then.Release(); fail.Release() }
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		arr := js.Global().Get("Uint8Array").New(args[0])
		data := make([]byte, arr.Length())
		js.CopyBytesToGo(data, arr)
		done(name, data, false, "")
		return nil
	})
	fail = js.FuncOf(func(js.Value, []js.Value) any {
		release()
		done(name, nil, false, "The file could not be read. Choose it again, or try another copy.")
		return nil
	})
	f.Call("arrayBuffer").Call("then", then, fail)
}
