package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.client.api.GetJobResponse;
import io.bacalhau.core.client.api.ListResponse;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API writes its answers with a faster mapper than core's (generated accessors instead of
 * reflection); what it sends must stay byte for byte what core's mapper writes of the same records,
 * since clients and Bacalhau's tools read it.
 */
class ApiJsonShapeTest {
  private static final ObjectMapper CORE = Codecs.json();
  private static final String JOBS = "/api/v1/orchestrator/jobs";

  @TempDir static Path dataDir;
  static EmbeddedNodeClient node;
  static ApiServer server;
  static Api api;
  static String id;

  @BeforeAll
  static void start() throws Exception {
    node = EmbeddedNodeTestSupport.client(dataDir);
    node.startWorking();
    server = ApiServer.start(ServerSettings.open("127.0.0.1", 0), node);
    api = new Api(server.port());
    // A job that touches many of the models' types: labels, meta, constraints, resources,
    // timeouts, nested plugin params, env and a result path.
    String body =
        """
        {"Job": {"Name": "shape", "Type": "batch", "Count": 1, "Priority": 2,
          "Labels": {"team": "api", "z": "1"}, "Meta": {"owner": "me"},
          "Constraints": [{"Key": "name", "Operator": "exists"}],
          "Tasks": [{"Name": "main",
            "Engine": {"Type": "noop", "Params": {"Nested": {"A": [1, 2.5, true, null]}}},
            "Publisher": {"Type": "noop"}, "Env": {"GREETING": "hi"},
            "Resources": {"CPU": "0.1", "Memory": "16Mb"},
            "Timeouts": {"ExecutionTimeout": 60, "TotalTimeout": 120},
            "ResultPaths": [{"Name": "out", "Path": "/outputs"}]}]}}
        """;
    Api.Answer put = api.call("PUT", JOBS, body);
    assertEquals(200, put.status(), put.raw());
    id = put.json().get("JobID").asText();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!node.job(id, "").stateType().isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  @Test
  void aJobWithItsHistoryAndExecutionsIsWrittenAsCoreWritesIt() throws Exception {
    Job job = node.job(id, "");
    String expected =
        CORE.writeValueAsString(
            new GetJobResponse(
                job,
                ListResponse.of(
                    node.history(id, new HistoryQuery(job.version(), false, "all", "", 0))),
                ListResponse.of(node.executions(id, job.version()))));
    assertEquals(expected, api.get(JOBS + "/" + id + "?include=history,executions").raw());
    assertEquals(
        CORE.writeValueAsString(new GetJobResponse(job, null, null)),
        api.get(JOBS + "/" + id).raw());
  }

  @Test
  void listsAreWrittenAsCoreWritesThem() throws Exception {
    assertEquals(
        CORE.writeValueAsString(
            new ListResponse<>(
                node.executions(id, new ExecutionQuery(0, false, "created_at", false, 0, 0)), "")),
        api.get(JOBS + "/" + id + "/executions").raw());
    assertEquals(
        CORE.writeValueAsString(ListResponse.of(node.versions(id))),
        api.get(JOBS + "/" + id + "/versions").raw());
    assertEquals(
        CORE.writeValueAsString(
            new ListResponse<>(
                node.list(new JobQuery("", List.of(), "created_at", false, 0, 0)), "")),
        api.get(JOBS).raw());
  }
}
