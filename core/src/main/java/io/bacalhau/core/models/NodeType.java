package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a node is to the network; JSON carries the name, as Bacalhau does. */
public enum NodeType implements Labelled {
  REQUESTER("Requester"),
  COMPUTE("Compute");

  private final String label;

  NodeType(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  /** Case-insensitive; unknown text reads as Compute, the kind that runs jobs. */
  @JsonCreator
  public static NodeType parse(String text) {
    return Labelled.find(values(), text, COMPUTE);
  }

  @Override
  public String toString() {
    return label;
  }
}
