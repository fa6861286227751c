#!/usr/bin/env bash
# The wasm row of the README's table: `bacalhau wasm run` of a small WASI module that reads a CSV
# (plugins/engine-wasm/src/test/wasm/csvsum.c over 1,000 rows) against node's WASI running the same
# module as a whole process, side by side in one run: bench/wasm-overhead.sh [runs]
# Rows: node (the reference); bacalhau with its in-process node; with its resident local node; bacalhau as a client of a running
# node (a throwaway `serve`, or the node named by BENCH_API_HOST/BENCH_API_PORT).
# BENCH_BEFORE=/other/checkout/bacalhau adds the same two rows for that build.
# Every row's first call is a warm-up (it compiles the module and fills the disk cache).
set -euo pipefail
source "$(dirname "$0")/overhead-lib.sh"
runs=${1:-7}
module="$BENCH_ROOT/plugins/engine-wasm/src/test/resources/wasm/csvsum.wasm"
runner="$BENCH_ROOT/plugins/engine-wasm/bench/wasi-run.mjs"
data="$BENCH_WORK/data"
mkdir -p "$data"
{
  echo "id,price,qty"
  for i in $(seq 1 1000); do echo "$i,$((i % 97)).5,$((i % 7))"; done
} >"$data/sales.csv"
cp "$module" "$BENCH_WORK/csvsum.wasm"
cd "$BENCH_WORK"
allow=(-c "Compute.AllowListedLocalPaths=$data:ro")
job=(wasm run -i "file://$data/sales.csv:/data/sales.csv" csvsum.wasm -- /data/sales.csv)

reference() { node --no-warnings "$runner" --dir "/data=$data" csvsum.wasm /data/sales.csv; }
in_process() { BACALHAU_IN_PROCESS=1 "$BACALHAU" --data-dir "$BENCH_WORK/local" "${allow[@]}" "${job[@]}"; }
resident() { "$BACALHAU" --data-dir "$BENCH_WORK/resident" "${allow[@]}" "${job[@]}"; }
remote() { "$BACALHAU" --data-dir "$BENCH_WORK/node.client" "${NODE[@]}" "${job[@]}"; }
in_process_before() { BACALHAU_IN_PROCESS=1 "$BEFORE" --data-dir "$BENCH_WORK/b-local" "${allow[@]}" "${job[@]}"; }
remote_before() { "$BEFORE" --data-dir "$BENCH_WORK/b-node.client" "${B_NODE[@]}" "${job[@]}"; }
resident_before() { "$BEFORE" --data-dir "$BENCH_WORK/b-resident" "${allow[@]}" "${job[@]}"; }

start_node NODE "$BACALHAU" "$BENCH_WORK/node" "${allow[@]}"
echo "node $(node --version), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
row reference "node wasi-run.mjs csvsum.wasm (reference)"
row in_process "bacalhau wasm run csvsum.wasm (in-process node)"
row resident "bacalhau wasm run csvsum.wasm (resident local node, started on demand)"
row remote "bacalhau ${NODE[*]} wasm run (running node)"
if [ -n "$BEFORE" ]; then
  start_node B_NODE "$BEFORE" "$BENCH_WORK/b-node" "${allow[@]}"
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
