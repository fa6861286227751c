package io.bacalhau.core.node;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.NodeState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * An orchestrator's reader of executions that run on its compute nodes: it asks the node at the
 * address of its {@code ComputeNodeInfo} ({@code GET <address>/logs/<execID>}, with the cluster
 * token) and follows the stream. A node streams only while the execution runs there; until the
 * orchestrator sees the execution end, a finished or broken stream is asked again from the byte
 * positions reached, so nothing is repeated or lost.
 */
public final class RemoteExecutionLogs implements ExecutionLogSource {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  // Until the response's headers, which a node sends at once; the streamed body has no limit.
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
  // How soon to ask again when the node is not running the execution (not yet, or no longer).
  private static final long AGAIN_MILLIS = 200;

  private final NodeDirectory directory;
  private final String token;
  private final HttpClient http;

  /**
   * @param token the cluster token the compute nodes were given (blank: none)
   */
  public RemoteExecutionLogs(NodeDirectory directory, String token) {
    this.directory = directory;
    this.token = token == null ? "" : token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public void copy(
      Execution execution,
      boolean follow,
      boolean tail,
      BooleanSupplier finished,
      OutputStream out,
      OutputStream err)
      throws InterruptedException {
    String address = address(execution.nodeId());
    long[] positions = {tail ? -1 : 0, tail ? -1 : 0};
    while (true) {
      boolean done = !follow || finished.getAsBoolean();
      try {
        fetch(address, execution, positions, !done, out, err);
      } catch (IOException e) {
        if (Thread.interrupted()) {
          throw new InterruptedException("the log reader went away");
        }
        if (done) {
          throw unreachable(execution.nodeId(), address, e);
        }
      }
      if (done) {
        return;
      }
      Thread.sleep(AGAIN_MILLIS);
    }
  }

  private void fetch(
      String address,
      Execution execution,
      long[] positions,
      boolean follow,
      OutputStream out,
      OutputStream err)
      throws IOException, InterruptedException {
    URI uri =
        URI.create(
            address
                + "/logs/"
                + URLEncoder.encode(execution.id(), StandardCharsets.UTF_8)
                + "?stdout="
                + positions[0]
                + "&stderr="
                + positions[1]
                + "&follow="
                + follow);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).GET();
    if (!token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw BacalhauException.builder(
                ErrorCode.UNAUTHORIZED,
                "compute node " + execution.nodeId() + " refused the cluster token for its logs")
            .component("Logs")
            .hint("Orchestrator.Auth.Token must equal the node's Compute.Auth.Token.")
            .build();
      }
      if (response.statusCode() != 200) {
        throw unreachable(
            execution.nodeId(), address, new IOException("HTTP " + response.statusCode()));
      }
      LogStreamWire.read(body, positions, execution.nodeId(), out, err);
    }
  }

  /** Where the node serves its executions' output, as it advertised it. */
  private String address(String nodeId) {
    String address =
        directory.nodes().stream()
            .map(NodeState::info)
            .filter(i -> i.nodeId().equals(nodeId))
            .map(i -> i.computeNodeInfo().address())
            .findFirst()
            .orElse("");
    if (address.isBlank()) {
      throw BacalhauException.builder(
              ErrorCode.NOT_FOUND, "compute node " + nodeId + " advertises no address for logs")
          .component("Logs")
          .hint(
              "The node is unknown to this orchestrator, or runs with its local publisher"
                  + " disabled; its output is in its data dir (compute/executions).")
          .build();
    }
    return address.contains("://") ? address : "http://" + address;
  }

  private static BacalhauException unreachable(String nodeId, String address, IOException e) {
    return BacalhauException.builder(
            ErrorCode.NETWORK_FAILURE,
            "cannot read the logs of compute node "
                + nodeId
                + " at "
                + address
                + " ("
                + e.getMessage()
                + ")")
        .component("Logs")
        .hint("Check that the node runs and that this machine can reach that address.")
        .cause(e)
        .build();
  }
}
