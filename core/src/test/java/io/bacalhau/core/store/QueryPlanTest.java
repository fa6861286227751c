package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.LabelSelectors;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands must stay quick however many jobs the store holds: no statement the node runs may read a
 * whole table. SQLite's query plans say so: a table scan is allowed only through a partial index
 * (which holds unfinished work alone) or, for listing pages, an index walk with a LIMIT.
 */
class QueryPlanTest {
  private static final Set<String> GROWING =
      Set.of("jobs", "job_versions", "executions", "evaluations", "history");
  private static final Set<String> PARTIAL_INDEXES = Set.of("jobs_active", "evaluations_pending");
  private static final Pattern SCAN =
      Pattern.compile("SCAN (\\w+)(?: AS \\w+)?(?: USING (?:COVERING )?INDEX (\\w+))?");

  @TempDir Path dataDir;

  @Test
  void noStatementOfARunningNodeReadsAWholeTable() throws Exception {
    Set<String> sql;
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Job job = EmbeddedNodeTestSupport.noopJob("plan-" + i, Map.of("Stdout", "hi\n"));
        ids.add(client.submit(job, false).jobId());
      }
      for (String id : ids) {
        EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      }
      String first = ids.getFirst();
      client.submit(EmbeddedNodeTestSupport.noopJob("plan-0", Map.of("Stdout", "again\n")), true);
      client.describe(first.substring(0, 6), "", 0);
      client.describe("plan-1", "", 0);
      client.list(JobQuery.all());
      client.list(new JobQuery("", "modified_at", true, 10, 0));
      // job list --labels: each operator, as the driving requirement and as a further one.
      for (String selector :
          List.of(
              "env=prod,tier!=db,zone in (a,b),cores gt 2,cores lt 9,ssd,!spot,arch notin (arm)",
              "zone in (a,b),env",
              "cores gt 2",
              "ssd",
              "!spot,tier!=db")) {
        client.list(
            new JobQuery("default", LabelSelectors.parse(selector), "created_at", false, 10, 0));
      }
      client.versions(first);
      // job executions and job history with their list flags.
      client.executions(first, new ExecutionQuery(0, false, "modified_at", true, 5, 5));
      client.executions(first, new ExecutionQuery(1, true, "created_at", false, 0, 0));
      client.history(first, new HistoryQuery(0, false, "execution", "e-", 3, 5, true));
      client.history(first, new HistoryQuery(1, true, "job", "", 0, 5, false));
      // A job is rerun once its version is over (under load the new version can still be Pending).
      EmbeddedNodeTestSupport.awaitTerminal(client, first, Duration.ofSeconds(30));
      client.rerun(first, "", 0, "test");
      JobStore store = client.node().store();
      store.read(r -> r.jobsWithWork());
      store.read(r -> r.pendingEvaluations("someone"));
      sql = store.sqlRun();
    }
    assertTrue(sql.size() > 15, "only " + sql.size() + " statements seen: " + sql);

    List<String> scans = new ArrayList<>();
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("orchestrator/jobs.db"))) {
      for (String statement : sql) {
        for (String step : plan(c, statement)) {
          Matcher m = SCAN.matcher(step);
          if (m.find() && GROWING.contains(m.group(1)) && !allowed(m.group(2), statement)) {
            scans.add(step + "  <-  " + statement);
          }
        }
      }
    }
    assertEquals(List.of(), scans);
  }

  private static boolean allowed(String index, String statement) {
    return index != null && (PARTIAL_INDEXES.contains(index) || statement.contains(" LIMIT "));
  }

  private static List<String> plan(Connection c, String statement) throws Exception {
    if (!statement.startsWith("SELECT")
        && !statement.startsWith("UPDATE")
        && !statement.startsWith("DELETE")) {
      return List.of();
    }
    List<String> steps = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + statement)) {
      for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
        ps.setObject(i, null);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString("detail"));
        }
      }
    }
    return steps;
  }
}
