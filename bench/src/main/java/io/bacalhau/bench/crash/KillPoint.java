package io.bacalhau.bench.crash;

/** When in an iteration the node gets its SIGKILL. */
enum KillPoint {
  /** While HTTP clients and CLIs are still submitting (and group commits are in flight). */
  BURST,
  /** After the burst, while its jobs run and publish. */
  EXECUTION,
  /** Right after stop requests for running jobs, some still in flight. */
  STOP,
  /** Right after rerun requests for finished jobs, some still in flight. */
  RERUN
}
