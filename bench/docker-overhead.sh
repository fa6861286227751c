#!/usr/bin/env bash
# The docker row of the README's table: `bacalhau docker run IMAGE -- true` against
# `docker run --rm --network none IMAGE true` (a Bacalhau container has no network by default),
# side by side in one run: bench/docker-overhead.sh [runs] [image]
# Rows: docker's CLI (the reference); bacalhau with its in-process node; with its resident local node; bacalhau as a client of a
# running node (a throwaway `serve`, or the node named by BENCH_API_HOST/BENCH_API_PORT).
# BENCH_BEFORE=/other/checkout/bacalhau adds the same two rows for that build.
set -euo pipefail
source "$(dirname "$0")/overhead-lib.sh"
runs=${1:-7}
image=${2:-busybox}

reference() { docker run --rm --network none "$image" true; }
in_process() { BACALHAU_IN_PROCESS=1 "$BACALHAU" --data-dir "$BENCH_WORK/local" docker run "$image" -- true; }
resident() { "$BACALHAU" --data-dir "$BENCH_WORK/resident" docker run "$image" -- true; }
remote() { "$BACALHAU" --data-dir "$BENCH_WORK/node.client" "${NODE[@]}" docker run "$image" -- true; }
in_process_before() { BACALHAU_IN_PROCESS=1 "$BEFORE" --data-dir "$BENCH_WORK/b-local" docker run "$image" -- true; }
remote_before() { "$BEFORE" --data-dir "$BENCH_WORK/b-node.client" "${B_NODE[@]}" docker run "$image" -- true; }
resident_before() { "$BEFORE" --data-dir "$BENCH_WORK/b-resident" docker run "$image" -- true; }

start_node NODE "$BACALHAU" "$BENCH_WORK/node"
echo "docker $(docker version --format '{{.Server.Version}}') ($(docker info --format '{{.Driver}}')), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
row reference "docker run --rm --network none $image true (reference)"
row in_process "bacalhau docker run $image -- true (in-process node)"
row resident "bacalhau docker run $image -- true (resident local node, started on demand)"
row remote "bacalhau ${NODE[*]} docker run (running node)"
if [ -n "$BEFORE" ]; then
  start_node B_NODE "$BEFORE" "$BENCH_WORK/b-node"
  row in_process_before "before: in-process node"
  row resident_before "before: resident local node"
  row remote_before "before: running node"
fi
side_by_side "$runs"
echo "running node:"
node_side "$runs" "$BACALHAU" --data-dir "$BENCH_WORK/node.client" "${NODE[@]}"
if [ -n "$BEFORE" ]; then
  echo "before, running node:"
  node_side "$runs" "$BEFORE" --data-dir "$BENCH_WORK/b-node.client" "${B_NODE[@]}"
fi
