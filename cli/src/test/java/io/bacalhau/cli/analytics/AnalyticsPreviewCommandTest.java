package io.bacalhau.cli.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsPreviewCommandTest {
  @TempDir Path dataDir;

  private String runJob(CliRunner cli, String name, String params) throws Exception {
    Path spec = dataDir.resolve(name + ".yaml");
    Files.writeString(
        spec,
        """
        Name: %s
        Type: batch
        Count: 1
        Tasks:
          - Name: main
            Env:
              API_TOKEN: s3cr3t-token-value
            Engine:
              Type: noop
              Params: %s
        """
            .formatted(name, params));
    // No retries: one execution keeps the test short.
    CliRunner.Result run =
        cli.run(
            "-c",
            "Orchestrator.Scheduler.MaxRetries=0",
            "job",
            "run",
            "--id-only",
            spec.toString());
    return run.out().strip();
  }

  @Test
  void previewShowsEveryRecordOfAJobWithoutItsContents() throws Exception {
    CliRunner cli =
        new CliRunner(dataDir).env("XDG_CONFIG_HOME", dataDir.resolve("xdg").toString());
    String id = runJob(cli, "broken", "{Error: \"boom at /home/alice/data.csv\"}");

    CliRunner.Result preview = cli.run("analytics", "preview", id);

    assertEquals(ExitCode.OK, preview.exitCode(), preview.toString());
    JsonNode shown = new ObjectMapper().readTree(preview.out());
    assertTrue(shown.get("enabled").asBoolean());
    assertEquals(
        Set.of("installation_id", "instance_id", "node_id_hash", "node_type", "node_version"),
        names(shown.get("resource")));
    List<String> types = new ArrayList<>();
    shown.get("records").forEach(r -> types.add(r.get("event_name").asText()));
    // Submit first, job terminal last; each (retried) execution: create, its message, terminal.
    assertEquals("bacalhau.job_v1.submit", types.get(0));
    assertEquals("bacalhau.job_v1.terminal", types.get(types.size() - 1));
    List<String> perExecution =
        List.of(
            "bacalhau.execution_v1.create",
            "bacalhau.execution_v1.compute_message",
            "bacalhau.execution_v1.terminal");
    List<String> middle = types.subList(1, types.size() - 1);
    assertTrue(!middle.isEmpty() && middle.size() % 3 == 0, types.toString());
    for (int i = 0; i < middle.size(); i += 3) {
      assertEquals(perExecution, middle.subList(i, i + 3), types.toString());
    }
    JsonNode submit = shown.get("records").get(0).get("body");
    assertEquals(id, submit.get("job_id").asText());
    assertEquals(1, submit.get("task_env_var_count").asInt());
    assertEquals(
        "Failed", shown.get("records").get(types.size() - 1).get("body").get("state").asText());
    for (String secret : List.of("s3cr3t-token-value", "/home/alice", "boom")) {
      assertFalse(preview.out().contains(secret), secret + " in " + preview.out());
    }
    assertFalse(
        Files.exists(dataDir.resolve("xdg/bacalhau/installation_id")),
        "preview only looks; it makes no installation ID");
  }

  @Test
  void previewSaysSoWhenAnalyticsIsOff() throws Exception {
    CliRunner cli = new CliRunner(dataDir).env("BACALHAU_DISABLEANALYTICS", "true");
    String id = runJob(cli, "quiet", "{}");

    CliRunner.Result preview = cli.run("analytics", "preview", id);

    assertEquals(ExitCode.OK, preview.exitCode(), preview.toString());
    assertFalse(new ObjectMapper().readTree(preview.out()).get("enabled").asBoolean());
    assertTrue(preview.err().contains("none of this is sent"), preview.err());
  }

  @Test
  void anUnknownJobIsAClearError() {
    CliRunner.Result preview = new CliRunner(dataDir).run("analytics", "preview", "j-nope");

    assertEquals(ExitCode.ERROR, preview.exitCode(), preview.toString());
    assertTrue(preview.err().contains("j-nope"), preview.err());
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
