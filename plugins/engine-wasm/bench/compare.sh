#!/usr/bin/env bash
# Whole-command wall time of `bacalhau wasm run` against node's WASI on the same compute-bound module
# (SHA-256 over MB megabytes), as a ratio of medians. The first bacalhau run fills the disk cache and
# is not counted. Usage: compare.sh [BACALHAU] [MB] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bacalhau="$(readlink -f "${1:-$here/../../../bacalhau}")"
mb="${2:-16}"
runs="${3:-5}"
module="$here/../src/test/resources/wasm/sha256.wasm"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$module" "$work/sha256.wasm"
cd "$work"
export BACALHAU_DIR="$work/data"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
millis() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }

"$bacalhau" wasm run -f sha256.wasm -- "$mb" > /dev/null 2>&1 # warm the compile cache
b=$(for _ in $(seq "$runs"); do millis "$bacalhau" wasm run -f sha256.wasm -- "$mb"; done | median)
n=$(for _ in $(seq "$runs"); do millis node --no-warnings "$here/wasi-run.mjs" sha256.wasm "$mb"; done | median)
echo "bacalhau wasm run (disk cache warm): median ${b} ms"
echo "node wasi-run.mjs:                   median ${n} ms"
awk -v b="$b" -v n="$n" 'BEGIN { printf "ratio bacalhau/node: %.2f\n", b / n }'
