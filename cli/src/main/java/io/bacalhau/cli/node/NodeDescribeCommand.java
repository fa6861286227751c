package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.NodeState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bacalhau node describe ID}: everything the orchestrator knows of one node. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Show a node as YAML (or JSON with --output json); the ID may be a prefix.")
public final class NodeDescribeCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(paramLabel = "<id>", description = "Node ID or a unique prefix of it.")
  private String id;

  @Mixin private DataOptions output;

  NodeDescribeCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    NodeState node = find(session.node().nodes(), id);
    DataOptions.DataFormat format =
        output.output() == null ? DataOptions.DataFormat.YAML : output.output();
    Serializer.print(session.out(), node, format, output.pretty());
    return ExitCode.OK;
  }

  /** The one node whose ID starts with {@code prefix}, as the nodes route finds it. */
  static NodeState find(List<NodeState> nodes, String prefix) {
    List<NodeState> matches =
        nodes.stream().filter(n -> n.info().nodeId().startsWith(prefix)).toList();
    if (matches.isEmpty() || prefix.isBlank()) {
      throw BacalhauException.builder(ErrorCode.NOT_FOUND, "node not found: " + prefix)
          .component("NodeManager")
          .hint("Run 'bacalhau node list' to see the nodes and their IDs.")
          .build();
    }
    if (matches.size() > 1) {
      throw BacalhauException.badRequest(
          "multiple nodes found for prefix " + prefix, "Use more characters of the node ID.");
    }
    return matches.getFirst();
  }
}
