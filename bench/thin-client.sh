#!/usr/bin/env bash
# The thin client and the resident node against a bare JVM, side by side in one run:
#   bench/thin-client.sh [LAUNCHER] [runs]
# Rows: `version` and `--help` (no node involved), `job list` against a warm resident node and, for
# comparison, in-process (BACALHAU_IN_PROCESS=1: the command opens the store itself); each
# against a bare JVM "hello" of the same JDK with its default class-data archive; runs interleaved
# so both see the same machine. Then memory: the peak RSS of thin client processes (/usr/bin/time
# -v) and the RSS of the resident node idling after the runs. Prints medians and ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bacalhau=${1:-$root/bacalhau}
runs=${2:-11}
dir=$(mktemp -d)
hello=$(mktemp -d)
export BACALHAU_DIR="$dir" BACALHAU_DISABLEANALYTICS=true
unset BACALHAU_IN_PROCESS
trap '"$bacalhau" node local stop >/dev/null 2>&1 || true; rm -rf "$dir" "$hello"' EXIT

"$bacalhau" version >/dev/null # builds the distribution if needed
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

time_of() { # wall time of one run, in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
peak_kb() { # peak RSS of one run, in KB
  /usr/bin/time -f '%M' -o "$dir/peak" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$dir/peak"
}
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m}'; }

declare -A peaks
row() {
  local label=$1
  shift
  local ours=() ref=() kb=()
  "$@" >/dev/null 2>&1 || true # warm-up
  for _ in $(seq 1 "$runs"); do
    ours+=("$(time_of "$@")")
    ref+=("$(time_of "${hello_cmd[@]}")")
    kb+=("$(peak_kb "$@")")
  done
  local o r
  o=$(printf '%s\n' "${ours[@]}" | median)
  r=$(printf '%s\n' "${ref[@]}" | median)
  peaks[$label]=$(printf '%s\n' "${kb[@]}" | median)
  printf '| %-26s | %6s s | %6s s | %5sx |\n' "$label" "$o" "$r" "$(echo "scale=2; $o / $r" | bc -l)"
}

"$bacalhau" job run "$root/config/examples/noop.yaml" >/dev/null 2>&1 # starts the resident node
echo "| command | bacalhau | bare JVM hello | ratio |"
echo "|---|---|---|---|"
row "version" "$bacalhau" version
row "--help" "$bacalhau" --help
row "job list (resident node)" "$bacalhau" job list
row "job list (in-process)" env BACALHAU_IN_PROCESS=1 "$bacalhau" job list
echo
echo "| process | RSS |"
echo "|---|---|"
for label in "version" "--help" "job list (resident node)" "job list (in-process)"; do
  printf '| client peak, %-24s | %5.0f MB |\n' "$label" "$(echo "${peaks[$label]} / 1024" | bc -l)"
done
sleep 10 # the node settles after the last request
pid=$(sed -n 's/^BACALHAU_NODE_PID=//p' "$dir/bacalhau.run")
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
printf '| resident node, idle          | %5.0f MB |\n' "$(echo "$rss / 1024" | bc -l)"
