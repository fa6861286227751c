package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real HTTP on 127.0.0.1, backed by an embedded node on a temp data dir. */
class ApiServerTest {
  @TempDir static Path dataDir;
  static EmbeddedNodeClient node;
  static ApiServer server;
  static Api api;

  @BeforeAll
  static void start() {
    node = EmbeddedNodeTestSupport.client(dataDir);
    node.startWorking();
    server =
        ApiServer.start(
            ServerSettings.open("127.0.0.1", 0)
                .withAgentConfig(Map.of("API", Map.of("Auth", Map.of("Users", "********"))))
                .withOauth2(
                    new Oauth2Config(
                        "okta",
                        "Okta",
                        "https://sso.example/token",
                        "",
                        "https://sso.example",
                        "cli-client",
                        "bacalhau",
                        List.of("openid", "profile"),
                        "https://sso.example/device",
                        5)),
            node);
    api = new Api(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  private static String submit(String name, String params) throws Exception {
    Api.Answer r = api.call("PUT", "/api/v1/orchestrator/jobs", Api.noopJob(name, params));
    assertEquals(200, r.status(), r.raw());
    return r.json().get("JobID").asText();
  }

  private static JsonNode awaitState(String id, String state) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonNode job = null;
    while (System.nanoTime() < deadline) {
      job = api.get("/api/v1/orchestrator/jobs/" + id).json().get("Job");
      if (state.equals(job.get("State").get("StateType").asText())) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " never " + state + ": " + job);
  }

  @Test
  void aSubmittedJobRunsAndIsDescribedWithItsHistoryAndExecutions() throws Exception {
    String id = submit("described", "{\"Stdout\": \"hi\\n\"}");
    awaitState(id, "Completed");
    Api.Answer r = api.get("/api/v1/orchestrator/jobs/" + id + "?include=history,executions");
    assertEquals(200, r.status());
    assertEquals("application/json", r.contentType());
    assertEquals(id, r.json().get("Job").get("ID").asText());
    assertFalse(r.json().get("History").get("Items").isEmpty());
    assertEquals("", r.json().get("History").get("NextToken").asText());
    JsonNode exec = r.json().get("Executions").get("Items").get(0);
    assertEquals(id, exec.get("JobID").asText());

    JsonNode plain = api.get("/api/v1/orchestrator/jobs/" + id).json();
    assertFalse(plain.has("History"), "history only when included");

    assertEquals(
        1, api.get("/api/v1/orchestrator/jobs/" + id + "/executions").json().get("Items").size());
    assertEquals(
        1, api.get("/api/v1/orchestrator/jobs/" + id + "/versions").json().get("Items").size());
    JsonNode history = api.get("/api/v1/orchestrator/jobs/" + id + "/history").json();
    assertFalse(history.get("Items").isEmpty());
    assertEquals("", history.get("NextToken").asText(), "a finished job's history has no token");
    JsonNode firstEntry = api.get("/api/v1/orchestrator/jobs/" + id + "/history?limit=1").json();
    long seq = firstEntry.get("Items").get(0).get("SeqNum").asLong();
    String token = firstEntry.get("NextToken").asText();
    assertEquals(
        ":N:1:" + (seq + 1),
        new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8),
        "as in Bacalhau, a history token names the sequence number the next page starts at");
    JsonNode secondEntry =
        api.get("/api/v1/orchestrator/jobs/" + id + "/history?next_token=" + token).json();
    assertEquals(history.get("Items").get(1), secondEntry.get("Items").get(0));
    Api.Answer results = api.get("/api/v1/orchestrator/jobs/" + id + "/results");
    assertEquals(200, results.status(), results.raw());
    assertTrue(results.json().get("Items").isArray());
  }

