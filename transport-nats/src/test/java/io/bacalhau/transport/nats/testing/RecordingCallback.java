package io.bacalhau.transport.nats.testing;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.protocol.ComputeCallback;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The orchestrator's end as a test sees it: every report from compute nodes, in order. */
public final class RecordingCallback extends Recorder implements ComputeCallback {
  private final List<Runnable> uncommitted = new CopyOnWriteArrayList<>();
  private volatile boolean holding;

  /**
   * From now on reports are taken but never committed, as in an orchestrator whose store has not
   * committed them yet when it is killed.
   */
  public void neverCommit() {
    holding = true;
  }

  @Override
  public void afterRecorded(Runnable done) {
    if (holding) {
      uncommitted.add(done);
    } else {
      done.run();
    }
  }

  @Override
  public void bidResult(String executionId, boolean accepted, String reason) {
    record(Call.of("bidResult", executionId, accepted, reason));
  }

  @Override
  public void progressed(String executionId, ExecutionStateType state) {
    record(Call.of("progressed", executionId, state));
  }

  @Override
  public void runResult(String executionId, SpecConfig published, RunCommandResult output) {
    record(Call.of("runResult", executionId, published, output));
  }

  @Override
  public void computeError(String executionId, BacalhauException error, RunCommandResult output) {
    record(Call.of("computeError", executionId, fields(error), output));
  }

  @Override
  public void cancelled(String executionId, String reason) {
    record(Call.of("cancelled", executionId, reason));
  }

  @Override
  public void event(String executionId, Event event) {
    record(Call.of("event", executionId, event));
  }

  /** What of an error must survive the wire: the structured fields retry logic reads. */
  public static Map<String, Object> fields(BacalhauException e) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("message", e.getMessage());
    f.put("code", e.qualifiedCode());
    f.put("hint", e.hint() == null ? "" : e.hint());
    f.put("retryable", e.retryable());
    f.put("failsExecution", e.failsExecution());
    f.put("details", e.details());
    return f;
  }
}
