//go:build js

package main

import "syscall/js"

// guardUnload asks the browser to warn before this page is closed or
// reloaded while unsaved() reports a change that is not saved on this
// device. The browser shows its own question; the app cannot word it.
func guardUnload(unsaved func() bool) {
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 || !unsaved() {
			return nil
		}
		args[0].Call("preventDefault")
		args[0].Set("returnValue", "") // older browsers ask for it
		return nil
	})
	js.Global().Call("addEventListener", "beforeunload", fn)
}

// carryKey is the sessionStorage entry that carries an unsaved change
// through a reload of this tab (an update). sessionStorage lives only as
// long as the tab and has room of its own, so it still takes the change
// when localStorage is full.
const carryKey = "pt:carry"

// carryPut keeps data for the next start of this tab; false if the
// browser refuses.
func carryPut(data string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	s := js.Global().Get("Reflect").Call("get", js.Global(), "sessionStorage")
	if !s.Truthy() {
		return false
	}
	s.Call("setItem", carryKey, data)
	return s.Call("getItem", carryKey).String() == data
}

// carryTake returns what carryPut kept, once.
func carryTake() (data string, ok bool) {
	defer func() {
		if recover() != nil {
			data, ok = "", false
		}
	}()
	s := js.Global().Get("Reflect").Call("get", js.Global(), "sessionStorage")
	if !s.Truthy() {
		return "", false
	}
	v := s.Call("getItem", carryKey)
	if v.Type() != js.TypeString {
		return "", false
	}
	s.Call("removeItem", carryKey)
	return v.String(), true
}
