package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a history entry is about the whole job or one execution. */
public enum JobHistoryType implements Labelled {
  JOB_LEVEL("JobLevel"),
  EXECUTION_LEVEL("ExecutionLevel");

  private final String label;

  JobHistoryType(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  @JsonCreator
  public static JobHistoryType parse(String text) {
    return Labelled.find(values(), text, JOB_LEVEL);
  }

  @Override
  public String toString() {
    return label;
  }
}
