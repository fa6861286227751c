package io.bacalhau.plugins.docker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When the engine asks a registry for an image. */
public enum PullPolicy {
  /** Use the local image when there is one; pull otherwise (the default). */
  IF_NOT_PRESENT("IfNotPresent"),
  /** Pull before every run, so a moved tag is picked up. */
  ALWAYS("Always"),
  /** Never contact a registry: air-gapped nodes. */
  NEVER("Never");

  private final String label;

  PullPolicy(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /** Case-insensitive; blank is the default. */
  @JsonCreator
  public static PullPolicy parse(String text) {
    if (text == null || text.isBlank()) {
      return IF_NOT_PRESENT;
    }
    for (PullPolicy p : values()) {
      if (p.label.equalsIgnoreCase(text.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Engines.Types.Docker.PullPolicy: '"
            + text
            + "' is not one of IfNotPresent, Always, Never");
  }
}
