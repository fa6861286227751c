package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A port a task exposes: Static on the host, Target inside the task. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record PortMapping(
    @JsonProperty("Name") @JsonInclude(JsonInclude.Include.ALWAYS) String name,
    @JsonProperty("Static") int staticPort,
    @JsonProperty("Target") int target,
    @JsonProperty("HostNetwork") String hostNetwork) {

  public PortMapping {
    name = Immutables.string(name);
    hostNetwork = Immutables.string(hostNetwork);
  }
}
