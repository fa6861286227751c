package io.bacalhau.cli.devstack;

import io.bacalhau.cli.errors.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which nodes a devstack runs for Bacalhau's {@code --orchestrators}, {@code --computes} and {@code
 * --hybrids}: one node with an orchestrator (an orchestrator, or a hybrid when asked for none),
 * then the compute nodes, each in a folder of its own under the stack's folder.
 */
final class StackLayout {
  private StackLayout() {}

  static List<StackNode> of(int orchestrators, int computes, int hybrids, Path root) {
    if (orchestrators < 0 || computes < 0 || hybrids < 0) {
      throw new UsageException(
          "--orchestrators, --computes and --hybrids must not be negative",
          "Give counts of 0 or more.");
    }
    if (orchestrators + hybrids != 1) {
      throw new UsageException(
          "a devstack runs exactly one node with an orchestrator, but --orchestrators "
              + orchestrators
              + " and --hybrids "
              + hybrids
              + " ask for "
              + (orchestrators + hybrids),
          "Use --orchestrators 1 (the default), or --orchestrators 0 --hybrids 1:"
              + " orchestrators in a cluster of their own are not supported.");
    }
    List<StackNode> nodes = new ArrayList<>();
    if (orchestrators == 1) {
      nodes.add(new StackNode("orchestrator", true, false, root.resolve("orchestrator")));
    } else {
      nodes.add(new StackNode("hybrid", true, true, root.resolve("hybrid")));
    }
    for (int i = 1; i <= computes; i++) {
      String name = "compute-" + i;
      nodes.add(new StackNode(name, false, true, root.resolve(name)));
    }
    return List.copyOf(nodes);
  }
}
