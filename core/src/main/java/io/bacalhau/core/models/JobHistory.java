package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One append-only history entry; SeqNum orders a job's entries. Every key is written but
 * ExecutionID, which job-level entries leave out, as in Bacalhau's JSON.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobHistory(
    @JsonProperty("SeqNum") long seqNum,
    @JsonProperty("Type") JobHistoryType type,
    @JsonProperty("JobID") String jobId,
    @JsonProperty("JobVersion") long jobVersion,
    @JsonProperty("ExecutionID") @JsonInclude(JsonInclude.Include.NON_EMPTY) String executionId,
    @JsonProperty("Event") Event event,
    @JsonProperty("Time") Instant time) {

  public JobHistory {
    jobId = Immutables.string(jobId);
    executionId = Immutables.string(executionId);
  }

  /** When it happened: the event's own timestamp, else when it was recorded. */
  @JsonIgnore
  public Instant occurred() {
    return event != null && event.timestamp() != null ? event.timestamp() : time;
  }
}
