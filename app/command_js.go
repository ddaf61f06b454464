//go:build js

package main

import "io"

// runCommand is never reached in the browser, where app.RunWhenOnBrowser runs
// the app forever. The command-line tools are only in the native build, which
// keeps net/http and file handling out of the wasm download.
func runCommand(args []string, stdout, stderr io.Writer) int { return 0 }
