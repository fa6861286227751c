package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The network a task asks for: a type, the domains HTTP mode may reach, and ports. A known type is
 * held by its canonical name ({@code Default} when unset), which is what Bacalhau's JSON carries
 * and what keeps a stored spec equal to the one submitted; unknown text is kept for validation to
 * name.
 */
public record NetworkConfig(
    @JsonProperty("Type") String type,
    @JsonProperty("Domains") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> domains,
    @JsonProperty("Ports") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PortMapping> ports) {

  public static final NetworkConfig DEFAULT = new NetworkConfig("", List.of(), List.of());

  public NetworkConfig {
    String written = Immutables.string(type);
    type = NetworkType.parse(written).map(NetworkType::label).orElse(written);
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
    return type.equals(NetworkType.DEFAULT.label()) && domains.isEmpty() && ports.isEmpty();
  }
}
