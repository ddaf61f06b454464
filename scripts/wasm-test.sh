#!/usr/bin/env bash
# Runs the app's browser unit tests: GOOS=js GOARCH=wasm go test, each test binary in
# headless Chromium through wasmbrowsertest (.tools/bin/go_js_wasm_exec, installed by
# scripts/setup-test-tools.sh). The real DOM, OnMount, clicks and localStorage work there.
#
#   scripts/wasm-test.sh                  # every package under ./app (app/e2e is native-only
#                                         # and drops out by its //go:build !js)
#   scripts/wasm-test.sh -run TestX -v    # extra flags go to go test
#   PKGS="./app/" scripts/wasm-test.sh    # other packages
#
# The same by hand: PATH="$PWD/.tools/bin:$PATH" GOOS=js GOARCH=wasm go test ./app/...
# WASM_HEADLESS=off shows the browser window (needs a display).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ ! -x .tools/bin/go_js_wasm_exec ] || [ ! -x .tools/bin/wasmbrowsertest ]; then
	echo "wasm-test: .tools/bin/go_js_wasm_exec is missing: run scripts/setup-test-tools.sh first" >&2
	exit 1
fi
export PATH="$root/.tools/bin:$PATH"
# wasmbrowsertest waits for the test page's own #doneButton: a test that replaces
# document.body's content removes it and the run hangs until go test kills it. A short
# default timeout (a later -timeout wins) makes that a quick failure, not a 10-minute one.
# shellcheck disable=SC2086 # PKGS is a list of package patterns
GOOS=js GOARCH=wasm exec go test -timeout=2m "$@" ${PKGS:-./app/...}
