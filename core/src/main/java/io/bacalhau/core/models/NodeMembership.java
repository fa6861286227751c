package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the orchestrator lets a node take work; JSON carries the upper-case name. */
public enum NodeMembership implements Labelled {
  UNKNOWN("UNKNOWN"),
  PENDING("PENDING"),
  APPROVED("APPROVED"),
  REJECTED("REJECTED");

  private final String label;

  NodeMembership(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  /** By name in any case, or by Bacalhau's number; anything else is Unknown, as there. */
  @JsonCreator
  public static NodeMembership parse(Object value) {
    return Labelled.findByLabelOrCode(values(), value, UNKNOWN);
  }

  @Override
  public String toString() {
    return label;
  }
}
