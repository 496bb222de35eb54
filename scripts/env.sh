# Sourced by the other scripts: one place for the build settings.
# The target directory lives outside the work tree so that DuckDB's bundled
# C++ (about 35 minutes on 2 cores) compiles once per machine and is reused by
# every later build, session and CI run.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tipstats/target}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Installs Debian packages that are missing (as root, or through sudo).
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing ${missing[*]} from Debian's packages"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

# The wasm target, and the standard library's source that the bundle's
# build compiles (rust-toolchain.toml names both; this covers older rustups).
ensure_wasm_target() {
    rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
        || rustup target add wasm32-unknown-unknown
    rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
        || rustup component add rust-src
}
