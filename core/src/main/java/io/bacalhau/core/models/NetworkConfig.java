package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The network a task asks for: a type, the domains HTTP mode may reach, and ports. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NetworkConfig(
    @JsonProperty("Type") String type,
    @JsonProperty("Domains") List<String> domains,
    @JsonProperty("Ports") List<PortMapping> ports) {

  public static final NetworkConfig DEFAULT = new NetworkConfig("", List.of(), List.of());

  public NetworkConfig {
    type = Immutables.string(type);
    domains = Immutables.list(domains);
    ports = Immutables.list(ports);
  }

  /** The parsed type; an invalid spelling reads as Default here and is reported by validation. */
  @JsonIgnore
  public NetworkType networkType() {
    return NetworkType.parse(type).orElse(NetworkType.DEFAULT);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return type.isBlank() && domains.isEmpty() && ports.isEmpty();
  }
}
