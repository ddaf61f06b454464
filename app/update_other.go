//go:build !js

package main

// watchForNewVersion does nothing outside the browser: there is no
// service worker.
func watchForNewVersion() {}
