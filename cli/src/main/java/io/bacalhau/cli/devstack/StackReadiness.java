package io.bacalhau.cli.devstack;

import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.client.ApiEndpoint;
import io.bacalhau.client.HttpNodeClient;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeState;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Waits for a devstack's nodes to be up, or says which one is not and why (its log's end). */
final class StackReadiness {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(200);

  private StackReadiness() {}

  /** Until the orchestrator serves its API: its {@code bacalhau.run} file appears. */
  static void awaitApi(StackNode head, StackProcesses processes) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(head.dataDir().resolve("bacalhau.run"))) {
      processes.requireAlive();
      if (System.nanoTime() > deadline) {
        throw notReady(head.name() + " did not serve its API", StackProcesses.tail(head.log()));
      }
      Thread.sleep(POLL);
    }
  }

  /** Until the orchestrator lists every compute node of the stack (a hybrid too) as connected. */
  static void awaitNodes(int apiPort, List<StackNode> nodes, StackProcesses processes)
      throws InterruptedException {
    Set<String> wanted =
        nodes.stream().filter(StackNode::compute).map(StackNode::name).collect(Collectors.toSet());
    ApiEndpoint endpoint =
        new ApiEndpoint(
            URI.create("http://127.0.0.1:" + apiPort), null, null, false, Duration.ofSeconds(10));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try (HttpNodeClient client = new HttpNodeClient(endpoint, (r, o, raw, s) -> {})) {
      Set<String> missing = wanted;
      while (true) {
        processes.requireAlive();
        try {
          Set<String> connected =
              client.nodes().stream()
                  .filter(n -> n.connection() == NodeConnection.CONNECTED)
                  .map(NodeState::info)
                  .map(i -> i.nodeId())
                  .collect(Collectors.toSet());
          missing = wanted.stream().filter(n -> !connected.contains(n)).collect(Collectors.toSet());
        } catch (BacalhauException notYet) {
          // the API is starting
        }
        if (missing.isEmpty()) {
          return;
        }
        if (System.nanoTime() > deadline) {
          Set<String> absent = missing;
          StackNode first =
              nodes.stream().filter(n -> absent.contains(n.name())).findFirst().orElseThrow();
          throw notReady(
              "nodes " + absent.stream().sorted().toList() + " did not join the orchestrator",
              first.name() + "'s log:\n" + StackProcesses.tail(first.log()));
        }
        Thread.sleep(POLL);
      }
    }
  }

  private static CommandFailedException notReady(String what, String log) {
    return new CommandFailedException(
        ExitCode.ERROR,
        "devstack: " + what + " within " + START_TIMEOUT.toSeconds() + " s:\n" + log,
        "Every node's log is node.log in its data dir.");
  }
}
