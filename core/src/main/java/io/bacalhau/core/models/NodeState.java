package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A node as the orchestrator knows it, the element of Bacalhau's nodes routes: what it advertised,
 * whether it is approved, and whether it is connected (Connection repeats ConnectionState.Status,
 * as Bacalhau's JSON does).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NodeState(
    @JsonProperty("Info") NodeInfo info,
    @JsonProperty("Membership") NodeMembership membership,
    @JsonProperty("Connection") NodeConnection connection,
    @JsonProperty("ConnectionState") ConnectionState connectionState) {

  public NodeState {
    info = info == null ? NodeInfo.NONE : info;
    membership = membership == null ? NodeMembership.UNKNOWN : membership;
    connectionState =
        connectionState == null
            ? new ConnectionState(connection, null, 0, 0, null, null, "")
            : connectionState;
    connection = connection == null ? connectionState.status() : connection;
  }
}
