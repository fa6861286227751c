#!/usr/bin/env bash
# End-to-end overhead of 'bacalhau docker run IMAGE -- true' over 'docker run --rm IMAGE true',
# as a ratio of medians in one run: bench/docker-overhead.sh [runs] [image]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
image=${2:-busybox}
export BACALHAU_DIR=${BACALHAU_DIR:-$(mktemp -d)}
docker=$(bench/median-of.sh "$runs" docker run --rm "$image" true)
ours=$(bench/median-of.sh "$runs" ./bacalhau docker run "$image" -- true)
echo "docker run --rm $image true:           median ${docker} s"
echo "bacalhau docker run $image -- true:    median ${ours} s"
echo "ratio: $(echo "$ours / $docker" | bc -l | xargs printf '%.2f')x"
