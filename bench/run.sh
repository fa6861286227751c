#!/usr/bin/env bash
# Builds and runs the embedded-node benchmark: bench/run.sh [inFlight=8] [jobsPerRun=20000] [fill=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -pl bench -am package -DskipTests -Dspotless.check.skip >&2
exec "$JAVA_HOME/bin/java" \
  --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/bacalhau-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.bacalhau.bench.SubmitBenchmark "$@"
