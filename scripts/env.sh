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

# Puts the RustSec advisory database where cargo-deny looks for it (the
# folder is named after the database's URL), cloned from the git bundle
# `../shared/advisory-db.bundle` and cloned again when the bundle changes.
# Without the bundle it says so; under CI that is a failure.
advisory_db() {
    local bundle="../shared/advisory-db.bundle"
    local db="${CARGO_HOME:-$HOME/.cargo}/advisory-dbs/advisory-db-3157b0e258782691"
    if [ ! -f "$bundle" ]; then
        if [ -n "${CI:-}" ]; then
            echo "error: $bundle is missing: CI checks advisories with it" >&2
            exit 1
        fi
        echo "WARNING: $bundle is missing: the advisory check is SKIPPED" >&2
        return 1
    fi
    local head
    head=$(git bundle list-heads "$bundle" | awk 'NR==1 {print $1}')
    if [ "$(git -C "$db" rev-parse HEAD 2>/dev/null)" != "$head" ]; then
        rm -rf "$db"
        mkdir -p "$(dirname "$db")"
        git -c init.defaultBranch=main clone -q "$bundle" "$db"
    fi
    echo "advisory database: $bundle, commit ${head:0:12}"
}

# Installs npm package $1 at version $2 beside the build, once, and prints
# its folder.
npm_pinned() {
    local dir="$HOME/.cache/tipstats/$1-$2"
    if [ ! -d "$dir/node_modules/$1" ]; then
        command -v npm >/dev/null || apt_install npm >&2
        npm install --silent --no-audit --no-fund --prefix "$dir" "$1@$2" >&2
    fi
    echo "$dir"
}

# axe-core, the accessibility engine the browser tests inject into pages
# (from npm, version pinned); AXE_CORE names the script for the tests.
AXE_CORE_VERSION=4.14.1
axe_core() {
    local dir
    dir=$(npm_pinned axe-core "$AXE_CORE_VERSION")
    export AXE_CORE="$dir/node_modules/axe-core/axe.min.js"
}

# esbuild, the minifier of the dashboard's scripts and styles (from npm,
# version pinned); ESBUILD names the program for `cargo xtask frontend`.
ESBUILD_VERSION=0.28.2
esbuild_minifier() {
    local dir
    dir=$(npm_pinned esbuild "$ESBUILD_VERSION")
    export ESBUILD="$dir/node_modules/.bin/esbuild"
}

# The Python readers the tests check tipstats' files with, each the
# reference or a widely used independent implementation (from PyPI,
# versions pinned): frictionless (Data Packages), bibtexparser and rispy
# (citations), feedparser (the releases' Atom feed), pandas (the code
# snippets). One virtual environment beside the build, made once per set of
# versions; TIPSTATS_PYTHON names its interpreter for the tests.
PYTHON_TOOLS="frictionless==5.21.0 bibtexparser==2.1.0 rispy==0.10.0 feedparser==6.0.14 pandas==3.1.1"
python_tools() {
    local dir="$HOME/.cache/tipstats/python-$(echo "$PYTHON_TOOLS" | sha256sum | cut -c1-12)"
    if [ ! -x "$dir/bin/python" ] || [ ! -f "$dir/.complete" ]; then
        command -v python3 >/dev/null || apt_install python3 >&2
        python3 -m venv "$dir" >/dev/null 2>&1 || { apt_install python3-venv >&2; rm -rf "$dir"; python3 -m venv "$dir"; }
        # shellcheck disable=SC2086
        "$dir/bin/pip" install --quiet --disable-pip-version-check $PYTHON_TOOLS >&2
        touch "$dir/.complete"
    fi
    export TIPSTATS_PYTHON="$dir/bin/python"
}
