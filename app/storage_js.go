//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"provisiontracker/casestore"
)

// localStorage is the browser's storage for this site, as casestore sees
// it. It is the only code that touches window.localStorage.
type localStorage struct{ v js.Value }

// browserStorage returns the site's localStorage, or memory when the
// browser refuses it (some private modes throw on the first access).
func browserStorage() (s casestore.Storage) {
	defer func() {
		if recover() != nil {
			s = unavailableStorage{}
		}
	}()
	v := js.Global().Get("localStorage")
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
