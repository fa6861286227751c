package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results published with the local publisher and fetched with {@code job get}. */
class JobGetTest {
  @TempDir Path dataDir;
  @TempDir Path work;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir).workingDir(work);
  }

  /**
   * Count 2 on the one embedded node runs one partition after the other: the QueueTimeout lets the
   * second wait for the node, which holds one live partition of a job at a time.
   */
  private void run(String name, int count, String params) throws IOException {
    Path spec = work.resolve(name + ".yaml");
    Files.writeString(
        spec,
        """
        Name: %s
        Type: batch
        Count: %d
        Tasks:
          - Name: main
            Engine: {Type: noop, Params: %s}
            Publisher: {Type: local}
            ResultPaths: [{Name: outputs, Path: /outputs}]
            Timeouts: {QueueTimeout: 60}
        """
            .formatted(name, count, params));
    CliRunner.Result run = cli.run("job", "run", spec.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
  }

  @Test
  void resultsOfSeveralExecutionsAreMergedIntoJobFolder() throws IOException {
    run("merged", 2, "{Stdout: \"hi\\n\", Files: {outputs/part.txt: data}}");
    CliRunner.Result get = cli.run("job", "get", "merged", "--output-dir", "both");
    // Both executions wrote outputs/part.txt: that clash is an error, not a silent overwrite.
    assertEquals(ExitCode.ERROR, get.exitCode(), get.toString());
    assertTrue(get.err().contains("cannot merge results as output already exists"), get.err());
    assertTrue(get.err().contains("--raw"), get.err());

    CliRunner.Result raw = cli.run("job", "get", "merged", "--raw", "--output-dir", "raw-both");
    assertEquals(ExitCode.OK, raw.exitCode(), raw.toString());
    try (Stream<Path> files = Files.list(work.resolve("raw-both/raw"))) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void stdoutOfEveryExecutionIsAppended() throws IOException {
    run("appended", 2, "{Stdout: \"line\\n\"}");
    CliRunner.Result get = cli.run("job", "get", "appended");
    assertEquals(ExitCode.OK, get.exitCode(), get.toString());
    assertTrue(get.err().contains("Fetching results of job 'appended'..."), get.err());
    Path out = work.resolve("job-appended");
    assertEquals(out.toString(), get.out().strip().lines().reduce((a, b) -> b).orElseThrow());
    assertEquals("line\nline\n", Files.readString(out.resolve("stdout")));
    assertEquals("00", Files.readString(out.resolve("exitCode")));
    assertTrue(Files.isDirectory(out.resolve("outputs")));
    assertTrue(Files.notExists(out.resolve("raw")), "raw/ is removed after merging");
  }

  @Test
  void singleExecutionGivesItsFilesAsTheyWere() throws IOException {
    run("single", 1, "{Stdout: \"out\", Files: {outputs/sub/r.txt: result}}");
    assertEquals(ExitCode.OK, cli.run("job", "get", "single").exitCode());
    Path out = work.resolve("job-single");
    assertEquals("out", Files.readString(out.resolve("stdout")));
    assertEquals("result", Files.readString(out.resolve("outputs/sub/r.txt")));
  }

  @Test
  void jobWithoutPublisherSaysThereAreNoResults() throws IOException {
    Path spec = work.resolve("nopub.yaml");
    Files.writeString(
        spec,
        "Name: nopub\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine: {Type: noop}\n");
    cli.run("job", "run", spec.toString());
    CliRunner.Result get = cli.run("job", "get", "nopub");
    assertEquals(ExitCode.OK, get.exitCode());
    assertTrue(get.out().startsWith("No results found"), get.out());
    assertTrue(get.out().contains("  bacalhau job logs nopub"), get.out());
  }

  /** Downloads once sat in {@code <out>/raw}, deleted after merging: with a result called raw. */
  @Test
  void aResultFolderNamedRawIsKept() throws IOException {
    Path spec = work.resolve("raw.yaml");
    Files.writeString(
        spec,
        """
        Name: rawresult
        Type: batch
        Tasks:
          - Name: main
            Engine: {Type: noop, Params: {Files: {raw/data.txt: kept}}}
            Publisher: {Type: local}
            ResultPaths: [{Name: raw, Path: /raw}]
        """);
    assertEquals(ExitCode.OK, cli.run("job", "run", spec.toString()).exitCode());
    CliRunner.Result get = cli.run("job", "get", "rawresult");
    assertEquals(ExitCode.OK, get.exitCode(), get.toString());
    assertEquals("kept", Files.readString(work.resolve("job-rawresult/raw/data.txt")));
  }

  /**
   * A job stored before names were checked may be called {@code ../../evil}: {@code job get} by
   * that name once wrote its results two folders up, as {@code job-../../evil}.
   */
  @Test
  void aJobNameThatIsAPathDoesNotChooseTheOutputFolder() throws IOException {
    run("renamed", 1, "{Stdout: out}");
    String id;
    try (JobStore store = JobStore.open(dataDir.resolve("orchestrator").resolve("jobs.db"))) {
      id =
          store.write(
              tx -> {
                Job job = tx.resolveJob("renamed", "default");
                tx.putJob(job.toBuilder().name("../../evil").build(), tx.owner(job.id()));
                return job.id();
              });
    }
    Path nested = Files.createDirectories(work.resolve("a/b"));
    CliRunner.Result get =
        new CliRunner(dataDir).workingDir(nested).run("job", "get", "../../evil");
    assertEquals(ExitCode.OK, get.exitCode(), get.toString());
    assertEquals("out", Files.readString(nested.resolve("job-" + id).resolve("stdout")));
    assertTrue(Files.notExists(work.resolve("a/evil")));
  }
}
