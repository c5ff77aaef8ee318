#!/usr/bin/env bash
# Installs the Debian packages vitest's suites drive, unless already there: Neovim (its built-in
# LSP client is the second, independent client of test/neovim/) and Chromium (headless, it opens
# `chokepoint report`'s page in test/review/report.test.ts). The editor tests' own setup
# (setup-editor.sh) runs later; a fresh machine must have both before vitest, or those suites fail.
set -euo pipefail
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "[setup-test-packages] installing Debian's ${missing[*]}" >&2
$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
