#!/usr/bin/env bash
# Sourced by the *-overhead.sh scripts: times commands side by side in interleaved rounds (so each
# sees the same machine), prints each one's median and its ratio to the first (the reference), and
# starts a throwaway node for the "against a running node" rows.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BACALHAU="${BACALHAU:-$BENCH_ROOT/bacalhau}"
export BACALHAU_DISABLEANALYTICS=true
BENCH_WORK=$(mktemp -d)
bench_cleanup() {
  local pid
  for pid in ${BENCH_NODE_PIDS[@]+"${BENCH_NODE_PIDS[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  # The resident local node a row started on demand (see the scripts' resident rows).
  "$BACALHAU" --data-dir "$BENCH_WORK/resident" node local stop >/dev/null 2>&1 || true
  [ -z "${BENCH_BEFORE:-}" ] ||
    "$BENCH_BEFORE" --data-dir "$BENCH_WORK/b-resident" node local stop >/dev/null 2>&1 || true
  rm -rf "$BENCH_WORK"
}
trap bench_cleanup EXIT

# Defines a row: side_by_side times the bash function FN and prints LABEL.
BENCH_ROWS=()
row() { BENCH_ROWS+=("$1|$2"); }

millis_of() { # wall time of one call of a function, in milliseconds; its output is discarded
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# side_by_side RUNS: one checked warm-up call of each row (a failing command stops the benchmark
# with its output), then RUNS interleaved rounds; the first row is the reference.
side_by_side() {
  local runs=$1 spec fn out i
  for spec in "${BENCH_ROWS[@]}"; do
    fn=${spec%%|*}
    if ! out=$("$fn" 2>&1); then
      echo "warm-up of '${spec#*|}' failed:" >&2
      echo "$out" | tail -20 >&2
      return 1
    fi
  done
  local -A times=()
  for _ in $(seq 1 "$runs"); do
    for spec in "${BENCH_ROWS[@]}"; do
      fn=${spec%%|*}
      times[$fn]+="$(millis_of "$fn") "
    done
  done
  local ref="" m
  printf '%-72s %9s %7s\n' "median of $runs (ms), interleaved" "median" "ratio"
  for spec in "${BENCH_ROWS[@]}"; do
    fn=${spec%%|*}
    m=$(printf '%s\n' ${times[$fn]} | median)
    [ -n "$ref" ] || ref=$m
    printf '%-72s %6s ms %6.2fx\n' "${spec#*|}" "$m" "$(echo "$m / $ref" | bc -l)"
  done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_node FLAGS_VAR LAUNCHER DATA_DIR [-c key=value...]: a `bacalhau serve` of LAUNCHER on
# loopback for the remote rows, unless BENCH_API_HOST/BENCH_API_PORT name a running node (the
# resident node, once it exists). Puts the remote CLI's flags in the array FLAGS_VAR; the nodes it
# started stop when the script exits.
BENCH_NODE_PIDS=()
start_node() {
  local -n flags=$1
  local launcher=$2 dir=$3
  shift 3
  if [ -n "${BENCH_API_HOST:-}" ]; then
    flags=(--api-host "$BENCH_API_HOST" --api-port "${BENCH_API_PORT:-1234}")
    return 0
  fi
  local port results pid
  port=$(free_port)
  results=$(free_port)
  "$launcher" serve --data-dir "$dir" --api-host 127.0.0.1 --api-port "$port" \
    -c Publishers.Types.Local.Port="$results" "$@" >"$dir.log" 2>&1 &
  pid=$!
  BENCH_NODE_PIDS+=("$pid")
  flags=(--api-host 127.0.0.1 --api-port "$port")
  for _ in $(seq 1 120); do
    "$launcher" --data-dir "$dir.client" "${flags[@]}" node list >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the node of $launcher did not start; its log:" >&2
  tail -20 "$dir.log" >&2
  return 1
}

# node_side N LAUNCHER ARGS...: what the node (LAUNCHER ARGS... talks to it) recorded for its last
# N jobs, without the CLI around them.
node_side() {
  local n=$1
  shift
  "$@" job list --limit "$n" --order-reversed --output json | python3 "$BENCH_ROOT/bench/node-side.py" "$@"
}

# BENCH_BEFORE=/other/checkout/bacalhau adds that build's rows to the same run (before/after).
BEFORE="${BENCH_BEFORE:-}"
