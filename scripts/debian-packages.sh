# Sourced by the setup scripts: `install_debian_packages PKG...` installs those of Debian's
# packages that dpkg does not list as installed (apt-get, with sudo when not root), quietly,
# printing apt's log only when it fails.
install_debian_packages() {
    local missing=()
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "[setup] installing Debian packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    local aptlog
    aptlog="$(mktemp)"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
            --no-install-recommends "${missing[@]}"; } >"$aptlog" 2>&1; then
        cat "$aptlog" >&2
        return 1
    fi
    rm -f "$aptlog"
}
