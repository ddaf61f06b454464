//go:build !js

package main

// Outside the browser (pages written at build time, native tests) there
// are no other tabs, no persistent storage and no files to hand over.

func listenOtherTabs(func(key string)) (stop func()) { return func() {} }

func askPersistentStorage() {}

func isInstalled() bool { return false }

func readChosenFile(inputID string, max int, done func(name string, data []byte, tooBig bool, problem string)) {
	done("", nil, false, "Choose a backup file.")
}
