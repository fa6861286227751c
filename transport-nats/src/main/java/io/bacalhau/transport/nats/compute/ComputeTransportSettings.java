package io.bacalhau.transport.nats.compute;

import io.bacalhau.transport.nats.sequence.Checkpoint;
import java.time.Duration;

/**
 * How a compute node talks to its orchestrator: heartbeat period (Compute.Heartbeat.Interval,
 * Bacalhau's default 15 s), how long one control request may wait, how long {@code start} keeps
 * trying to be admitted, where the node keeps the last orchestrator message it processed, and how
 * often it sends its full description even when nothing changed
 * (Compute.Heartbeat.InfoUpdateInterval, 1 m).
 */
public record ComputeTransportSettings(
    Duration heartbeatInterval,
    Duration requestTimeout,
    Duration joinTimeout,
    Checkpoint checkpoint,
    Duration infoUpdateInterval) {

  public ComputeTransportSettings {
    heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(15) : heartbeatInterval;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    joinTimeout = joinTimeout == null ? Duration.ofMinutes(1) : joinTimeout;
    checkpoint = checkpoint == null ? Checkpoint.inMemory() : checkpoint;
    infoUpdateInterval = infoUpdateInterval == null ? Duration.ofMinutes(1) : infoUpdateInterval;
  }

  public ComputeTransportSettings(
      Duration heartbeatInterval,
      Duration requestTimeout,
      Duration joinTimeout,
      Checkpoint checkpoint) {
    this(heartbeatInterval, requestTimeout, joinTimeout, checkpoint, null);
  }

  public static ComputeTransportSettings defaults() {
    return new ComputeTransportSettings(null, null, null, null, null);
  }

  public ComputeTransportSettings withHeartbeat(Duration interval) {
    return new ComputeTransportSettings(
        interval, requestTimeout, joinTimeout, checkpoint, infoUpdateInterval);
  }
}
