package io.bacalhau.cli.job;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.RunCommandResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --node-details}: what each node's run said, grouped so that many runs with one outcome
 * take one line. A run's outcome is its runner error, else its stderr when it exited non-zero, else
 * its stdout.
 */
final class NodeDetails {
  private NodeDetails() {}

  static void print(PrintStream out, List<Execution> executions) {
    Map<String, List<Execution>> byMessage = new LinkedHashMap<>();
    for (Execution e : executions) {
      if (e.runOutput() != null) {
        byMessage.computeIfAbsent(outcome(e.runOutput()), k -> new ArrayList<>()).add(e);
      }
    }
    out.println("Job Results By Node:");
    byMessage.forEach(
        (message, runs) -> {
          Set<String> nodes = new LinkedHashSet<>();
          runs.forEach(e -> nodes.add(Ids.shortId(e.nodeId())));
          String who =
              runs.size() == 1
                  ? "Node " + nodes.iterator().next()
                  : runs.size()
                      + " runs on "
                      + nodes.size()
                      + " node"
                      + (nodes.size() == 1 ? "" : "s");
          out.println("• " + who + ": " + message.strip());
        });
  }

  static String outcome(RunCommandResult run) {
    if (run.failed()) {
      return run.errorMsg();
    }
    return run.exitCode() > 0 ? run.stderr() : run.stdout();
  }
}
