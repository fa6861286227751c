package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the orchestrator wants of an execution. JSON carries the number. */
public enum ExecutionDesiredStateType {
  PENDING("Pending"),
  RUNNING("Running"),
  STOPPED("Stopped");

  private final String label;

  ExecutionDesiredStateType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @JsonValue
  public int code() {
    return ordinal();
  }

  @JsonCreator
  public static ExecutionDesiredStateType fromCode(Object value) {
    if (value instanceof Number n) {
      int i = n.intValue();
      return i >= 0 && i < values().length ? values()[i] : PENDING;
    }
    String text = String.valueOf(value).strip();
    for (ExecutionDesiredStateType t : values()) {
      if (t.label.equalsIgnoreCase(text) || String.valueOf(t.ordinal()).equals(text)) {
        return t;
      }
    }
    return PENDING;
  }

  public boolean isTerminal() {
    return this == STOPPED;
  }

  @Override
  public String toString() {
    return label;
  }
}
