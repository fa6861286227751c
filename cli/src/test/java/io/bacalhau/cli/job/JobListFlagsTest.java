package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.Scrub;
import io.bacalhau.testing.Approvals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list flags of {@code job history}, {@code job executions} and {@code job logs}. */
class JobListFlagsTest {
  private static final Pattern NEXT = Pattern.compile("--next-token (\\S+)");

  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(dataDir);
    submit("one");
    submit("two"); // the same name: version 2
  }

  private void submit(String stdout) throws IOException {
    Path file = dataDir.resolve("trio.yaml");
    Files.writeString(
        file,
        """
        Name: trio
        Type: batch
        Count: 1
        Tasks:
          - Name: main
            Engine: {Type: noop, Params: {Stdout: "%s\\n"}}
        """
            .formatted(stdout));
    CliRunner.Result run = cli.run("job", "run", "--id-only", file.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
  }

  private List<String> rows(CliRunner.Result r) {
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    return r.out().lines().filter(l -> l.contains("e-") || l.contains("Level")).toList();
  }

  private static String token(CliRunner.Result r) {
    Matcher m = NEXT.matcher(r.out());
    assertTrue(m.find(), r.toString());
    return m.group(1);
  }

  @Test
  void executionsPageThroughTheChosenVersions() {
    // Count 1: the embedded node is one node, and one node holds one partition of a job.
    CliRunner.Result first =
        cli.run("job", "executions", "trio", "--all-versions", "--limit", "1", "--no-style");
    assertEquals(1, rows(first).size(), first.out());
    assertTrue(first.out().contains("To fetch more records use:"), first.out());
    CliRunner.Result second =
        cli.run(
            "job",
            "executions",
            "trio",
            "--all-versions",
            "--limit",
            "1",
            "--next-token",
            token(first));
    assertEquals(1, rows(second).size(), second.out());
    assertTrue(!second.out().contains("To fetch more"), second.out());

    assertEquals(2, rows(cli.run("job", "executions", "trio", "--all-versions")).size());
    assertEquals(1, rows(cli.run("job", "executions", "trio")).size());
    List<String> v1 = rows(cli.run("job", "executions", "trio", "-v", "1", "--no-style"));
    assertEquals(1, v1.size());
    assertTrue(v1.stream().allMatch(l -> l.matches(".*e-\\w+\\s+1\\s+n-.*")), v1.toString());

    List<String> oldestFirst = rows(cli.run("job", "executions", "trio", "--all-versions"));
    List<String> newestFirst =
        rows(
            cli.run(
                "job",
                "executions",
                "trio",
                "--all-versions",
                "--order-by",
                "created_at",
                "--order-reversed"));
    assertEquals(oldestFirst.getFirst(), newestFirst.getLast());
  }

  @Test
  void historyFiltersAndPages() {
    List<String> jobLevel = rows(cli.run("job", "history", "trio", "--event-type", "job"));
    assertTrue(jobLevel.stream().allMatch(l -> l.contains("JobLevel")), jobLevel.toString());
    List<String> executionLevel =
        rows(cli.run("job", "history", "trio", "--event-type", "execution"));
    assertTrue(
        executionLevel.stream().allMatch(l -> l.contains("ExecutionLevel")),
        executionLevel.toString());
    String someExecution = executionLevel.getFirst().replaceAll(".*(e-[0-9a-f]{8}).*", "$1");
    List<String> ofOne =
        rows(cli.run("job", "history", "trio", "--execution-id", someExecution.substring(0, 6)));
    assertTrue(ofOne.stream().allMatch(l -> l.contains(someExecution)), ofOne.toString());

    int latest = rows(cli.run("job", "history", "trio")).size();
    int all = rows(cli.run("job", "history", "trio", "--all-versions")).size();
    int first = rows(cli.run("job", "history", "trio", "--version", "1")).size();
    assertEquals(all, latest + first);

    CliRunner.Result page = cli.run("job", "history", "trio", "--limit", "2", "--no-style");
    Approvals.verify("job-history-page", Scrub.of(page.out()).replaceAll("token \\S+", "token T"));
    CliRunner.Result next =
        cli.run("job", "history", "trio", "--limit", "2", "--next-token", token(page));
    // The next page goes on where the first stopped: the one execution's next event.
    assertTrue(rows(next).getFirst().contains("Running"), next.out());

    List<String> newest =
        rows(cli.run("job", "history", "trio", "--order-reversed", "--limit", "1"));
    assertTrue(newest.getFirst().contains("Completed"), newest.toString());
  }

  @Test
  void logsOfAVersionAndTail() {
    assertEquals("two\n", cli.run("job", "logs", "trio").out());
    assertEquals("one\n", cli.run("job", "logs", "trio", "-v", "1").out());
    CliRunner.Result tail = cli.run("job", "logs", "trio", "--tail");
    assertEquals(ExitCode.OK, tail.exitCode(), tail.toString());
    assertEquals("", tail.out());
    CliRunner.Result missing = cli.run("job", "logs", "trio", "--version", "7");
    assertEquals(ExitCode.ERROR, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("has no version 7 (its latest is 2)"), missing.err());
  }

  @Test
  void badValuesNameTheFlagAndWhatIsValid() {
    CliRunner.Result order = cli.run("job", "executions", "trio", "--order-by", "id");
    assertEquals(ExitCode.USAGE, order.exitCode(), order.toString());
    assertTrue(order.err().contains("invalid --order-by 'id'"), order.err());
    assertTrue(order.err().contains("Use created_at or modified_at."), order.err());
    CliRunner.Result type = cli.run("job", "history", "trio", "--event-type", "node");
    assertEquals(ExitCode.USAGE, type.exitCode(), type.toString());
    assertTrue(type.err().contains("Use all, job or execution."), type.err());
    CliRunner.Result limit = cli.run("job", "history", "trio", "--limit", "-1");
    assertEquals(ExitCode.USAGE, limit.exitCode(), limit.toString());
    assertTrue(limit.err().contains("invalid --limit -1"), limit.err());
    CliRunner.Result token = cli.run("job", "executions", "trio", "--next-token", "nonsense");
    assertEquals(ExitCode.USAGE, token.exitCode(), token.toString());
    assertTrue(token.err().contains("invalid --next-token 'nonsense'"), token.err());
  }
}
