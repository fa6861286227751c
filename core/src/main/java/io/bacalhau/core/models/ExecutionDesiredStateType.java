package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the orchestrator wants of an execution. JSON carries the number. */
public enum ExecutionDesiredStateType implements Labelled {
  PENDING("Pending"),
  RUNNING("Running"),
  STOPPED("Stopped");

  private final String label;

  ExecutionDesiredStateType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  @JsonValue
  public int code() {
    return ordinal();
  }

  @JsonCreator
  public static ExecutionDesiredStateType fromCode(Object value) {
    return Labelled.findByLabelOrCode(values(), value, PENDING);
  }

  public boolean isTerminal() {
    return this == STOPPED;
  }

  @Override
  public String toString() {
    return label;
  }
}
