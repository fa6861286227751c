package io.bacalhau.bench.crash;

/** Which process of the cluster gets the SIGKILL. */
enum ClusterTarget {
  /** {@code serve --orchestrator}: the job store, the scheduler and the API; started again. */
  ORCHESTRATOR,
  /** One {@code serve --compute}, at random; started again after a random pause. */
  COMPUTE,
  /** The orchestrator's {@code nats-server}; the orchestrator must start it again by itself. */
  BROKER
}
