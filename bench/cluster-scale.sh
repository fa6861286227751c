#!/usr/bin/env bash
# The cluster scale benchmark: bench/cluster-scale.sh [jobs=5000] [submitters=32] [nodes=50] [fleets=2]
# A nats-server (with monitoring, for message counts), `bacalhau serve --orchestrator` on it
# (Orchestrator.NATS.URL) and <nodes> real compute nodes (noop engine) spread over <fleets> JVMs,
# each node with its own NATS connection; then io.bacalhau.bench.cluster.ClusterScale submits noop
# jobs over the orchestrator's HTTP API and reports jobs/s, placement latency, messages per job and
# the orchestrator's CPU per 1,000 jobs. Everything listens on 127.0.0.1 and lives in a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jobs="${1:-5000}" submitters="${2:-32}" nodes="${3:-50}" fleets="${4:-2}"
nats_server="$(command -v nats-server || echo /usr/sbin/nats-server)"
[ -x "$nats_server" ] || { echo "needs nats-server (Debian: apt-get install nats-server)" >&2; exit 1; }

mvn -B -q -pl bench -am package -DskipTests -Dspotless.check.skip >&2
./bacalhau version >/dev/null # builds the distribution if the sources changed

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
token="bench-$RANDOM$RANDOM"
nats_port="$(free_port)" monitor_port="$(free_port)" api_port="$(free_port)"

"$nats_server" -a 127.0.0.1 -p "$nats_port" -m "$monitor_port" --auth "$token" >"$work/nats.log" 2>&1 &
pids+=($!)
# BENCH_ORCHESTRATOR_JFR=<file.jfr> records a CPU profile of the orchestrator (JDK Flight Recorder).
jfr_opts=()
[ -n "${BENCH_ORCHESTRATOR_JFR:-}" ] &&
  jfr_opts=(JAVA_TOOL_OPTIONS="-XX:StartFlightRecording=filename=$BENCH_ORCHESTRATOR_JFR,settings=profile")
env ${jfr_opts[@]+"${jfr_opts[@]}"} BACALHAU_DISABLEANALYTICS=true ./bacalhau --data-dir "$work/orchestrator" \
  --api-host 127.0.0.1 --api-port "$api_port" \
  -c "Orchestrator.NATS.URL=nats://127.0.0.1:$nats_port" -c "Orchestrator.Auth.Token=$token" \
  -c Logging.Level=warn serve --orchestrator --name orchestrator >"$work/orchestrator.log" 2>&1 &
orchestrator=$!
pids+=("$orchestrator")

for _ in $(seq 1 600); do [ -f "$work/orchestrator/bacalhau.run" ] && break; sleep 0.1; done
[ -f "$work/orchestrator/bacalhau.run" ] || { echo "orchestrator did not start:"; tail -30 "$work/orchestrator.log"; exit 1; } >&2

cp="bench/target/bacalhau-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp")
for f in $(seq 1 "$fleets"); do
  count=$(( nodes / fleets + (f <= nodes % fleets ? 1 : 0) ))
  "${java[@]}" io.bacalhau.bench.cluster.ComputeFleet "nats://127.0.0.1:$nats_port" "$token" \
    "$count" "fleet$f-" "$work/fleet$f" 15s >"$work/fleet$f.log" 2>&1 &
  pids+=($!)
done

echo "cluster: nats-server, orchestrator pid $orchestrator, $nodes compute nodes in $fleets JVM(s); $(nproc) cores on this machine" >&2
"${java[@]}" io.bacalhau.bench.cluster.ClusterScale "http://127.0.0.1:$api_port" "$jobs" \
  "$submitters" "$orchestrator" "http://127.0.0.1:$monitor_port" "$nodes" || {
  echo "--- orchestrator log"; tail -30 "$work/orchestrator.log"; echo "--- fleet1 log"; tail -30 "$work/fleet1.log"; exit 1; } >&2