  @Test
  void listsPageWithTokensAndAcceptPythonStyleParameters() throws Exception {
    for (int i = 0; i < 3; i++) {
      submit("paged-" + i, "{}");
    }
    JsonNode first =
        api.get("/api/v1/orchestrator/jobs?limit=2&order_by=created_at&reverse=False").json();
    assertEquals(2, first.get("Items").size());
    String token = first.get("NextToken").asText();
    assertEquals(
        "created_at:N:2:2",
        new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8),
        "an opaque token in Go Bacalhau's shape, base64url(order:reverse:limit:offset)");
    JsonNode all = api.get("/api/v1/orchestrator/jobs").json();
    JsonNode second = api.get("/api/v1/orchestrator/jobs?next_token=" + token).json();
    assertEquals(all.get("Items").get(2).get("ID"), second.get("Items").get(0).get("ID"));
    assertEquals(2, second.get("Items").size(), "the token carries the page size");
    Api.Answer numeric = api.get("/api/v1/orchestrator/jobs?limit=2&next_token=2");
    assertEquals(400, numeric.status(), numeric.raw());
    assertTrue(
        numeric.json().get("Message").asText().startsWith("invalid next_token '2'"), numeric.raw());
    Api.Answer bad = api.get("/api/v1/orchestrator/jobs?reverse=maybe");
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("Message").asText().contains("reverse"), bad.raw());
  }

  @Test
  void badListParametersNameTheParameterAndWhatIsValid() throws Exception {
    Api.Answer labels = api.get("/api/v1/orchestrator/jobs?labels=cores%20gt%20many");
    assertEquals(400, labels.status(), labels.raw());
    assertTrue(
        labels.json().get("Message").asText().startsWith("invalid labels 'cores gt many'"),
        labels.raw());
    assertTrue(labels.json().get("Hint").asText().contains("zone in (a,b)"), labels.raw());
    String id = submit("listed", "{}");
    Api.Answer order = api.get("/api/v1/orchestrator/jobs/" + id + "/executions?order_by=id");
    assertEquals(400, order.status(), order.raw());
    assertTrue(
        order.json().get("Hint").asText().contains("created_at or modified_at"), order.raw());
    Api.Answer type = api.get("/api/v1/orchestrator/jobs/" + id + "/history?event_type=node");
    assertEquals(400, type.status(), type.raw());
    assertTrue(type.json().get("Hint").asText().contains("all, job or execution"), type.raw());
  }

  @Test
  void nodesAreFilteredByLabelsAndOrderedAsAsked() throws Exception {
    String nodes = "/api/v1/orchestrator/nodes";
    assertEquals(1, api.get(nodes + "?labels=!region").json().get("Nodes").size());
    assertEquals(0, api.get(nodes + "?labels=region%3Deu").json().get("Nodes").size());
    assertEquals(0, api.get(nodes + "?labels=!region&labels=zone").json().get("Nodes").size());
    Api.Answer ordered = api.get(nodes + "?order_by=available_cpu&reverse=True&limit=1");
    assertEquals(200, ordered.status(), ordered.raw());
    assertEquals(1, ordered.json().get("Nodes").size());
    Api.Answer labels = api.get(nodes + "?labels=cores%20gt%20many");
    assertEquals(400, labels.status(), labels.raw());
    assertTrue(labels.json().get("Message").asText().startsWith("invalid labels"), labels.raw());
    Api.Answer order = api.get(nodes + "?order_by=name");
    assertEquals(400, order.status(), order.raw());
    assertTrue(order.json().get("Message").asText().contains("order_by"), order.raw());
    assertTrue(order.json().get("Hint").asText().contains("available_memory"), order.raw());
  }

  @Test
  void diffComparesAJobWithTheStoredJobOfTheSameName() throws Exception {
    submit("diffed", "{\"Stdout\": \"before\"}");
    String diff = "/api/v1/orchestrator/jobs/diff";
    Api.Answer changed = api.call("PUT", diff, Api.noopJob("diffed", "{\"Stdout\": \"after\"}"));
    assertEquals(200, changed.status(), changed.raw());
    String text = changed.json().get("Diff").asText();
    assertTrue(text.contains("before") && text.contains("after"), changed.raw());
    assertTrue(changed.json().get("Warnings").isArray(), changed.raw());
    Api.Answer unnamed =
        api.call(
            "PUT",
            diff,
            """
            {"Job": {"Type": "batch", "Count": 1,
              "Tasks": [{"Name": "main", "Engine": {"Type": "noop"}}]}}
            """);
    assertEquals(400, unnamed.status(), unnamed.raw());
    assertTrue(unnamed.json().get("Message").asText().contains("no name"), unnamed.raw());
    Api.Answer unknown = api.call("PUT", diff, Api.noopJob("never-submitted", "{}"));
    assertEquals(404, unknown.status(), unknown.raw());
    assertEquals("NotFound", unknown.json().get("Code").asText(), unknown.raw());
    assertTrue(unknown.json().get("Message").asText().contains("never-submitted"), unknown.raw());
  }

  @Test
  void aRunningJobIsStoppedAndRerun() throws Exception {
    String id = submit("stopped", "{\"SleepMillis\": 20000}");
    awaitState(id, "Running");
    Api.Answer stop =
        api.call("DELETE", "/api/v1/orchestrator/jobs/" + id + "?reason=enough", null);
    assertEquals(200, stop.status(), stop.raw());
    assertFalse(stop.json().get("EvaluationID").asText().isEmpty());
    awaitState(id, "Stopped");
    Api.Answer rerun =
        api.call("PUT", "/api/v1/orchestrator/jobs/" + id + "/rerun", "{\"reason\": \"again\"}");
    assertEquals(200, rerun.status(), rerun.raw());
    assertEquals(id, rerun.json().get("JobID").asText());
    assertEquals(2, rerun.json().get("JobVersion").asLong());
    api.call("DELETE", "/api/v1/orchestrator/jobs/" + id, null);
  }

  @Test
  void logsAreFollowedOverAWebSocketLineByLine() throws Exception {
    String id = submit("logged", "{\"Stdout\": \"one\\ntwo\\n\", \"SleepMillis\": 300}");
    try (LogFollower logs = LogFollower.follow(server.port(), id)) {
      assertEquals(
          1000,
          logs.awaitClose(Duration.ofSeconds(30)).status(),
          "a normal close after the last line");
      assertEquals(
          List.of(
              "{\"value\":{\"Type\":1,\"Line\":\"one\\n\"}}",
              "{\"value\":{\"Type\":1,\"Line\":\"two\\n\"}}"),
          logs.frames());
    }
  }

  @Test
  void authConfigAndSignInMethodsAnswerInBacalhausShapes() throws Exception {
    Api.Answer authconfig = api.get("/api/v1/agent/authconfig");
    assertEquals(200, authconfig.status());
    assertEquals(
        "{\"Version\":\"1.0.0\",\"Config\":{\"ProviderID\":\"okta\",\"ProviderName\":\"Okta\","
            + "\"TokenEndpoint\":\"https://sso.example/token\",\"Issuer\":\"https://sso.example\","
            + "\"DeviceClientID\":\"cli-client\",\"Audience\":\"bacalhau\","
            + "\"Scopes\":[\"openid\",\"profile\"],"
            + "\"DeviceAuthorizationEndpoint\":\"https://sso.example/device\","
            + "\"PollingInterval\":5}}",
        authconfig.raw(),
        "unset keys (JWKSUri) left out, as Bacalhau leaves them out");
    Api.Answer methods = api.get("/api/v1/auth");
    assertEquals("{\"NextToken\":\"\",\"Methods\":{}}", methods.raw(), "no passwords, no sign-in");
    Api.Answer password = api.call("POST", "/api/v1/auth/Password", "{}");
    assertEquals(404, password.status(), password.raw());
    assertTrue(password.json().get("Message").asText().contains("it offers none"), password.raw());
  }

  @Test
  void agentRoutesAnswerAndTheOldPathsRedirect() throws Exception {
    assertEquals("OK", api.get("/api/v1/agent/alive").json().get("Status").asText());
    JsonNode version = api.get("/api/v1/agent/version").json();
    assertTrue(version.get("GitVersion").asText().startsWith("v"), version.toString());
    assertNotNull(api.get("/api/v1/agent/node").json().get("NodeID"));
    assertEquals(
        "********", api.get("/api/v1/agent/config").json().at("/config/API/Auth/Users").asText());
    assertTrue(api.get("/api/v1/agent/debug").json().has("Runtime"));
    String livez = Api.curl("-L", "http://127.0.0.1:" + server.port() + "/livez");
    assertEquals("{\"Status\":\"OK\"}", livez);
    JsonNode nodes = api.get("/api/v1/orchestrator/nodes").json();
    assertEquals("APPROVED", nodes.get("Nodes").get(0).get("Membership").asText());
    assertEquals("CONNECTED", nodes.get("Nodes").get(0).get("Connection").asText());
    String nodeId = nodes.get("Nodes").get(0).at("/Info/NodeID").asText();
    assertEquals(
        nodeId,
        api.get("/api/v1/orchestrator/nodes/" + nodeId.substring(0, 5))
            .json()
            .at("/Node/Info/NodeID")
            .asText());
    Api.Answer approve =
        api.call("PUT", "/api/v1/orchestrator/nodes/" + nodeId, "{\"Action\": \"approve\"}");
    assertEquals(400, approve.status());
    assertTrue(approve.json().get("Message").asText().contains("already approved"));
  }

  @Test
  void curlSubmitsAndReadsBackAJob() throws Exception {
    String base = "http://127.0.0.1:" + server.port();
    String put =
        Api.curl(
            "-X",
            "PUT",
            "-H",
            "Content-Type: application/json",
            "--data",
            Api.noopJob("curled", "{}"),
            base + "/api/v1/orchestrator/jobs");
    String id = Api.JSON.readTree(put).get("JobID").asText();
    JsonNode got = Api.JSON.readTree(Api.curl(base + "/api/v1/orchestrator/jobs/" + id));
    assertEquals("curled", got.at("/Job/Name").asText());
  }

  @Test
  void badRequestsGetBacalhauErrorBodies() throws Exception {
    Api.Answer malformed = api.call("PUT", "/api/v1/orchestrator/jobs", "{\"Job\": ");
    assertEquals(400, malformed.status(), malformed.raw());
    assertEquals("BadRequest", malformed.json().get("Code").asText());
    assertFalse(malformed.json().get("RequestID").asText().isEmpty());

    Api.Answer wrongType =
        api.call("PUT", "/api/v1/orchestrator/jobs/x/rerun", "{\"JobVersion\": \"two\"}");
    assertEquals(400, wrongType.status(), wrongType.raw());
    assertTrue(wrongType.json().get("Message").asText().contains("JobVersion"), wrongType.raw());

    Api.Answer invalid =
        api.call(
            "PUT",
            "/api/v1/orchestrator/jobs",
            "{\"job\": {\"Type\": \"batch\", \"Count\": \"many\", \"Tasks\": [{\"Name\": \"main\","
                + " \"Engine\": {\"Type\": \"\"}}]}}");
    assertEquals(400, invalid.status(), invalid.raw());
    JsonNode details = invalid.json().get("Details");
    assertTrue(details.has("Count"), invalid.raw());
    assertTrue(details.size() >= 2, "every problem is listed: " + invalid.raw());

    Api.Answer unknownJob = api.get("/api/v1/orchestrator/jobs/j-nosuchjob");
    assertEquals(404, unknownJob.status(), unknownJob.raw());

    Api.Answer unknownRoute = api.get("/api/v1/nowhere");
    assertEquals(404, unknownRoute.status());
    assertEquals("application/json", unknownRoute.contentType());
    assertTrue(unknownRoute.json().get("Message").asText().contains("GET /api/v1/nowhere"));
    assertEquals("APIServer", unknownRoute.json().get("Component").asText());

    String huge = "{\"Job\": {\"Name\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}}";
    Api.Answer tooLarge = api.call("PUT", "/api/v1/orchestrator/jobs", huge);
    assertEquals(413, tooLarge.status());
  }

  @Test
  void aDroppedWebSocketStopsItsStream() throws Exception {
    String id = submit("dropped", "{\"SleepMillis\": 5000}");
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:"
                        + server.port()
                        + "/api/v1/orchestrator/jobs/"
                        + id
                        + "/logs?follow=true"),
                new WebSocket.Listener() {})
            .get(10, TimeUnit.SECONDS);
    ws.abort();
    Thread.sleep(Duration.ofMillis(300));
    assertEquals("OK", api.get("/api/v1/agent/alive").json().get("Status").asText());
    api.call("DELETE", "/api/v1/orchestrator/jobs/" + id, null);
  }
}
