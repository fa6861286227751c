#!/usr/bin/env bash
# The thin client and the resident node against a bare JVM, side by side in one run:
#   bench/thin-client.sh [LAUNCHER] [runs] [BEFORE_LAUNCHER]
# Rows: `version` and `--help` (no node involved), `job list` against a warm resident node and, for
# comparison, in-process (BACALHAU_IN_PROCESS=1: the command opens the store itself); each
# against a bare JVM "hello" of the same JDK with its default class-data archive; runs interleaved
# so all see the same machine. With BEFORE_LAUNCHER (another build's `bacalhau`), its rows are
# timed in the same rounds, each launcher with a data dir (and resident node) of its own.
# Per run: CPU time of the whole process (`perf stat` task-clock: user and system, every thread;
# less at the mercy of other load than wall time), wall time, and peak RSS (/usr/bin/time).
# Then the RSS of each resident node idling after the runs. Prints medians and ratios to hello.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bacalhau=${1:-$root/bacalhau}
runs=${2:-11}
before=${3:-}
work=$(mktemp -d)
hello=$(mktemp -d)
export BACALHAU_DISABLEANALYTICS=true
unset BACALHAU_IN_PROCESS
launchers=("$bacalhau")
[ -n "$before" ] && launchers+=("$before")
stop_nodes() {
  local i
  for i in "${!launchers[@]}"; do
    BACALHAU_DIR="$work/data$i" "${launchers[$i]}" node local stop >/dev/null 2>&1 || true
  done
  rm -rf "$work" "$hello"
}
trap stop_nodes EXIT

# The JDK the launcher picks: its own find_java.
eval "$(sed -n '/^release_is_25_or_later()/,/^}/p; /^find_java()/,/^}/p' "$root/bacalhau")"
java_home=$(find_java)
cat >"$hello/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
"$java_home/bin/javac" -d "$hello" "$hello/Hello.java"
hello_cmd=("$java_home/bin/java" -cp "$hello" Hello)

cpu_of=true
command -v perf >/dev/null && perf stat -e task-clock true >/dev/null 2>&1 || cpu_of=false
# measure KEY CMD...: one run; appends its CPU ms, wall ms and peak KB to the lists of KEY.
declare -A cpus walls peaks
measure() {
  local key=$1 start end
  shift
  start=$(date +%s%N)
  if $cpu_of; then
    perf stat -x, -e task-clock -o "$work/perf" /usr/bin/time -f '%M' -o "$work/peak" "$@" \
      >/dev/null 2>&1 || true
    cpus[$key]+="$(awk -F, '/task-clock/ {print $1}' "$work/perf") "
  else
    /usr/bin/time -f '%M' -o "$work/peak" "$@" >/dev/null 2>&1 || true
  fi
  end=$(date +%s%N)
  walls[$key]+="$(((end - start) / 1000000)) "
  peaks[$key]+="$(tail -n 1 "$work/peak") "
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m}'; }

# The rows of one launcher (index i): label|command, with its data dir in the environment.
rows_of() {
  local i=$1 l=${launchers[$1]} d="$work/data$1"
  echo "version|env BACALHAU_DIR=$d $l version"
  echo "--help|env BACALHAU_DIR=$d $l --help"
  echo "job list (resident node)|env BACALHAU_DIR=$d $l job list"
  echo "job list (in-process)|env BACALHAU_DIR=$d BACALHAU_IN_PROCESS=1 $l job list"
}
for i in "${!launchers[@]}"; do
  mkdir -p "$work/data$i"
  BACALHAU_DIR="$work/data$i" "${launchers[$i]}" version >/dev/null # builds it if needed
  # Starts the resident node, with one job to list.
  BACALHAU_DIR="$work/data$i" "${launchers[$i]}" job run "$root/config/examples/noop.yaml" \
    >/dev/null 2>&1
done
mapfile -t labels < <(rows_of 0 | cut -d'|' -f1)
for _ in $(seq 0 "$runs"); do # round 0 warms up and is not counted
  for label_index in "${!labels[@]}"; do
    measure hello "${hello_cmd[@]}"
    for i in "${!launchers[@]}"; do
      # shellcheck disable=SC2046 # the row's command is split on spaces on purpose
      measure "$i:$label_index" $(rows_of "$i" | sed -n "$((label_index + 1))p" | cut -d'|' -f2)
    done
  done
  [ -n "${first_round_done:-}" ] || { cpus=() walls=() peaks=(); first_round_done=1; }
done

ref_cpu=$(echo "${cpus[hello]:-}" | median)
ref_wall=$(echo "${walls[hello]}" | median)
echo "medians of $runs runs, interleaved; bare JVM hello: CPU $ref_cpu ms, wall $ref_wall ms"
echo
echo "| command | build | CPU | CPU ratio | wall | wall ratio | peak RSS |"
echo "|---|---|---|---|---|---|---|"
for label_index in "${!labels[@]}"; do
  for i in "${!launchers[@]}"; do
    key="$i:$label_index"
    build=$([ "$i" = 0 ] && echo this || echo before)
    c=$(echo "${cpus[$key]:-}" | median)
    w=$(echo "${walls[$key]}" | median)
    p=$(echo "${peaks[$key]}" | median)
    cr=$($cpu_of && echo "scale=2; $c / $ref_cpu" | bc -l || echo -)
    printf '| %-26s | %-6s | %6s ms | %5sx | %6s ms | %5sx | %4.0f MB |\n' "${labels[$label_index]}" \
      "$build" "$c" "$cr" "$w" "$(echo "scale=2; $w / $ref_wall" | bc -l)" "$(echo "$p / 1024" | bc -l)"
  done
done
echo
sleep 10 # the nodes settle after the last request
for i in "${!launchers[@]}"; do
  pid=$(sed -n 's/^BACALHAU_NODE_PID=//p' "$work/data$i/bacalhau.run")
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  printf '| resident node, idle (%s build) | %5.0f MB |\n' \
    "$([ "$i" = 0 ] && echo this || echo before)" "$(echo "$rss / 1024" | bc -l)"
done
