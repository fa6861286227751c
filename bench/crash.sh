#!/usr/bin/env bash
# Crash consistency of a served node: bench/crash.sh [iterations=100]
# Builds the distribution, then kill -9s `bacalhau serve` under bursts of HTTP and CLI submissions,
# restarts it and checks every acknowledged job (see CrashHarness). Exit 1 when a check failed.
# CRASH_MINUTES=N starts no iteration after N minutes. CRASH_WORK=DIR keeps the data dir, serve.log and scratch there (default: a new temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -pl cli,bench -am package -DskipTests -Dspotless.check.skip >&2
exec "$JAVA_HOME/bin/java" \
  --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbacalhau.dist="$PWD/cli/target/bacalhau" ${CRASH_WORK:+-Dcrash.work="$CRASH_WORK"} \
  ${CRASH_MINUTES:+-Dcrash.minutes="$CRASH_MINUTES"} \
  -cp "bench/target/bacalhau-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.bacalhau.bench.crash.CrashHarness "$@"
