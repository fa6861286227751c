package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.testing.Approvals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobValidateCommandTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "config", "examples"))) {
      return files.sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyShippedExamplePrintsOk(Path example) {
    CliRunner.Result r = cli.run("job", "validate", example.toAbsolutePath().toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertEquals("OK\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void invalidSpecListsEveryProblemWithItsPathAndExitsOne() throws IOException {
    Path spec = dataDir.resolve("bad.yaml");
    Files.writeString(
        spec,
        """
        Name: bad
        Type: batch
        Colour: blue
        Tasks:
          - Name: main
            Engine: {Params: {Image: ubuntu}}
            Env: {lower: x}
            Resources: {CPU: lots, Memory: [1]}
            ResultPaths: [{Name: out, Path: out}]
        """);
    CliRunner.Result r = cli.run("job", "validate", "bad.yaml");
    assertEquals(ExitCode.ERROR, r.exitCode(), r.toString());
    assertEquals("", r.out());
    Approvals.verify("job-validate-invalid", r.err());
  }

  @Test
  void validSpecWithIgnoredPartsPrintsWarningsAndOk() throws IOException {
    Path spec = dataDir.resolve("warn.yaml");
    Files.writeString(
        spec,
        """
        Type: batch
        Meta: {bacalhau.org/client.id: me}
        Tasks:
          - Name: main
            Engine: {Type: noop}
            Resource: {CPU: 1}
            Env: {DB_PASSWORD: hunter2, API_TOKEN: "env:API_TOKEN"}
        """);
    CliRunner.Result r = cli.run("job", "validate", spec.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertEquals("OK\n", r.out());
    Approvals.verify("job-validate-warnings", r.err());
  }

  @Test
  void specFromStdin() {
    CliRunner.Result r =
        cli.stdin(
                "{\"Type\": \"ops\", \"Tasks\": [{\"Name\": \"m\", \"Engine\": {\"Type\": \"noop\"}}]}")
            .run("job", "validate", "-");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertEquals("OK\n", r.out());
  }

  @Test
  void notYamlAtAllNamesTheFileAndLine() throws IOException {
    Files.writeString(dataDir.resolve("notes.txt"), "Type: batch\n  Tasks: - oops\n\t:\n");
    CliRunner.Result r = cli.run("job", "validate", "notes.txt");
    assertEquals(ExitCode.ERROR, r.exitCode(), r.toString());
    assertTrue(
        r.err().startsWith("Error: the job spec in notes.txt is invalid (1 problem):"), r.err());
    assertTrue(r.err().contains("  not valid YAML (line "), r.err());
  }

  @Test
  void missingFileAndEmptyStdinAreClearErrors() {
    CliRunner.Result missing = cli.run("job", "validate", "nope.yaml");
    assertEquals(ExitCode.ERROR, missing.exitCode());
    assertTrue(missing.err().contains("Error: no such file: nope.yaml"), missing.err());
    CliRunner.Result empty = cli.stdin("").run("job", "validate", "-");
    assertEquals(ExitCode.ERROR, empty.exitCode());
    assertTrue(empty.err().contains("Error: no content provided"), empty.err());
  }

  @Test
  void oversizedSpecFileIsRefusedWithoutReadingIt() throws IOException {
    Path big = dataDir.resolve("big.yaml");
    try (var out = Files.newOutputStream(big)) {
      out.write(new byte[io.bacalhau.core.jobspec.JobSpecParser.MAX_SPEC_BYTES + 1]);
    }
    CliRunner.Result r = cli.run("job", "validate", "big.yaml");
    assertEquals(ExitCode.ERROR, r.exitCode(), r.toString());
    assertTrue(r.err().contains("a job spec may have at most 10485760 bytes"), r.err());
  }

  @Test
  void runRefusesAnInvalidSpecBeforeSubmitting() throws IOException {
    Files.writeString(dataDir.resolve("typo.yaml"), "Type: batch\nTaks: []\n");
    CliRunner.Result r = cli.run("job", "run", "typo.yaml");
    assertEquals(ExitCode.JOB_REJECTED, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Taks: unknown field: 'Taks' in 'Job'"), r.err());
  }

  @Test
  void legacyV1beta1SpecRunsUnchanged() throws IOException {
    Files.writeString(
        dataDir.resolve("legacy.yaml"),
        """
        APIVersion: V1beta1
        Spec:
          EngineSpec:
            Type: noop
            Params: {Stdout: "legacy says hi"}
          PublisherSpec: {Type: noop}
          Outputs: [{Name: outputs, Path: /outputs}]
          Deal: {Concurrency: 1}
        """);
    CliRunner.Result run = cli.run("job", "run", "legacy.yaml");
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    CliRunner.Result describe =
        cli.run("job", "describe", run.err().replaceAll("(?s).*Job ID: (j-[0-9a-f-]+).*", "$1"));
    assertTrue(describe.out().contains("legacy says hi"), describe.toString());
    assertTrue(describe.out().contains("Type          = batch"), describe.out());
  }

  /**
   * A result path name with '../' passed job validate and made the node create the folder (and the
   * task write) outside the execution's folder.
   */
  @Test
  void aResultPathNameThatClimbsOutIsRefusedByValidateAndByRun() throws IOException {
    Path escaped = dataDir.resolve("escaped");
    Files.writeString(
        dataDir.resolve("escape.yaml"),
        """
        Type: batch
        Tasks:
          - Name: main
            Engine: {Type: noop}
            Publisher: {Type: local}
            ResultPaths: [{Name: ../../../../escaped, Path: /outputs}]
        """);
    CliRunner.Result validate = cli.run("job", "validate", "escape.yaml");
    assertEquals(ExitCode.ERROR, validate.exitCode(), validate.toString());
    assertTrue(
        validate
            .err()
            .contains(
                "Tasks[0].ResultPaths[0].Name: result path name \"../../../../escaped\" contains"
                    + " a path separator ('/' or '\\'); it must be a single name"),
        validate.err());
    CliRunner.Result run = cli.run("job", "run", "escape.yaml");
    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Tasks[0].ResultPaths[0].Name"), run.err());
    assertTrue(Files.notExists(escaped));
  }
}
