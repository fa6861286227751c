#!/usr/bin/env bash
# The REST API under load, and the CLI as its client: bench/api-bench.sh [seconds] [runs]
# Starts `bacalhau serve` on 127.0.0.1 (a fresh data dir, a free port) and drives it with wrk,
# 8 connections, for `seconds` each (default 10, after a 5 s warm-up of each route):
#   GET /api/v1/orchestrator/jobs/{id}   one job's record, read over and over
#   PUT /api/v1/orchestrator/jobs        noop job submissions (bench/noop-job.json; no name, so
#                                        each is a new job that the node then runs)
# Then `job list` against that server (--api-port) and on the embedded node (a copy of the
# server's data dir, nothing named), interleaved, `runs` times each (default 11), medians.
# wrk and the CLI share the machine's cores with the server: the numbers are for one box.
set -euo pipefail
seconds=${1:-10}
runs=${2:-11}
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export BACALHAU_DISABLEANALYTICS=true
unset BACALHAU_API_HOST BACALHAU_API_PORT BACALHAU_API_KEY BACALHAU_API_USERNAME BACALHAU_API_PASSWORD \
  BACALHAU_PROFILE
for tool in wrk curl jq bc; do
  command -v "$tool" >/dev/null || { echo "api-bench: needs $tool (Debian: apt-get install $tool)" >&2; exit 1; }
done

server_dir=$(mktemp -d)
embedded_dir=$(mktemp -d)
client_dir=$(mktemp -d) # the remote CLI's own config; it holds no jobs
log=$(mktemp)
server_pid=
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
trap 'stop_server; rm -rf "$server_dir" "$embedded_dir" "$client_dir" "$log" "$log".*' EXIT

free_port() { # a port nothing on 127.0.0.1 answers on
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

start_server() { # serves $server_dir on $port; ready once bacalhau.run is written
  ./bacalhau serve --data-dir "$server_dir" --api-port "$port" >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    [ -f "$server_dir/bacalhau.run" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.25
  done
  echo "api-bench: bacalhau serve did not start:" >&2
  cat "$log" >&2
  exit 1
}

# The launcher builds the distribution when sources changed; not part of any measurement.
./bacalhau --data-dir "$client_dir" version >/dev/null
port=$(free_port)
api="http://127.0.0.1:$port/api/v1/orchestrator/jobs"
start_server

load() { # load SECONDS URL [body-file]: wrk's RESULT line (see bench/api-load.lua)
  API_BENCH_BODY=${3:-} wrk -t2 -c8 -d"${1}s" -s bench/api-load.lua "$2" | grep '^RESULT'
}
row() { # row LABEL RESULT-line: requests/s, p50 and p99 in ms, failed requests
  read -r _ n us p50 p99 status socket <<<"$2"
  printf '%-38s %8.0f %9.2f %9.2f %7d\n' "$1" "$(echo "$n * 1000000 / $us" | bc -l)" \
    "$(echo "$p50 / 1000" | bc -l)" "$(echo "$p99 / 1000" | bc -l)" $((status + socket))
}

drain() { # waits until every submitted job has run to its end (at most 5 minutes)
  local open
  for _ in $(seq 1 600); do
    open=$(curl -sf "$api" | jq '[.Items[] | select(.State.StateType | IN("Completed","Failed","Stopped") | not)] | length')
    [ "$open" = 0 ] && return 0
    sleep 0.5
  done
  echo "api-bench: $open jobs still unfinished after 5 minutes" >&2
}

job_id=$(curl -sf -X PUT -H 'Content-Type: application/json' --data @bench/noop-job.json "$api" | jq -r .JobID)
# Warm-up: the JIT compiles both routes before anything is measured.
load 5 "$api/$job_id" >/dev/null
load 5 "$api" bench/noop-job.json >/dev/null
drain # the reads are measured on an idle node, not beside the warm-up's jobs
get=$(load "$seconds" "$api/$job_id")
put=$(load "$seconds" "$api" bench/noop-job.json)
# The job list compares finished jobs: the embedded node then finds nothing to adopt and both
# sides show the same.
drain
jobs=$(curl -sf "$api" | jq '.Items | length')
stop_server
cp -a "$server_dir/." "$embedded_dir/"
start_server

time_of() { # wall time of one run, in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m}'; }
remote=(./bacalhau --data-dir "$client_dir" --api-port "$port" job list)
embedded=(./bacalhau --data-dir "$embedded_dir" job list)
"${remote[@]}" >"$log.remote" 2>&1 || true # warm-up; also what each side prints
"${embedded[@]}" >"$log.embedded" 2>&1 || true
same=yes
if ! cmp -s "$log.remote" "$log.embedded"; then
  same=NO
  diff "$log.remote" "$log.embedded" >&2 || true
fi
remote_times=() embedded_times=()
for _ in $(seq 1 "$runs"); do
  remote_times+=("$(time_of "${remote[@]}")")
  embedded_times+=("$(time_of "${embedded[@]}")")
done
r=$(printf '%s\n' "${remote_times[@]}" | median)
e=$(printf '%s\n' "${embedded_times[@]}" | median)

echo "bacalhau serve on 127.0.0.1, wrk -t2 -c8 (8 concurrent clients), ${seconds}s per route, $(nproc) cores"
printf '%-38s %8s %9s %9s %7s\n' "route" "req/s" "p50 ms" "p99 ms" "failed"
row "GET /api/v1/orchestrator/jobs/{id}" "$get"
row "PUT /api/v1/orchestrator/jobs (noop)" "$put"
echo
echo "job list, $jobs jobs in the store, median of $runs interleaved runs (same output: $same)"
printf '%-38s %8ss\n' "against the server (--api-port)" "$r"
printf '%-38s %8ss\n' "embedded node (copy of its data dir)" "$e"
printf '%-38s %8s\n' "server/embedded" "$(echo "scale=2; $r / $e" | bc -l)"
