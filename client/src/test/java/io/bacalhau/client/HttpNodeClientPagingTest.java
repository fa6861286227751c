package io.bacalhau.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.jobspec.JobSpecParser;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.server.ApiServer;
import io.bacalhau.server.ServerSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages past the first, asked for over HTTP. The server reads only Bacalhau's paging tokens (as Go
 * Bacalhau's does), so these pass only when the client sends them in that shape; it once sent bare
 * offsets, which a Go server refuses.
 */
class HttpNodeClientPagingTest {
  @TempDir static Path dataDir;
  static EmbeddedNodeClient node;
  static ApiServer server;
  static HttpNodeClient client;
  static String trio;

  @BeforeAll
  static void start() throws Exception {
    node = EmbeddedNodeTestSupport.client(dataDir);
    node.startWorking();
    server = ApiServer.start(ServerSettings.open("127.0.0.1", 0), node);
    client =
        new HttpNodeClient(
            new ApiEndpoint(
                URI.create("http://127.0.0.1:" + server.port()),
                null,
                null,
                false,
                Duration.ofSeconds(30)),
            (results, out, raw, stall) -> {});
    // Three versions of one execution each: the embedded node is one node, which holds one
    // partition of a job (Count 3 there fails with not enough nodes, as Bacalhau's does).
    for (int version = 1; version <= 3; version++) {
      trio = submit("trio", 1, version);
      awaitCompleted(trio);
    }
    submit("solo", 1, 1);
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  private static String submit(String name, int count, int version) {
    String spec =
        """
        {"Name": "%s", "Type": "batch", "Count": %d,
         "Tasks": [{"Name": "main", "Engine": {"Type": "noop", "Params": {"Stdout": "v%d"}}}]}
        """
            .formatted(name, count, version);
    Job job = JobSpecParser.readSubmitted("test", spec.getBytes(StandardCharsets.UTF_8)).job();
    return node.submit(job, false).jobId();
  }

  private static void awaitCompleted(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!node.job(id, "").stateType().isTerminal()) {
      assertTrue(System.nanoTime() < deadline, "job " + id + " never ended");
      node.awaitChange(Duration.ofMillis(200));
    }
  }

  @Test
  void jobListPagesFollowOn() {
    List<Job> all = client.list(new JobQuery("", List.of(), "created_at", false, 0, 0));
    List<Job> second = client.list(new JobQuery("", List.of(), "created_at", false, 1, 1));
    assertEquals(List.of(all.get(1).id()), second.stream().map(Job::id).toList());
  }

  @Test
  void executionPagesFollowOn() {
    List<Execution> all =
        client.executions(trio, new ExecutionQuery(0, true, "created_at", false, 0, 0));
    assertEquals(3, all.size());
    List<Execution> rest =
        client.executions(trio, new ExecutionQuery(0, true, "created_at", false, 2, 1));
    assertEquals(
        all.subList(1, 3).stream().map(Execution::id).toList(),
        rest.stream().map(Execution::id).toList());
  }

  @Test
  void historyPagesStartAfterTheLastEntrySeen() {
    HistoryQuery everyVersion = new HistoryQuery(0, true, "all", "", 0);
    List<JobHistory> all = client.history(trio, everyVersion);
    assertTrue(all.size() > 5, "a finished job of three executions has a history");
    long third = all.get(2).seqNum();
    List<JobHistory> next = client.history(trio, everyVersion.after(third).limitedTo(2));
    assertEquals(
        all.subList(3, 5).stream().map(JobHistory::seqNum).toList(),
        next.stream().map(JobHistory::seqNum).toList());
  }
}
