package io.bacalhau.core.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.NodeInfo;
import java.time.Instant;

/**
 * A node as the orchestrator knows it: what it advertises, whether it is a member, whether it is
 * connected. {@code Membership} and {@code Connection} are strings, as Bacalhau's clients expect.
 */
public record NodeState(
    @JsonProperty("Info") NodeInfo info,
    @JsonProperty("Membership") String membership,
    @JsonProperty("Connection") String connection,
    @JsonProperty("ConnectionState") ConnectionState connectionState) {

  public static final String APPROVED = "APPROVED";
  public static final String CONNECTED = "CONNECTED";

  /** How the node's connection stands; a node in this process is connected since it started. */
  public record ConnectionState(
      @JsonProperty("Status") String status,
      @JsonProperty("LastHeartbeat") Instant lastHeartbeat,
      @JsonProperty("ConnectedSince") Instant connectedSince,
      @JsonProperty("LastError") String lastError) {}
}
