//go:build !js

package main

// shareLink has no share sheet to open outside the browser.
func shareLink(title, text, link string, done func(shareResult)) { done(shareFailed) }
