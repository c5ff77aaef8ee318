#!/usr/bin/env bash
# Installs Neovim (Debian's package; its built-in LSP client is the second, independent client of
# test/neovim/) unless `nvim` is already on PATH, the way setup-editor.sh installs Chromium.
set -euo pipefail
command -v nvim >/dev/null 2>&1 && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "[setup-neovim] installing Debian's neovim" >&2
$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
