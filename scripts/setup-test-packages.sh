#!/usr/bin/env bash
# Installs the Debian packages vitest's suites drive, unless already there: Neovim (its built-in
# LSP client is the second, independent client of test/neovim/) and Chromium (headless, it opens
# `chokepoint report`'s page in test/review/report.test.ts). The editor tests' own setup
# (setup-editor.sh) runs later; a fresh machine must have both before vitest, or those suites fail.
set -euo pipefail
# shellcheck source=debian-packages.sh
source "$(dirname "$0")/debian-packages.sh"
wanted=()
command -v nvim >/dev/null 2>&1 || wanted+=(neovim)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || wanted+=(chromium)
[ ${#wanted[@]} -eq 0 ] || install_debian_packages "${wanted[@]}"
