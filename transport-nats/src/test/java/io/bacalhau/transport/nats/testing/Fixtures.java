package io.bacalhau.transport.nats.testing;

import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.BuildVersionInfo;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.transport.nats.orchestrator.MembershipListener;
import io.bacalhau.transport.nats.orchestrator.NodeRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Jobs, executions and node infos for the transport's tests. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * What {@code registry} tells its listeners from now on, in order: "joined n-1", "left n-1:
   * reason".
   */
  public static List<String> heardMembership(NodeRegistry registry) {
    List<String> heard = new CopyOnWriteArrayList<>();
    registry.addListener(
        new MembershipListener() {
          @Override
          public void joined(NodeState node) {
            heard.add("joined " + node.info().nodeId());
          }

          @Override
          public void left(NodeState node, String reason) {
            heard.add("left " + node.info().nodeId() + ": " + reason);
          }
        });
    return heard;
  }

  public static final Resources CAPACITY = new Resources(4, 8L << 30, 100L << 30, 0);

  public static NodeInfo node(String id) {
    return new NodeInfo(
        id,
        NodeType.COMPUTE,
        Map.of("zone", "eu-1", "name", id),
        List.of("ncl/v1"),
        new ComputeNodeInfo(
            List.of("noop", "wasm"),
            List.of("local"),
            List.of("urlDownload"),
            CAPACITY,
            Resources.ZERO,
            CAPACITY,
            CAPACITY,
            0,
            0,
            ""),
        BuildVersionInfo.of("v1.7.0", "abc123", Instant.parse("2026-01-01T00:00:00Z")));
  }

  public static Job job(String id) {
    return EmbeddedNodeTestSupport.noopJob("transport-" + id, Map.of("Stdout", "hello\n"))
        .toBuilder()
        .id(id)
        .build();
  }

  public static Execution execution(
      String id, Job job, String nodeId, ExecutionDesiredStateType desired) {
    return new Execution(
        id,
        job.namespace(),
        "ev-" + id,
        "",
        nodeId,
        job.id(),
        null,
        1,
        AllocatedResources.NONE,
        State.of(desired),
        State.of(ExecutionStateType.NEW),
        SpecConfig.EMPTY,
        null,
        "",
        "",
        "",
        0,
        1,
        0,
        0);
  }
}
