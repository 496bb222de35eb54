# Sourced by the benchmarks: builds tipstats, installs the peers (wrk and
# nginx with its brotli_static module from Debian's packages, datasette from PyPI in a private venv), and
# helpers to start servers on free loopback ports and read wrk's report.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
BENCH_VENV="${BENCH_VENV:-$HOME/.cache/tipstats/bench-venv}"
TIPSTATS="$CARGO_TARGET_DIR/release/tipstats"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# The whole workspace: `-p tipstats` alone resolves features differently
# and compiles DuckDB again (half an hour).
build_tipstats() { cargo build --release --workspace; }

install_peers() {
    apt_install wrk nginx-light libnginx-mod-http-brotli-static python3-venv
    if [ ! -x "$BENCH_VENV/bin/datasette" ]; then
        python3 -m venv "$BENCH_VENV"
        "$BENCH_VENV/bin/pip" install --quiet datasette
    fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_ready URL: polls until URL answers 200 (60 s at most).
wait_ready() {
    for _ in $(seq 600); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "not ready: $1" >&2; return 1
}

machine() {
    echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
}

# wrk_run NAME URL SECONDS CONNECTIONS [SCRIPT]: prints "NAME req/s p50 p99 errors".
wrk_run() {
    local name=$1 url=$2 seconds=$3 connections=$4 script=${5:-}
    local out="$WORK/wrk-$name.txt"
    local threads=2
    [ "$connections" -lt 2 ] && threads=1
    if [ -n "$script" ]; then
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$script" "$url" > "$out"
    else
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$url" > "$out"
    fi
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$out")
    p50=$(awk '$1 == "50%" {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    errors=$(awk '/Non-2xx or 3xx/ {print $5} /Socket errors/ {print "socket:" $0}' "$out" | paste -sd' ')
    echo "$name $rps $p50 $p99 ${errors:-0}"
}
