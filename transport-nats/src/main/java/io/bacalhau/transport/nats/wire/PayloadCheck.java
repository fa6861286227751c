package io.bacalhau.transport.nats.wire;

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

/**
 * The fields a message cannot do without. JSON that parses but lacks them (an ask for bid without
 * an execution) would otherwise reach the orchestrator or compute node as nulls.
 */
final class PayloadCheck {
  private PayloadCheck() {}

  /** Null when the payload is whole, else what is missing. */
  static String problem(Payload payload) {
    return switch (payload) {
      case HandshakeRequest p ->
          p.nodeInfo() == null || p.nodeInfo().nodeId().isBlank()
              ? "NodeInfo.NodeID is missing"
              : null;
      case UpdateNodeInfoRequest p ->
          p.nodeInfo() == null || p.nodeInfo().nodeId().isBlank()
              ? "NodeInfo.NodeID is missing"
              : null;
      case HeartbeatRequest p -> blank(p.nodeId(), "NodeID");
      case ShutdownNoticeRequest p -> blank(p.nodeId(), "NodeID");
      case HandshakeResponse p -> null;
      case HeartbeatResponse p -> null;
      case UpdateNodeInfoResponse p -> null;
      case ShutdownNoticeResponse p -> null;
      case AskForBid p -> jobAndExecution(p.job(), p.execution());
      case BidAccepted p -> jobAndExecution(p.job(), p.execution());
      case BidRejected p -> blank(p.executionId(), "ExecutionID");
      case CancelExecution p -> blank(p.executionId(), "ExecutionID");
      case BidResult p -> blank(p.executionId(), "ExecutionID");
      case RunResult p -> blank(p.executionId(), "ExecutionID");
      case ComputeError p ->
          p.event() == null ? "Event is missing" : blank(p.executionId(), "ExecutionID");
      case CancelResult p -> blank(p.executionId(), "ExecutionID");
      case ExecutionProgress p ->
          p.state() == null ? "State is missing" : blank(p.executionId(), "ExecutionID");
      case ExecutionEvent p ->
          p.event() == null ? "Event is missing" : blank(p.executionId(), "ExecutionID");
    };
  }

  private static String jobAndExecution(Object job, io.bacalhau.core.models.Execution execution) {
    if (job == null) {
      return "Job is missing";
    }
    if (execution == null || execution.id().isBlank()) {
      return "Execution.ID is missing";
    }
    return null;
  }

  private static String blank(String value, String field) {
    return value == null || value.isBlank() ? field + " is missing" : null;
  }
}
