package io.bacalhau.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The served node's REST API as the harness uses it, over the JDK's HTTP client. */
final class NodeApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;
  private final String base;

  NodeApi(int port) {
    this.root = "http://127.0.0.1:" + port + "/api/v1/orchestrator";
    this.base = root + "/jobs";
  }

  /** How many compute nodes the orchestrator lists as connected; -1 when it did not answer. */
  int connectedNodes() {
    return sendTo("GET", root + "/nodes?filter-status=CONNECTED", null)
        .map(j -> j.path("Nodes").size())
        .orElse(-1);
  }

  /** The job ID of an acknowledged submission; empty when the node did not say 200 with one. */
  Optional<String> submit(String body) {
    return send("PUT", "", body).map(j -> j.path("JobID").asText("")).filter(s -> !s.isEmpty());
  }

  /** Whether the node acknowledged the stop. */
  boolean stop(String jobId) {
    return send("DELETE", "/" + jobId, null).isPresent();
  }

  /** The job version the rerun made, when the node acknowledged it. */
  Optional<Integer> rerun(String jobId) {
    return send("PUT", "/" + jobId + "/rerun", "{}")
        .map(j -> j.path("JobVersion").asInt(0))
        .filter(v -> v > 0);
  }

  /** The job with its history and executions, or empty when the node does not know it. */
  Optional<JsonNode> job(String jobId) {
    return send("GET", "/" + jobId + "?include=history,executions", null);
  }

  Optional<JsonNode> executions(String jobId) {
    return send("GET", "/" + jobId + "/executions", null);
  }

  Optional<JsonNode> results(String jobId) {
    return send("GET", "/" + jobId + "/results", null);
  }

  /** The published result's bytes. */
  byte[] download(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + r.statusCode());
    }
    return r.body();
  }

  private Optional<JsonNode> send(String method, String path, String body) {
    return sendTo(method, base + path, body);
  }

  private Optional<JsonNode> sendTo(String method, String url, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // the node died under the request: not acknowledged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
