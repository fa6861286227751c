#!/usr/bin/env bash
# The served node's CPU per HTTP request: bench/api-cpu.sh [seconds] [rounds]
# Each round starts `bacalhau serve` on a fresh data dir and 127.0.0.1, warms it up, then drives it
# with wrk, 8 connections (8 concurrent clients), `seconds` per route (default 10):
#   PUT /api/v1/orchestrator/jobs              noop jobs; the CPU counted runs until every job
#                                             submitted has finished, so it is the CPU per job
#                                             through HTTP: parse, validate, store, schedule, run
#   GET /api/v1/orchestrator/jobs/{id}         one job, as a waiting client polls it
#   GET /api/v1/orchestrator/jobs/{id}/executions
# CPU is the node process's user+system time (/proc/<pid>/stat), all its threads (GC and JIT too).
# BENCH_BEFORE=<distribution dir> (a copy of an older cli/target/bacalhau) runs that build too,
# alternating with this one round by round, so both see the same machine; medians of `rounds`
# (default 3). BENCH_JFR=<dir> records JFR profiles there: <build>-<round>-put.jfr (the submissions
# and the running of their jobs) and <build>-<round>-get.jfr (both GET routes).
set -euo pipefail
seconds=${1:-10}
rounds=${2:-3}
cd "$(dirname "$0")/.."
root=$(pwd)
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export BACALHAU_DISABLEANALYTICS=true
for tool in wrk curl jq bc; do
  command -v "$tool" >/dev/null || { echo "api-cpu: needs $tool (Debian: apt-get install $tool)" >&2; exit 1; }
done
./bacalhau --data-dir "$(mktemp -d)" version >/dev/null # builds the distribution when stale
builds=("after=$root/cli/target/bacalhau")
[ -n "${BENCH_BEFORE:-}" ] && builds=("before=$BENCH_BEFORE" "${builds[@]}")
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
serve() { # serve DIST DATADIR PORT: the distribution's serve, as the launcher starts it
  local dist=$1
  "$JAVA_HOME/bin/java" -XX:SharedArchiveFile="$dist/bacalhau.jsa" -Xlog:cds=off \
    -Xlog:cds+dynamic=off --enable-native-access=ALL-UNNAMED \
    -Dorg.sqlite.lib.path="$dist/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so \
    -Dbacalhau.home="$dist" -cp "$dist/lib/*" io.bacalhau.cli.Main \
    serve --data-dir "$2" --api-port "$3" >"$2.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    [ -f "$2/bacalhau.run" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  echo "api-cpu: serve did not start:" >&2
  cat "$2.log" >&2
  exit 1
}
load() { # load SECONDS URL [body]: requests done
  API_BENCH_BODY=${3:-} wrk -t2 -c8 -d"${1}s" -s bench/api-load.lua "$2" | awk '/^RESULT/ {print $2, $3}'
}
drain() { # until no job is unfinished (a list of every job: not within a measurement)
  for _ in $(seq 1 600); do
    [ "$(curl -sf "$1" | jq '[.Items[] | select(.State.StateType | IN("Completed","Failed","Stopped") | not)] | length')" = 0 ] && return 0
    sleep 0.2
  done
}
settle() { # until the node is idle: under 20 ms of CPU in half a second, twice running; no request
  local quiet=0 a b
  b=$(ticks "$pid")
  for _ in $(seq 1 600); do
    sleep 0.5
    a=$b
    b=$(ticks "$pid")
    if [ $(((b - a) * 1000 / hz)) -lt 20 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    [ "$quiet" -ge 2 ] && return 0
  done
}
measure() { # measure NAME SECONDS URL [body] -> "req/s cpu-us-per-request"
  local c0 c1 n us
  settle
  c0=$(ticks "$pid")
  read -r n us <<<"$(load "$2" "$3" "${4:-}")"
  # Submitted jobs go on running after wrk stops: their CPU is part of each job's. The idle node
  # still beats (about 1 s of quiet is counted too: a few ms, against seconds of load).
  settle
  c1=$(ticks "$pid")
  echo "$(echo "$n * 1000000 / $us" | bc -l) $(echo "($c1 - $c0) * 1000000 / $hz / $n" | bc -l)"
}

profile() { # profile start|stop WHAT: a JFR recording of the node, with BENCH_JFR
  [ -n "${BENCH_JFR:-}" ] || return 0
  mkdir -p "$BENCH_JFR"
  if [ "$1" = start ]; then
    jcmd "$pid" JFR.start name="$2" settings=profile >/dev/null
  else
    jcmd "$pid" JFR.stop name="$2" filename="$BENCH_JFR/$name-$round-$2.jfr" >/dev/null
  fi
}

for round in $(seq 1 "$rounds"); do
  for b in "${builds[@]}"; do
    name=${b%%=*} dist=${b#*=}
    dir="$work/$name-$round"
    mkdir -p "$dir"
    port=$(free_port)
    api="http://127.0.0.1:$port/api/v1/orchestrator/jobs"
    serve "$dist" "$dir" "$port"
    id=$(curl -sf -X PUT -H 'Content-Type: application/json' --data @bench/noop-job.json "$api" | jq -r .JobID)
    load 5 "$api" bench/noop-job.json >/dev/null # warm-up: the JIT compiles the routes
    load 3 "$api/$id" >/dev/null
    load 3 "$api/$id/executions" >/dev/null
    drain "$api"
    profile start put
    put=$(measure put "$seconds" "$api" bench/noop-job.json)
    profile stop put
    drain "$api" # every job finished (checked outside the measured window)
    profile start get
    get=$(measure get "$seconds" "$api/$id")
    exe=$(measure executions "$seconds" "$api/$id/executions")
    profile stop get
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
    echo "$name $round $put $get $exe" | tee -a "$work/results"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo
echo "bacalhau serve on 127.0.0.1, wrk -t2 -c8 (8 concurrent clients), ${seconds}s per route," \
  "medians of $rounds rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %12s %14s %12s %14s %12s %14s\n' build "PUT jobs/s" "CPU/job us" "GET job/s" \
  "CPU/GET us" "GET exec/s" "CPU/GET us"
for b in "${builds[@]}"; do
  name=${b%%=*}
  row=$name
  for col in 3 4 5 6 7 8; do
    row="$row $(awk -v n="$name" -v c="$col" '$1 == n {print $c}' "$work/results" | median)"
  done
  # shellcheck disable=SC2086
  printf '%-8s %12s %14s %12s %14s %12s %14s\n' $row
done
