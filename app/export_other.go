//go:build !js

package main

// Outside the browser (the static build and native tests) there is nothing
// to download to, copy to or share with: every helper says so, and the
// pages hide what needs them.

func downloadFile(name, mime string, data []byte) bool { return false }

func copyText(text string, done func(ok bool)) { done(false) }

func canShare() bool { return false }

func shareText(title, text string, done func(problem string)) {
	done("Sharing is not available here.")
}

func canPrint() bool { return false }

func printPage() {}
