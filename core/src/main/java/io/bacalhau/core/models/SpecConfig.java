package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A typed plugin configuration: engine, publisher or input source. Types compare case-blind. Type
 * is always written (an unset publisher is {@code {"Type": ""}}), Params only when there are some.
 */
public record SpecConfig(
    @JsonProperty("Type") String type,
    @JsonProperty("Params") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, Object> params) {

  public static final SpecConfig EMPTY = new SpecConfig("", Map.of());

  public SpecConfig {
    type = Immutables.string(type);
    params = Immutables.map(params);
  }

  public static SpecConfig of(String type) {
    return new SpecConfig(type, Map.of());
  }

  public static SpecConfig of(String type, Map<String, Object> params) {
    return new SpecConfig(type, params);
  }

  /** No type and no params: "not set". */
  @JsonIgnore
  public boolean isEmpty() {
    return type.isBlank() && params.isEmpty();
  }

  public boolean isType(String other) {
    return type.strip().equalsIgnoreCase(other == null ? "" : other.strip());
  }

  /** A param by name, matched case-insensitively as Bacalhau decodes them. */
  public Object param(String name) {
    Object exact = params.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  public SpecConfig withParams(Map<String, Object> newParams) {
    return new SpecConfig(type, newParams);
  }
}
