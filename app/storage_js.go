//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"provisiontracker/casestore"
)

// localStorage is the browser's storage for this site, as casestore sees
// it. It is the only code of the app that reads or writes the parent's
// records in window.localStorage.
type localStorage struct{ v js.Value }

// storageRefused is set when the browser refused window.localStorage as
// the program started (some private modes throw on any access to it, or
// give null). It is worked out before go-app starts: see standInStorage.
var storageRefused = !localStorageAnswers()

func init() {
	if storageRefused {
		standInStorage()
	}
}

// localStorageAnswers reports whether window.localStorage can be reached
// and read at all. It reads through Reflect.get, a call: an exception
// thrown by a plain js.Value.Get is not turned into a Go panic but ends
// the whole program.
func localStorageAnswers() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	reflect := js.Global().Get("Reflect")
	v := reflect.Call("get", js.Global(), "localStorage")
	if !v.Truthy() {
		return false
	}
	reflect.Call("get", v, "length")
	return true
}

// standInStorage puts an empty storage that keeps nothing in place of a
// window.localStorage the browser refuses. go-app reads localStorage as it
// starts (to tidy its saved states) and does not catch the browser's
// exception, so without this the app would stop before showing anything.
// The app's own records never go there: browserStorage answers
// unavailableStorage, so the parent is told nothing can be saved.
func standInStorage() {
	defer func() { recover() }() // not replaceable: nothing more can be done
	none := js.FuncOf(func(js.Value, []js.Value) any { return js.Null() })
	empty := js.Global().Get("Object").New()
	empty.Set("length", 0)
	for _, m := range []string{"getItem", "key", "setItem", "removeItem", "clear"} {
		empty.Set(m, none)
	}
	js.Global().Get("Object").Call("defineProperty", js.Global(), "localStorage", map[string]any{
		"configurable": true, "enumerable": true, "value": empty,
	})
}

// browserStorage returns the site's localStorage, or memory when the
// browser refuses it (some private modes throw on the first access).
func browserStorage() (s casestore.Storage) {
	if storageRefused {
		return unavailableStorage{}
	}
	defer func() {
		if recover() != nil {
			s = unavailableStorage{}
		}
	}()
	v := js.Global().Get("Reflect").Call("get", js.Global(), "localStorage") // see localStorageAnswers
	if !v.Truthy() {
		return unavailableStorage{}
	}
	return localStorage{v}
}

// call runs a localStorage method, turning the exception the browser
// throws (full, refused) into an error casestore understands.
func (s localStorage) call(method string, args ...any) (result js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", casestore.ErrUnavailable, r)
			if jsErr, ok := r.(js.Error); ok {
				if name := jsErr.Value.Get("name").String(); name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
					err = fmt.Errorf("%w: %v", casestore.ErrStorageFull, r)
				}
			}
		}
	}()
	return s.v.Call(method, args...), nil
}

func (s localStorage) Get(key string) (string, bool, error) {
	v, err := s.call("getItem", key)
	if err != nil || v.IsNull() || v.IsUndefined() {
		return "", false, err
	}
	return v.String(), true, nil
}

func (s localStorage) Set(key, value string) error {
	_, err := s.call("setItem", key, value)
	return err
}

func (s localStorage) Remove(key string) error {
	_, err := s.call("removeItem", key)
	return err
}

func (s localStorage) Keys() ([]string, error) {
	l, err := s.call("valueOf") // probes that storage answers at all
	if err != nil {
		return nil, err
	}
	length := l.Get("length").Int()
	keys := make([]string, 0, length)
	for i := 0; i < length; i++ {
		k, err := s.call("key", i)
		if err != nil {
			return nil, err
		}
		if !k.IsNull() {
			keys = append(keys, k.String())
		}
	}
	return keys, nil
}

// unavailableStorage answers every call with ErrUnavailable, so the app
// tells the parent and keeps working in memory.
type unavailableStorage struct{}

func (unavailableStorage) Get(string) (string, bool, error) {
	return "", false, casestore.ErrUnavailable
}
func (unavailableStorage) Set(string, string) error { return casestore.ErrUnavailable }
func (unavailableStorage) Remove(string) error      { return casestore.ErrUnavailable }
func (unavailableStorage) Keys() ([]string, error)  { return nil, casestore.ErrUnavailable }
