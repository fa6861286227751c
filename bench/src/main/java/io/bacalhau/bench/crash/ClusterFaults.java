package io.bacalhau.bench.crash;

import java.time.Duration;
import java.util.Locale;

/**
 * Which kills a cluster run makes, beyond one of each target in turn.
 *
 * @param disconnectTimeout the orchestrator's Orchestrator.NodeManager.DisconnectTimeout, in
 *     seconds ({@code 5s})
 * @param midBurst every other round kills while submissions are still coming in (else all kill
 *     while the jobs run)
 * @param quickComputeRestarts a killed compute node may come back before the disconnect timeout
 *     (else it stays down long enough to be taken for lost)
 */
record ClusterFaults(String disconnectTimeout, boolean midBurst, boolean quickComputeRestarts) {
  /** Every kind of kill the harness knows. */
  static ClusterFaults all(String disconnectTimeout) {
    return new ClusterFaults(disconnectTimeout, true, true);
  }

  long disconnectMillis() {
    return Duration.parse("PT" + disconnectTimeout.toUpperCase(Locale.ROOT)).toMillis();
  }
}
