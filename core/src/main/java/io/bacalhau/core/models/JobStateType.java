package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A job's lifecycle state; JSON carries its name. */
public enum JobStateType implements Labelled {
  UNDEFINED("Undefined"),
  PENDING("Pending"),
  QUEUED("Queued"),
  RUNNING("Running"),
  COMPLETED("Completed"),
  FAILED("Failed"),
  STOPPED("Stopped");

  private final String label;

  JobStateType(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == STOPPED;
  }

  /** A job may be rerun once it has left the waiting states. */
  public boolean isRerunnable() {
    return this != PENDING && this != QUEUED && this != UNDEFINED;
  }

  /** Case-insensitive; unknown text is Undefined, as Bacalhau does. */
  @JsonCreator
  public static JobStateType parse(String text) {
    return Labelled.find(values(), text, UNDEFINED);
  }

  @Override
  public String toString() {
    return label;
  }
}
