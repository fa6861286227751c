package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.Scrub;
import io.bacalhau.testing.Approvals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCommandsTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  private Path spec(String name, String engineParams) throws IOException {
    Path file = dataDir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
        Name: %s
        Type: batch
        Count: 1
        Tasks:
          - Name: main
            Engine:
              Type: noop
              Params: %s
        """
            .formatted(name, engineParams));
    return file;
  }

  @Test
  void completedJobExitsZeroAndShowsItsTimeline() throws IOException {
    CliRunner.Result run = cli.run("job", "run", spec("hello", "{Stdout: \"15\\n\"}").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Job successfully submitted. Job ID: j-"), run.err());
    assertTrue(run.err().contains("Completed successfully"), run.err());

    Approvals.verify("job-describe", Scrub.of(cli.run("job", "describe", "hello").out()));
    Approvals.verify(
        "job-history", Scrub.of(cli.run("job", "history", "hello", "--no-style").out()));
    Approvals.verify("job-list", Scrub.of(cli.run("job", "list").out()));
    Approvals.verify("job-executions", Scrub.of(cli.run("job", "executions", "hello").out()));
  }

  @Test
  void failedJobExitsWithJobFailed() throws IOException {
    CliRunner.Result run =
        cli.run("job", "run", spec("broken", "{Error: \"disk on fire\"}").toString());
    assertEquals(ExitCode.JOB_FAILED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Error: disk on fire"), run.err());
    assertTrue(run.err().contains("Error: job failed"), run.err());
  }

  @Test
  void nodeDetailsPrintsEachOutcomeOnceWithItsRunCount() throws IOException {
    Path file = spec("twice", "{Stdout: \"15\\n\"}");
    // With a QueueTimeout the second partition waits for the one node, then runs there too.
    Files.writeString(
        file,
        Files.readString(file)
            .replace("Count: 1", "Count: 2")
            .replace("Engine:", "Timeouts: {QueueTimeout: 60}\n    Engine:"));
    CliRunner.Result run = cli.run("job", "run", "--node-details", file.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.out().matches("(?s)Job Results By Node:\n• 2 runs on 1 node: 15\n"), run.out());

    CliRunner.Result failed =
        cli.run(
            "job",
            "run",
            "--node-details",
            spec("grumpy", "{Stdout: out, Stderr: \"no input\", ExitCode: 2}").toString());
    assertTrue(
        failed.out().matches("(?s)Job Results By Node:\n• Node n-[0-9a-f]{8}: no input\n"),
        failed.out());
  }

  @Test
  void countTwoOnTheSingleEmbeddedNodeFailsWithNotEnoughNodesAsBacalhauDoes() throws IOException {
    Path file = spec("twice", "{Stdout: \"15\\n\"}");
    Files.writeString(file, Files.readString(file).replace("Count: 1", "Count: 2"));
    CliRunner.Result run = cli.run("job", "run", file.toString());
    assertEquals(ExitCode.JOB_FAILED, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("not enough nodes to run job. requested: 2, available: 1, suitable: 1."),
        run.err());
  }

  @Test
  void anInvalidSpecIsRejectedWithEveryProblemAsJobValidateShowsThem() throws IOException {
    Path file = dataDir.resolve("bad.yaml");
    Files.writeString(
        file, "Type: batch\nCount: -1\nFoo: 1\nTasks:\n  - Name: main\n    Engine: {Type: noop}\n");
    CliRunner.Result run = cli.run("job", "run", file.toString());
    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    CliRunner.Result validate = cli.run("job", "validate", file.toString());
    assertEquals(validate.err(), run.err());
    assertTrue(run.err().contains("is invalid (2 problems)"), run.err());
    assertTrue(run.err().contains("  Foo: unknown field: 'Foo' in 'Job'"), run.err());
    assertTrue(run.err().contains("  Count: count must not be negative, got -1"), run.err());
    assertEquals("", cli.run("job", "list", "--output", "json").out().replace("[]", "").strip());
  }

  @Test
  void idOnlyPrintsJustTheId() throws IOException {
    CliRunner.Result run = cli.run("job", "run", "--id-only", spec("quiet", "{}").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.out().strip().matches("j-[0-9a-f-]{36}"), run.out());
  }

  @Test
  void specNamingAnUnknownEngineIsRejected() throws IOException {
    Path file = dataDir.resolve("flibble.yaml");
    Files.writeString(
        file, "Type: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: flibble\n");
    CliRunner.Result run = cli.run("job", "run", file.toString());
    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("no engine 'flibble'; available: noop"), run.err());
  }

  @Test
  void waitTimeoutExitsWithItsOwnCode() throws IOException {
    CliRunner.Result run =
        cli.run(
            "job",
            "run",
            "--wait-timeout-secs",
            "1",
            spec("slow", "{SleepMillis: 4000}").toString());
    assertEquals(ExitCode.WAIT_TIMEOUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("The job is still running."), run.err());
  }

  @Test
  void unknownAndAmbiguousIdsAreClearErrors() throws IOException {
    cli.run("job", "run", spec("one", "{}").toString());
    cli.run("job", "run", spec("two", "{}").toString());
    CliRunner.Result unknown = cli.run("job", "describe", "j-00000000");
    assertEquals(ExitCode.ERROR, unknown.exitCode());
    assertTrue(unknown.err().contains("Error: job not found: j-00000000"), unknown.err());
    CliRunner.Result ambiguous = cli.run("job", "describe", "j-");
    assertEquals(ExitCode.ERROR, ambiguous.exitCode());
    assertTrue(ambiguous.err().contains("multiple jobs found for id j-"), ambiguous.err());
  }

  @Test
  void stoppingACompletedJobIsRefused() throws IOException {
    cli.run("job", "run", spec("done", "{}").toString());
    CliRunner.Result stop = cli.run("job", "stop", "done");
    assertEquals(ExitCode.ERROR, stop.exitCode());
    assertTrue(
        stop.err().contains("Job is already in a terminal state.\nThe current state is: Completed"),
        stop.err());
  }

  @Test
  void logsPrintTheOutputVerbatim() throws IOException {
    cli.run("job", "run", spec("talker", "{Stdout: \"line one\\nline two\\n\"}").toString());
    CliRunner.Result logs = cli.run("job", "logs", "talker");
    assertEquals(ExitCode.OK, logs.exitCode(), logs.toString());
    assertEquals("line one\nline two\n", logs.out());
  }

  @Test
  void rerunCreatesANewVersion() throws IOException {
    cli.run("job", "run", spec("again", "{}").toString());
    CliRunner.Result rerun = cli.run("job", "rerun", "again");
    assertEquals(ExitCode.OK, rerun.exitCode(), rerun.toString());
    String versions = cli.run("job", "versions", "again", "--no-style", "--hide-header").out();
    assertEquals(2, versions.strip().lines().count(), versions);
  }

  @Test
  void outputJsonPrintsTheEndedJobForMachines() throws IOException {
    CliRunner.Result run =
        cli.run(
            "job", "run", "--output", "json", spec("machine", "{Stdout: \"42\\n\"}").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    JsonNode details = new ObjectMapper().readTree(run.out());
    assertEquals("Completed", details.at("/Job/State/StateType").asText(), run.out());
    assertEquals("42\n", details.at("/Executions/Items/0/RunOutput/Stdout").asText(), run.out());
    assertTrue(details.at("/History/Items").size() >= 3, run.out());
  }

  @Test
  void machineOutputsPrintWhatBacalhausApiReturns() throws IOException {
    cli.run("job", "run", spec("hello", "{Stdout: \"15\\n\"}").toString());
    // GET /jobs/{id}?include=history,executions, indented as Go's encoder does.
    Approvals.verify(
        "job-describe-json",
        Scrub.json(cli.run("job", "describe", "hello", "--output", "json", "--pretty").out()));
    Approvals.verify(
        "job-describe-yaml",
        Scrub.json(cli.run("job", "describe", "hello", "--output", "yaml").out()));
    // The list commands print the Items of their routes.
    Approvals.verify(
        "job-list-json", Scrub.json(cli.run("job", "list", "--output", "json", "--pretty").out()));
    Approvals.verify(
        "job-executions-json",
        Scrub.json(cli.run("job", "executions", "hello", "--output", "json", "--pretty").out()));
    Approvals.verify(
        "job-history-json",
        Scrub.json(cli.run("job", "history", "hello", "--output", "json", "--pretty").out()));
  }

  @Test
  void dryRunPrintsTheJobAndSubmitsNothing() throws IOException {
    CliRunner.Result run =
        cli.run("job", "run", "--dry-run", "--output", "json", spec("dry", "{}").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertEquals("dry", new ObjectMapper().readTree(run.out()).at("/Name").asText(), run.out());
    assertEquals("", cli.run("job", "list", "--hide-header", "--no-style").out().strip());
  }
}
