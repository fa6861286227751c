package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps the record it wrote for a row's text and hands it to later reads instead of
 * decoding the row again ({@link DecodedRows}). That is only right if the text decodes to that very
 * record, maps iterating in the same order: a node runs jobs of every outcome, and each row kept is
 * decoded afresh and compared.
 */
class StoredRowsRoundTripTest {
  @TempDir Path dir;

  @Test
  void everyRowANodeWritesDecodesToTheRecordItWrote() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dir)) {
      List<String> ids = new ArrayList<>();
      ids.add(submit(client, "ok", Map.of("Stdout", "hello\n", "Files", Map.of("out.txt", "x"))));
      ids.add(submit(client, "exit-3", Map.of("ExitCode", 3, "Stderr", "bad\n")));
      ids.add(submit(client, "runner-error", Map.of("Error", "engine broke")));
      Job labelled =
          EmbeddedNodeTestSupport.noopJob("labelled", Map.of("SleepMillis", 1.5)).toBuilder()
              .labels(Map.of("team", "a", "tier", "2"))
              .meta(Map.of("owner", "someone"))
              .count(2)
              .build();
      ids.add(client.submit(labelled, false).jobId());
      for (String id : ids) {
        EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      }
      String stopped = submit(client, "stopped", Map.of("SleepMillis", 60_000));
      client.stop(stopped, "", "enough");
      EmbeddedNodeTestSupport.awaitTerminal(client, stopped, Duration.ofSeconds(30));
      client.rerun(ids.get(0), "", 0, "again");
      EmbeddedNodeTestSupport.awaitTerminal(client, ids.get(0), Duration.ofSeconds(30));
    }
    int compared = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storeFile());
        Statement s = c.createStatement()) {
      compared += compare(s, "SELECT json FROM jobs", Job.class);
      compared += compare(s, "SELECT json FROM job_versions", Job.class);
      compared += compare(s, "SELECT json FROM executions", Execution.class);
      compared += compare(s, "SELECT json FROM evaluations", Evaluation.class);
      compared += compare(s, "SELECT json FROM history", JobHistory.class);
    }
    assertTrue(compared > 20, "only " + compared + " rows were kept to compare");
  }

  private Path storeFile() {
    return dir.resolve("orchestrator").resolve("jobs.db");
  }

  private static String submit(EmbeddedNodeClient client, String name, Map<String, Object> params) {
    return client.submit(EmbeddedNodeTestSupport.noopJob(name, params), false).jobId();
  }

  private static int compare(Statement s, String sql, Class<?> type) throws Exception {
    int compared = 0;
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String json = rs.getString(1);
        Object kept = DecodedRows.cached(type, json);
        if (kept != null) {
          Object fresh = Codecs.json().readValue(json, type);
          assertEquals(fresh, kept, json);
          // Maps iterate alike too (equals ignores their order; what prints them does not).
          assertEquals(fresh.toString(), kept.toString(), json);
          compared++;
        }
      }
    }
    return compared;
  }
}
