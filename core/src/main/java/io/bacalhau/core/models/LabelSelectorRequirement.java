package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One node constraint in Kubernetes label-selector terms; {@code favour_} keys only prefer. */
public record LabelSelectorRequirement(
    @JsonProperty("Key") String key,
    @JsonProperty("Operator") String operator,
    @JsonProperty("Values") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values) {

  public static final String FAVOUR_PREFIX = "favour_";

  public LabelSelectorRequirement {
    key = Immutables.string(key);
    operator = Immutables.string(operator);
    values = Immutables.list(values);
  }

  public boolean isPreference() {
    return key.startsWith(FAVOUR_PREFIX);
  }
}
