//go:build !js

package main

// Outside the browser (pages written at build time, tests) there is no
// page to close, and the carry for an update lives in memory.

func guardUnload(unsaved func() bool) {}

var carried *string

func carryPut(data string) bool { carried = &data; return true }

func carryTake() (string, bool) {
	if carried == nil {
		return "", false
	}
	d := *carried
	carried = nil
	return d, true
}
