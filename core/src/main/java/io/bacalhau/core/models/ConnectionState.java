package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * How the orchestrator hears from a node: status, last heartbeat and the message sequence numbers
 * each side has seen. Times never set are written as Go's zero time, as Bacalhau does; the sequence
 * numbers and LastError only when set.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectionState(
    @JsonProperty("Status") NodeConnection status,
    @JsonProperty("LastHeartbeat") Instant lastHeartbeat,
    @JsonProperty("LastComputeSeqNum") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        long lastComputeSeqNum,
    @JsonProperty("LastOrchestratorSeqNum") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        long lastOrchestratorSeqNum,
    @JsonProperty("ConnectedSince") Instant connectedSince,
    @JsonProperty("DisconnectedSince") Instant disconnectedSince,
    @JsonProperty("LastError") @JsonInclude(JsonInclude.Include.NON_EMPTY) String lastError) {

  public ConnectionState {
    status = status == null ? NodeConnection.DISCONNECTED : status;
    lastHeartbeat = orZero(lastHeartbeat);
    connectedSince = orZero(connectedSince);
    disconnectedSince = orZero(disconnectedSince);
    lastError = Immutables.string(lastError);
  }

  /** A node heard from at {@code at}, connected since {@code since}. */
  public static ConnectionState connected(Instant since, Instant at) {
    return new ConnectionState(NodeConnection.CONNECTED, at, 0, 0, since, null, "");
  }

  private static Instant orZero(Instant t) {
    return t == null ? BuildVersionInfo.NO_DATE : t;
  }
}
