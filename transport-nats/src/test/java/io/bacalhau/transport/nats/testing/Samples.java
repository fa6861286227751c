package io.bacalhau.transport.nats.testing;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.transport.nats.wire.messages.AskForBid;
import io.bacalhau.transport.nats.wire.messages.BidAccepted;
import io.bacalhau.transport.nats.wire.messages.BidRejected;
import io.bacalhau.transport.nats.wire.messages.BidResult;
import io.bacalhau.transport.nats.wire.messages.CancelExecution;
import io.bacalhau.transport.nats.wire.messages.CancelResult;
import io.bacalhau.transport.nats.wire.messages.ComputeError;
import io.bacalhau.transport.nats.wire.messages.ExecutionEvent;
import io.bacalhau.transport.nats.wire.messages.ExecutionProgress;
import io.bacalhau.transport.nats.wire.messages.HandshakeRequest;
import io.bacalhau.transport.nats.wire.messages.HandshakeResponse;
import io.bacalhau.transport.nats.wire.messages.HeartbeatRequest;
import io.bacalhau.transport.nats.wire.messages.HeartbeatResponse;
import io.bacalhau.transport.nats.wire.messages.Payload;
import io.bacalhau.transport.nats.wire.messages.RunResult;
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeRequest;
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeResponse;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoRequest;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One filled-in message of every type. */
public final class Samples {
  private Samples() {}

  public static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");

  public static BacalhauException error() {
    return BacalhauException.builder(ErrorCode.IMAGE_UNAVAILABLE, "image busybox:nope not found")
        .component("Docker")
        .hint("check the image name")
        .retryable(true)
        .failsExecution(true)
        .detail("Image", "busybox:nope")
        .build();
  }

  public static List<Payload> all() {
    Job job = Fixtures.job("j-1");
    var execution = Fixtures.execution("e-1", job, "n-1", ExecutionDesiredStateType.RUNNING);
    RunCommandResult output = new RunCommandResult("out", false, "err", true, 3, "");
    return List.of(
        new HandshakeRequest(Fixtures.node("n-1"), AT, 7, 3),
        new HandshakeResponse(true, "", 5, 7),
        new HeartbeatRequest("n-1", new Resources(2, 1 << 20, 0, 0), new Resources(1, 0, 0, 0), 9),
        new HeartbeatResponse(11, true, ""),
        new UpdateNodeInfoRequest(Fixtures.node("n-1")),
        new UpdateNodeInfoResponse(false, "node is not connected"),
        new ShutdownNoticeRequest("n-1", "bye", 12),
        new ShutdownNoticeResponse(13),
        new AskForBid(job, execution),
        new BidAccepted(job, execution),
        new BidRejected("e-1", "another node won"),
        new CancelExecution("e-1", "job stopped by user"),
        new BidResult("e-1", false, "does not support docker"),
        new RunResult("e-1", SpecConfig.of("local", Map.of("URL", "http://x/e-1.tgz")), output),
        new ComputeError("e-1", Event.fromError(HistoryTopics.EXECUTION, error(), AT), output),
        new CancelResult("e-1", "job stopped by user"),
        new ExecutionProgress("e-1", ExecutionStateType.RUNNING),
        new ExecutionEvent("e-1", Event.of(HistoryTopics.RUNNING_EXECUTION, "pulled image", AT)));
  }
}
