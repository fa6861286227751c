#!/usr/bin/env bash
# The API's own CPU per request, outside the store: bench/api-request-cost.sh [iterations] [rounds]
# One thread's CPU time (bench/ApiRequestCost.java) per noop job submission (read the body, read
# the Job, normalize, sanitize, validate) and per answer of a job with its history and executions.
# BENCH_BEFORE=<distribution dir> (a copy of an older cli/target/bacalhau) runs that build too,
# alternating round by round; medians of `rounds` (default 5) of `iterations` (default 20000).
set -euo pipefail
n=${1:-20000}
rounds=${2:-5}
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./bacalhau --data-dir "$(mktemp -d)" version >/dev/null # builds the distribution when stale
builds=("after=$(pwd)/cli/target/bacalhau")
[ -n "${BENCH_BEFORE:-}" ] && builds=("before=$BENCH_BEFORE" "${builds[@]}")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for round in $(seq 1 "$rounds"); do
  for b in "${builds[@]}"; do
    name=${b%%=*} dist=${b#*=}
    # The older build answered with core's reflective mapper, this one with Blackbird's.
    mapper=blackbird
    [ "$name" = before ] && mapper=reflective
    echo "$name $("$JAVA_HOME/bin/java" -cp "$dist/lib/*" bench/ApiRequestCost.java \
      bench/noop-job.json bench/job-answer.json "$n" "$mapper")" | tee -a "$out"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo
echo "one thread's CPU per request, medians of $rounds rounds of $n, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %16s %22s\n' build "submit (us)" "answer a job (us)"
for b in "${builds[@]}"; do
  name=${b%%=*}
  printf '%-8s %16s %22s\n' "$name" "$(awk -v n="$name" '$1 == n {print $2}' "$out" | median)" \
    "$(awk -v n="$name" '$1 == n {print $3}' "$out" | median)"
done
