#!/usr/bin/env bash
# Wall time of a command, median of N runs (after one warm-up run): bench/median-of.sh N command...
# Prints the median in seconds on stdout; each run's output is discarded.
set -euo pipefail
runs=$1
shift
"$@" >/dev/null 2>&1 || true
times=()
for _ in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f\n", m}'
