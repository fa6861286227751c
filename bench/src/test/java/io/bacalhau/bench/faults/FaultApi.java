package io.bacalhau.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The served node's job API as the fault tests use it: answers kept whole, errors included. */
final class FaultApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Stopped");

  private final URI jobs;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  FaultApi(URI base) {
    this.jobs = URI.create(base + "/api/v1/orchestrator/jobs");
  }

  /** A status and its body, parsed when it is JSON. */
  record Answer(int status, String body, JsonNode json) {}

  Answer submit(String spec) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(jobs)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(spec)));
  }

  /** Submits and returns the acknowledged JobID; anything but a 200 fails the test. */
  String acknowledged(String spec) throws IOException, InterruptedException {
    Answer a = submit(spec);
    assertEquals(200, a.status(), a.body());
    return a.json().get("JobID").asText();
  }

  /** Runs the job again (its current version); returns the answer. */
  Answer rerun(String id) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(jobs + "/" + id + "/rerun"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"Reason\": \"the fault ended\"}")));
  }

  /** The job's executions, newest last. */
  List<JsonNode> executions(String id) throws IOException, InterruptedException {
    Answer a = send(HttpRequest.newBuilder(URI.create(jobs + "/" + id + "/executions")).GET());
    assertEquals(200, a.status(), a.body());
    List<JsonNode> items = new ArrayList<>();
    a.json().path("Items").forEach(items::add);
    return items;
  }

  Answer job(String id) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(jobs + "/" + id)).GET());
  }

  String state(String id) throws IOException, InterruptedException {
    Answer a = job(id);
    assertEquals(200, a.status(), a.body());
    return a.json().path("Job").path("State").path("StateType").asText();
  }

  /** Every event of the job's history, oldest first. */
  List<JsonNode> history(String id) throws IOException, InterruptedException {
    List<JsonNode> events = new ArrayList<>();
    String next = "";
    do {
      Answer a =
          send(
              HttpRequest.newBuilder(
                      URI.create(jobs + "/" + id + "/history?limit=100&next_token=" + next))
                  .GET());
      assertEquals(200, a.status(), a.body());
      a.json().path("Items").forEach(events::add);
      next = a.json().path("NextToken").asText("");
    } while (!next.isEmpty());
    return events;
  }

  /** Waits until the job is in a terminal state and returns it. */
  String awaitTerminal(String id, Duration limit) throws Exception {
    return await(id, TERMINAL::contains, limit);
  }

  String await(String id, Predicate<String> wanted, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String state = "";
    while (System.nanoTime() < deadline) {
      state = state(id);
      if (wanted.test(state)) {
        return state;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + id + " still " + state + " after " + limit);
  }

  /** The first history event whose hint holds {@code text}, waiting for it up to {@code limit}. */
  JsonNode awaitHint(String id, String text, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    List<JsonNode> events = List.of();
    while (System.nanoTime() < deadline) {
      events = history(id);
      for (JsonNode e : events) {
        if (e.path("Event").path("Details").path("Hint").asText("").contains(text)) {
          return e;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no event of " + id + " hints '" + text + "': " + events);
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = r.body().isBlank() ? null : JSON.readTree(r.body());
    } catch (IOException notJson) {
      json = null;
    }
    return new Answer(r.statusCode(), r.body(), json);
  }

  static String noop(String stdout, long sleepMillis, String publisher) {
    return """
        {"Job": {"Type": "batch", "Count": 1, "Tasks": [{"Name": "main",
          "Engine": {"Type": "noop", "Params": {"Stdout": "%s\\n", "SleepMillis": %d}},
          "Publisher": {"Type": "%s"}}]}}
        """
        .formatted(stdout, sleepMillis, publisher);
  }

  static String noop(String stdout, long sleepMillis) {
    return """
        {"Job": {"Type": "batch", "Count": 1, "Tasks": [{"Name": "main",
          "Engine": {"Type": "noop", "Params": {"Stdout": "%s\\n", "SleepMillis": %d}}}]}}
        """
        .formatted(stdout, sleepMillis);
  }
}
