#!/usr/bin/env bash
# Load and soak of one served node: bench/soak.sh [minutes=10] [clients=64]
# Starts `bacalhau serve` from the distribution (cli/target/bacalhau, built by ./bacalhau when the
# sources changed) on 127.0.0.1 with a throwaway data dir, and drives it with that many API clients
# (submit noop and wasm jobs, get, list, history, logs followed over the WebSocket, stop) for that
# long. Prints latency per operation, the node's RSS curve, threads and descriptors before and
# after, and PASS or FAIL (exit 1) with the property that did not hold.
set -euo pipefail
minutes=${1:-10}
clients=${2:-64}
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
./bacalhau --data-dir "$scratch" version >/dev/null # builds the distribution if needed
mvn -B -q -o -pl bench -am package -DskipTests -Dspotless.check.skip >&2
exec "$JAVA_HOME/bin/java" -cp "bench/target/bacalhau-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.bacalhau.bench.soak.SoakHarness "$minutes" "$clients" cli/target/bacalhau \
  plugins/engine-wasm/examples/hello.wasm
