package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a compute node reports of an execution. JSON carries the number, as Bacalhau does. */
public enum ExecutionStateType implements Labelled {
  UNDEFINED("Undefined"),
  NEW("New"),
  ASK_FOR_BID("AskForBid"),
  ASK_FOR_BID_ACCEPTED("AskForBidAccepted"),
  ASK_FOR_BID_REJECTED("AskForBidRejected"),
  BID_ACCEPTED("BidAccepted"),
  RUNNING("Running"),
  PUBLISHING("Publishing"),
  BID_REJECTED("BidRejected"),
  COMPLETED("Completed"),
  FAILED("Failed"),
  CANCELLED("Cancelled");

  private final String label;

  ExecutionStateType(String label) {
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
  public static ExecutionStateType fromCode(Object value) {
    return Labelled.findByLabelOrCode(values(), value, UNDEFINED);
  }

  /** No further change can follow. */
  public boolean isTerminal() {
    return switch (this) {
      case BID_REJECTED, COMPLETED, FAILED, CANCELLED, ASK_FOR_BID_REJECTED -> true;
      default -> false;
    };
  }

  /** The node is working on it. */
  public boolean isExecuting() {
    return this == BID_ACCEPTED || this == RUNNING || this == PUBLISHING;
  }

  /** Ended without a result worth keeping: rejected, cancelled or failed. */
  public boolean isDiscarded() {
    return switch (this) {
      case ASK_FOR_BID_REJECTED, BID_REJECTED, CANCELLED, FAILED -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
