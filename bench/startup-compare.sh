#!/usr/bin/env bash
# Start-up of two builds side by side, runs interleaved so both see the same machine:
#   bench/startup-compare.sh OLD_LAUNCHER NEW_LAUNCHER [runs]
# Each launcher is a `bacalhau` script of a built checkout; each gets its own fresh data dir.
# Prints, per command, the median wall time of each and the ratio new/old.
set -euo pipefail
old=$1
new=$2
runs=${3:-11}
spec="$(cd "$(dirname "$0")/.." && pwd)/config/examples/noop.yaml"
old_dir=$(mktemp -d)
new_dir=$(mktemp -d)
trap 'BACALHAU_DIR="$new_dir" "$new" node local stop >/dev/null 2>&1 || true
  BACALHAU_DIR="$old_dir" "$old" node local stop >/dev/null 2>&1 || true
  rm -rf "$old_dir" "$new_dir"' EXIT
export BACALHAU_DISABLEANALYTICS=true

time_of() { # prints the wall time of one run in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m}'; }

compare() {
  local label=$1
  shift
  local old_times=() new_times=()
  # The data dir by variable, not --data-dir: `bacalhau version` alone is what users type.
  BACALHAU_DIR="$old_dir" "$old" "$@" >/dev/null 2>&1 || true # warm-up
  BACALHAU_DIR="$new_dir" "$new" "$@" >/dev/null 2>&1 || true
  for _ in $(seq 1 "$runs"); do
    old_times+=("$(BACALHAU_DIR="$old_dir" time_of "$old" "$@")")
    new_times+=("$(BACALHAU_DIR="$new_dir" time_of "$new" "$@")")
  done
  local o n
  o=$(printf '%s\n' "${old_times[@]}" | median)
  n=$(printf '%s\n' "${new_times[@]}" | median)
  printf '%-28s old %6ss  new %6ss  new/old %s\n' "$label" "$o" "$n" "$(echo "scale=2; $n / $o" | bc -l)"
}

compare "version" version
compare "job list" job list
compare "job run --force noop.yaml" job run --force "$spec"
