package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a node is heard from; JSON carries the upper-case name. */
public enum NodeConnection implements Labelled {
  CONNECTED("CONNECTED"),
  DISCONNECTED("DISCONNECTED");

  private final String label;

  NodeConnection(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  /** By name in any case, or by Bacalhau's number; anything else is Disconnected, as there. */
  @JsonCreator
  public static NodeConnection parse(Object value) {
    return Labelled.findByLabelOrCode(values(), value, DISCONNECTED);
  }

  @Override
  public String toString() {
    return label;
  }
}
