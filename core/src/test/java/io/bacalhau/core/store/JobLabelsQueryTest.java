package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.LabelSelectors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job list --labels}: the store answers label selectors from its label index. */
class JobLabelsQueryTest {
  @TempDir Path dir;
  JobStore store;

  @BeforeEach
  void setUp() {
    store = JobStore.open(dir.resolve("jobs.db"));
    put("web", "default", Map.of("env", "prod", "tier", "web"), 1);
    put("db", "default", Map.of("env", "prod", "tier", "db"), 2);
    put("dev", "default", Map.of("env", "dev"), 3);
    put("plain", "default", Map.of(), 4);
    put("big", "default", Map.of("cores", "8"), 5);
    put("odd", "default", Map.of("cores", "many"), 6);
    put("other", "team", Map.of("env", "prod"), 7);
  }

  private void put(String name, String namespace, Map<String, String> labels, long created) {
    Job job =
        Job.builder()
            .id("j-0000000" + created)
            .name(name)
            .namespace(namespace)
            .type("batch")
            .labels(labels)
            .version(1)
            .createTime(created)
            .modifyTime(created)
            .build();
    store.writeVoid(tx -> tx.putJob(job, "test"));
  }

  private List<String> names(String namespace, String selector) {
    JobQuery q = new JobQuery(namespace, LabelSelectors.parse(selector), "created_at", false, 0, 0);
    return store.read(r -> r.jobs(q)).stream().map(Job::name).toList();
  }

  @Test
  void everyOperatorSelectsTheJobsItShould() {
    assertEquals(List.of("web", "db", "other"), names("", "env=prod"));
    assertEquals(List.of("web", "db"), names("default", "env==prod"));
    assertEquals(List.of("web", "other"), names("", "env=prod,tier!=db"));
    assertEquals(
        List.of("web", "db", "dev"), names("default", "env in (dev, prod),tier!=x,!cores"));
    assertEquals(List.of("dev", "plain", "big", "odd"), names("default", "env notin (prod)"));
    assertEquals(List.of("plain", "big", "odd"), names("", "!env"));
    assertEquals(List.of("web", "db", "dev", "other"), names("", "env"));
    assertEquals(List.of("big"), names("", "cores gt 4"));
    assertEquals(List.of(), names("", "cores lt 8"));
    assertEquals(List.of("db"), names("", "tier=db,env"));
    assertEquals(List.of(), names("", "env=prod,env=dev"));
  }

  @Test
  void pagesAndOrderApplyToTheSelectedJobs() {
    JobQuery q = new JobQuery("", LabelSelectors.parse("env=prod"), "modified_at", true, 2, 1);
    assertEquals(List.of("db", "web"), store.read(r -> r.jobs(q)).stream().map(Job::name).toList());
  }

  @Test
  void aNewVersionsLabelsReplaceTheOldOnes() {
    put("web", "default", Map.of("env", "staging"), 1);
    assertEquals(List.of("db", "other"), names("", "env=prod"));
    assertEquals(List.of("web"), names("", "env=staging"));
  }

  /** A data dir written before the label index: opening it fills the index from the jobs. */
  @Test
  void theMigrationIndexesTheLabelsOfJobsAlreadyStored() throws Exception {
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobs.db"));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE job_labels");
      s.execute("DROP INDEX jobs_by_modify");
      s.execute("PRAGMA user_version = 2");
    }
    store = JobStore.open(dir.resolve("jobs.db"));
    assertEquals(List.of("web", "db", "other"), names("", "env=prod"));
    assertEquals(List.of("big"), names("", "cores gt 7"));
  }
}
