#!/usr/bin/env bash
# Crash consistency of a cluster: bench/crash-cluster.sh [iterations=100]
# Builds the distribution, starts `serve --orchestrator` (with its nats-server) and two `serve --compute`
# nodes on 127.0.0.1, and kill -9s the orchestrator, a compute node or the broker in turn under bursts of
# HTTP and CLI submissions; checks every acknowledged job (see ClusterCrashHarness). Exit 1 when a check failed.
# Needs nats-server (Debian: apt-get install nats-server). CRASH_MINUTES=N starts no iteration after N minutes.
# CRASH_WORK=DIR keeps the data dirs and logs there (default: a new temporary folder).
# CRASH_DISCONNECT=Ns sets Orchestrator.NodeManager.DisconnectTimeout (default 5s).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -n "${CRASH_SKIP_BUILD:-}" ] || mvn -B -q -pl cli,bench -am package -DskipTests -Dspotless.check.skip >&2
exec "$JAVA_HOME/bin/java" \
  --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbacalhau.dist="$PWD/cli/target/bacalhau" ${CRASH_WORK:+-Dcrash.work="$CRASH_WORK"} \
  ${CRASH_MINUTES:+-Dcrash.minutes="$CRASH_MINUTES"} ${CRASH_DISCONNECT:+-Dcrash.disconnect="$CRASH_DISCONNECT"} \
  -cp "bench/target/bacalhau-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.bacalhau.bench.crash.ClusterCrashHarness "$@"
