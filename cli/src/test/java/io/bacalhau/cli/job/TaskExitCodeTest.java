package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that exits non-zero leaves the job Completed, as in Bacalhau, but a CI pipeline waiting
 * for it gets an exit code of its own, and the history says which code the task exited with.
 */
class TaskExitCodeTest {
  @TempDir Path dataDir;

  private Path spec(int exitCode) throws Exception {
    return Files.writeString(
        dataDir.resolve("exits.yaml"),
        "Name: exits\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
            + "      Type: noop\n      Params: {ExitCode: "
            + exitCode
            + "}\n");
  }

  @Test
  void aTaskExitingNonZeroEndsTheWaitWithItsOwnExitCode() throws Exception {
    CliRunner cli = new CliRunner(dataDir);
    CliRunner.Result run = cli.run("job", "run", spec(7).toString());
    assertEquals(ExitCode.TASK_FAILED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Completed with exit code 7"), run.toString());
    assertTrue(
        run.err().contains("Error: the job completed, but the task of execution e-"),
        run.toString());
    assertTrue(run.err().contains("exited with code 7"), run.toString());

    CliRunner.Result describe = cli.run("job", "describe", "exits");
    assertEquals(ExitCode.OK, describe.exitCode(), describe.toString());
    assertTrue(describe.out().contains("Completed"), describe.toString());
  }

  @Test
  void describeAndExecutionsShowTheTasksExitCode() throws Exception {
    CliRunner cli = new CliRunner(dataDir);
    assertEquals(ExitCode.TASK_FAILED, cli.run("job", "run", spec(7).toString()).exitCode());

    CliRunner.Result describe = cli.run("job", "describe", "exits");
    assertTrue(describe.out().contains("EXIT CODE"), describe.toString());
    assertTrue(
        describe
            .out()
            .lines()
            .anyMatch(l -> l.matches(" e-\\S+\\s+n-\\S+\\s+Completed\\s+Stopped\\s+7\\s.*")),
        describe.toString());

    CliRunner.Result executions = cli.run("job", "executions", "exits", "--output", "csv");
    assertEquals(ExitCode.OK, executions.exitCode(), executions.toString());
    assertTrue(
        executions
            .out()
            .startsWith("CREATED,MODIFIED,ID,JOB VERSION,NODE ID,REV.,STATE,DESIRED,EXIT CODE\n"),
        executions.toString());
    assertTrue(executions.out().strip().endsWith(",Completed,Stopped,7"), executions.toString());
  }

  @Test
  void aTaskExitingZeroIsASuccess() throws Exception {
    CliRunner.Result run = new CliRunner(dataDir).run("job", "run", spec(0).toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Completed successfully"), run.toString());
  }
}
