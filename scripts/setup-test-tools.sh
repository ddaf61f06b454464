#!/usr/bin/env bash
# Installs what the browser tests need, and skips what is there already.
#
#   Debian packages   chromium (headless browser), poppler-utils (pdftotext, pdftoppm),
#                     brotli, nginx-light and apache2 (the hosting recipes' real servers),
#                     npm (only when npm is missing)
#   .tools/bin/       wasmbrowsertest, and go_js_wasm_exec (a wrapper around it) so that
#                     `GOOS=js GOARCH=wasm go test` runs in headless Chromium when .tools/bin
#                     is first on PATH (scripts/wasm-test.sh does that)
#   .tools/node/      axe-core, injected into pages by the e2e accessibility checks
#
# Set CHROME_PATH to use a Chromium or Chrome other than /usr/bin/chromium.
# Safe to run again: it changes nothing when everything is in place (well under 2 s).
set -euo pipefail

WASMBROWSERTEST_VERSION=v0.11.0
AXE_CORE_VERSION=4.14.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
bin="$tools/bin"

say() { printf 'setup-test-tools: %s\n' "$*"; }
die() {
	printf 'setup-test-tools: ERROR: %s\n' "$*" >&2
	exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# --- Debian packages ---------------------------------------------------------------------

chrome=${CHROME_PATH:-/usr/bin/chromium}
missing_pkgs=()
if [ -n "${CHROME_PATH:-}" ]; then
	[ -x "$CHROME_PATH" ] || die "CHROME_PATH=$CHROME_PATH is not an executable file. Unset it to use Debian's chromium, or point it at a Chromium or Chrome binary."
elif [ ! -x /usr/bin/chromium ]; then
	missing_pkgs+=(chromium)
fi
{ command -v pdftotext && command -v pdftoppm; } >/dev/null 2>&1 || missing_pkgs+=(poppler-utils)
command -v brotli >/dev/null 2>&1 || missing_pkgs+=(brotli)
command -v npm >/dev/null 2>&1 || missing_pkgs+=(npm)
# The hosting recipes are tested on real servers (app/e2e/realhost_test.go), each started
# by the test on a free port of its own.
command -v nginx >/dev/null 2>&1 || missing_pkgs+=(nginx-light)
[ -x /usr/sbin/apache2 ] || missing_pkgs+=(apache2)

# apt_get runs apt-get, waiting while another process (an unattended upgrade, another
# install) holds the apt or dpkg lock, for up to 15 minutes.
apt_get() {
	local out status tries=0
	while :; do
		set +e
		out=$(apt-get -o DPkg::Lock::Timeout=600 "$@" 2>&1)
		status=$?
		set -e
		printf '%s\n' "$out" | grep -v '^\(Get\|Hit\|Ign\|Reading\|Building\|Selecting\|Preparing\|Unpacking\|Setting up\|Processing\)' || true
		[ $status -eq 0 ] && return 0
		if printf '%s' "$out" | grep -q 'Could not get lock\|Unable to lock\|is another process using it'; then
			tries=$((tries + 1))
			[ $tries -le 90 ] || return $status
			say "apt is locked by another process; waiting (${tries}0 s)..."
			sleep 10
			continue
		fi
		return $status
	done
}

if [ ${#missing_pkgs[@]} -gt 0 ]; then
	if ! is_root; then
		die "missing Debian packages: ${missing_pkgs[*]}. Install them as root:
    apt-get update && apt-get install -y --no-install-recommends ${missing_pkgs[*]}
(or set CHROME_PATH to an installed Chromium/Chrome if only chromium is missing)"
	fi
	command -v apt-get >/dev/null 2>&1 || die "missing ${missing_pkgs[*]} and there is no apt-get: install them with your system's package manager"
	say "installing Debian packages: ${missing_pkgs[*]} (apt-get update, then apt-get install)"
	export DEBIAN_FRONTEND=noninteractive
	apt_get update -q || die "apt-get update failed; install by hand: apt-get update && apt-get install -y ${missing_pkgs[*]}"
	apt_get install -y -q --no-install-recommends "${missing_pkgs[@]}" ||
		die "apt-get install failed; install by hand: apt-get install -y ${missing_pkgs[*]}"
	[ -x "$chrome" ] || die "chromium is still missing at $chrome after the install"
else
	say "ok: chromium ($chrome), poppler-utils, brotli, nginx, apache2, npm"
fi

# --- wasmbrowsertest, as go_js_wasm_exec -------------------------------------------------

command -v go >/dev/null 2>&1 || die "go is not on PATH: install Go 1.26 (https://go.dev/dl/) first"
mkdir -p "$bin"

# The version of an installed binary, from the build info Go embeds (fast, no network).
installed_version() { go version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'; }

if [ -x "$bin/wasmbrowsertest" ] && [ "$(installed_version "$bin/wasmbrowsertest")" = "$WASMBROWSERTEST_VERSION" ]; then
	say "ok: wasmbrowsertest $WASMBROWSERTEST_VERSION"
else
	say "installing wasmbrowsertest $WASMBROWSERTEST_VERSION into .tools/bin (go install, about a minute)"
	(cd "$tools" && GOBIN="$bin" GOFLAGS= go install "github.com/agnivade/wasmbrowsertest@$WASMBROWSERTEST_VERSION") ||
		die "go install github.com/agnivade/wasmbrowsertest@$WASMBROWSERTEST_VERSION failed (see above)"
fi

# go test runs GOOS=js GOARCH=wasm test binaries through the first go_js_wasm_exec on PATH.
# This wrapper runs wasmbrowsertest with a small environment: Go's wasm_exec.js refuses
# arguments plus environment over 8 KB, and CI machines can have large environments.
wrapper="$bin/go_js_wasm_exec"
wrapper_text='#!/bin/sh
# Written by scripts/setup-test-tools.sh: runs a js/wasm test binary in headless Chromium.
bin=$(dirname "$0")
exec env -i PATH="$bin:$PATH" HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" \
	${CHROME_PATH:+CHROME_PATH="$CHROME_PATH"} ${WASM_HEADLESS:+WASM_HEADLESS="$WASM_HEADLESS"} \
	${GOTRACEBACK:+GOTRACEBACK="$GOTRACEBACK"} ${GOCOVERDIR:+GOCOVERDIR="$GOCOVERDIR"} \
	"$bin/wasmbrowsertest" "$@"'
if [ "$(cat "$wrapper" 2>/dev/null)" != "$wrapper_text" ]; then
	printf '%s\n' "$wrapper_text" >"$wrapper"
	chmod +x "$wrapper"
	say "wrote .tools/bin/go_js_wasm_exec"
fi

# wasmbrowsertest (chromedp v0.10) looks for "chromium" on PATH and ignores CHROME_PATH, so
# give it a link when CHROME_PATH names another browser.
if [ -n "${CHROME_PATH:-}" ]; then
	ln -sfn "$CHROME_PATH" "$bin/chromium"
else
	rm -f "$bin/chromium"
fi

# --- axe-core ----------------------------------------------------------------------------

axe_pkg="$tools/node/node_modules/axe-core/package.json"
axe_have=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$axe_pkg" 2>/dev/null || true)
if [ "$axe_have" = "$AXE_CORE_VERSION" ] && [ -f "$tools/node/node_modules/axe-core/axe.min.js" ]; then
	say "ok: axe-core $AXE_CORE_VERSION"
else
	say "installing axe-core $AXE_CORE_VERSION into .tools/node (npm)"
	mkdir -p "$tools/node"
	npm install --prefix "$tools/node" --no-save --no-audit --no-fund --no-package-lock \
		"axe-core@$AXE_CORE_VERSION" >/dev/null ||
		die "npm install axe-core@$AXE_CORE_VERSION failed; run by hand: npm install --prefix .tools/node --no-save axe-core@$AXE_CORE_VERSION"
	[ -f "$tools/node/node_modules/axe-core/axe.min.js" ] || die "axe-core installed but axe.min.js is missing"
fi
