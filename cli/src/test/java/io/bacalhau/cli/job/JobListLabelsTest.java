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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job list --labels}: a label selector picks the jobs, page by page. */
class JobListLabelsTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(dataDir);
    submit("web", "{env: prod, tier: web}");
    submit("db", "{env: prod, tier: db}");
    submit("dev", "{env: dev}");
    submit("plain", "{}");
  }

  private void submit(String name, String labels) throws IOException {
    Path file = dataDir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
        Name: %s
        Type: batch
        Count: 1
        Labels: %s
        Tasks:
          - Name: main
            Engine: {Type: noop}
        """
            .formatted(name, labels));
    CliRunner.Result run = cli.run("job", "run", "--id-only", file.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
  }

  private String names(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "job";
    all[1] = "list";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--no-style";
    all[args.length + 3] = "--hide-header";
    CliRunner.Result r = cli.run(all);
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    return r.out()
        .lines()
        .filter(l -> l.contains("batch"))
        .map(l -> l.strip().split("\\s+")[2])
        .reduce((a, b) -> a + " " + b)
        .orElse("");
  }

  @Test
  void aSelectorListsOnlyTheJobsWhoseLabelsMatch() {
    Approvals.verify(
        "job-list-labels",
        Scrub.of(cli.run("job", "list", "--labels", "env=prod,tier!=db", "--no-style").out()));
    assertEquals("web db", names("--labels", "env=prod"));
    assertEquals("web db dev", names("--labels", "env in (prod, dev)"));
    assertEquals("dev plain", names("--labels", "env notin (prod)"));
    assertEquals("plain", names("--labels", "!env"));
    assertEquals("web db dev plain", names());
  }

  @Test
  void theNextPageKeepsTheSelector() {
    CliRunner.Result first = cli.run("job", "list", "--labels", "env", "--limit", "2");
    assertTrue(first.out().contains("web") && first.out().contains("db"), first.out());
    Matcher m =
        Pattern.compile("bacalhau job list --limit 2 --labels 'env' --next-token (\\S+)")
            .matcher(first.out());
    assertTrue(m.find(), first.out());
    assertEquals("dev", names("--labels", "env", "--limit", "2", "--next-token", m.group(1)));
  }

  @Test
  void aBadSelectorIsAUsageErrorNamingTheFlag() {
    CliRunner.Result r = cli.run("job", "list", "--labels", "cores gt many");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(
        r.err()
            .contains(
                "Error: --labels 'cores gt many': 'cores gt many' compares with a non-integer"
                    + " 'many'"),
        r.err());
    assertTrue(r.err().contains("zone in (a,b)"), r.err());
  }
}
