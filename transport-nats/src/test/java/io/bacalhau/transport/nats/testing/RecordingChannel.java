package io.bacalhau.transport.nats.testing;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.protocol.ComputeChannel;

/** A compute node's end as a test sees it: every request from the orchestrator, in order. */
public final class RecordingChannel extends Recorder implements ComputeChannel {

  @Override
  public void askForBid(Job job, Execution execution) {
    record(Call.of("askForBid", job, execution));
  }

  @Override
  public void bidAccepted(Job job, Execution execution) {
    record(Call.of("bidAccepted", job, execution));
  }

  @Override
  public void bidRejected(String executionId, String reason) {
    record(Call.of("bidRejected", executionId, reason));
  }

  @Override
  public void cancel(String executionId, String reason) {
    record(Call.of("cancel", executionId, reason));
  }
}
