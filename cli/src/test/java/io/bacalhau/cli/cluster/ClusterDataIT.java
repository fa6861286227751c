package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output and results of a job that ran on a compute node in another process reach a client of the
 * orchestrator: {@code job logs} (followed and not) is read from the node through the orchestrator,
 * and {@code job get} downloads local-publisher results from the node's results listener. Before,
 * the orchestrator read its own (empty) executions folder and logs came back empty.
 */
class ClusterDataIT {
  private static final int LINES = 3000;

  @TempDir Path dir;

  @Test
  void logsOfAnExecutionOnAComputeNodeStreamThroughTheOrchestrator() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator()) {
      cluster.compute("data-1", ClusterFixture.TOKEN);
      NodeState node = awaitConnected(cluster);
      String stdout = numbered("out");
      String stderr = numbered("err");
      Path spec = dir.resolve("chatty.yaml");
      Files.writeString(
          spec,
          """
          Name: chatty
          Type: batch
          Tasks:
            - Name: main
              Engine:
                Type: noop
                Params:
                  SleepMillis: 4000
                  Stdout: |
          %s
                  Stderr: |
          %s
          """
              .formatted(indent(stdout), indent(stderr)));
      CliRunner client = cluster.client();
      CliRunner.Result run = client.run("job", "run", spec.toString(), "--wait=false", "--id-only");
      assertEquals(0, run.exitCode(), run.toString());
      String id = run.out().strip();
      ClusterFixture.await(
          "the execution running",
          () -> cluster.executions(id),
          es -> es.stream().anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING));

      // node list --show activity: the node's heartbeat age and its one running execution.
      ClusterFixture.await(
          "node list showing the running execution",
          () -> client.run("node", "list", "--show", "activity", "--no-style").out(),
          out ->
              out.lines()
                  .filter(l -> l.contains("data-1"))
                  .map(l -> List.of(l.strip().split("\\s+")))
                  .anyMatch(
                      cells ->
                          cells.contains("ago")
                              && cells.get(cells.size() - 2).equals("1")
                              && cells.getLast().equals("0")));

      // The node prints only after its sleep: a follow that stopped early would miss all of it.
      CliRunner.Result followed = client.run("job", "logs", id, "--follow");
      assertEquals(0, followed.exitCode(), followed.toString());
      assertEquals(stdout, followed.out());
      assertTrue(followed.err().contains(stderr), followed.err());
      Execution execution = cluster.executions(id).getFirst();
      assertEquals("data-1", execution.nodeId());
      assertTrue(execution.computeStateType().isTerminal(), execution.toString());

      CliRunner.Result after = client.run("job", "logs", id);
      assertEquals(0, after.exitCode(), after.toString());
      assertEquals(stdout, after.out());

      // The node's listener gives logs only to a holder of the cluster token.
      String logsUrl = node.info().computeNodeInfo().address() + "/logs/" + execution.id();
      assertEquals(401, status(logsUrl, null));
      assertEquals(401, status(logsUrl, "Bearer wrong"));
      assertEquals(200, status(logsUrl, "Bearer " + ClusterFixture.TOKEN));
    }
  }

  @Test
  void jobGetDownloadsLocalPublisherResultsFromTheComputeNode() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator()) {
      cluster.compute("data-2", ClusterFixture.TOKEN);
      awaitConnected(cluster);
      Path spec = dir.resolve("results.yaml");
      Files.writeString(
          spec,
          """
          Name: with-results
          Type: batch
          Tasks:
            - Name: main
              Engine:
                Type: noop
                Params:
                  Stdout: "done\\n"
                  Files: {outputs/answer.txt: "42"}
              Publisher: {Type: local}
              ResultPaths:
                - {Name: outputs, Path: /outputs}
          """);
      CliRunner client = cluster.client();
      CliRunner.Result run = client.run("job", "run", spec.toString(), "--wait=false", "--id-only");
      assertEquals(0, run.exitCode(), run.toString());
      String id = run.out().strip();
      cluster.awaitJob(id, JobStateType.COMPLETED);

      Path into = dir.resolve("downloaded");
      CliRunner.Result get = client.run("job", "get", id, "--output-dir", into.toString());
      assertEquals(0, get.exitCode(), get.toString());
      assertEquals("42", Files.readString(into.resolve("outputs/answer.txt")));
      assertEquals("done\n", Files.readString(into.resolve("stdout")));
    }
  }

  private static NodeState awaitConnected(ClusterFixture cluster) throws Exception {
    return ClusterFixture.await(
            "the compute node connected with an address",
            () -> cluster.api().nodes(),
            nodes ->
                nodes.stream()
                    .anyMatch(
                        n ->
                            n.connection() == NodeConnection.CONNECTED
                                && !n.info().computeNodeInfo().address().isBlank()))
        .stream()
        .filter(n -> n.connection() == NodeConnection.CONNECTED)
        .findFirst()
        .orElseThrow();
  }

  private static String numbered(String prefix) {
    return IntStream.rangeClosed(1, LINES)
        .mapToObj(i -> prefix + "-" + i)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String indent(String lines) {
    return lines.lines().map(l -> "            " + l).collect(Collectors.joining("\n"));
  }

  private static int status(String url, String authorization) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}
