package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several commands on one data dir at once, as when two terminals or CI steps share it. */
class SharedDataDirTest {
  @TempDir Path dataDir;

  @Test
  void parallelJobRunsAndListsDoNotStepOnEachOther() throws Exception {
    CliRunner cli = new CliRunner(dataDir);
    Path a = spec("left");
    Path b = spec("right");
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      Future<CliRunner.Result> left = pool.submit(() -> cli.run("job", "run", a.toString()));
      Future<CliRunner.Result> right = pool.submit(() -> cli.run("job", "run", b.toString()));
      Future<Integer> lists =
          pool.submit(
              () -> {
                int ok = 0;
                while (!left.isDone() || !right.isDone()) {
                  ok += cli.run("job", "list").exitCode() == ExitCode.OK ? 1 : 0;
                }
                return ok;
              });
      assertEquals(ExitCode.OK, left.get().exitCode(), left.get().toString());
      assertEquals(ExitCode.OK, right.get().exitCode(), right.get().toString());
      assertTrue(lists.get() > 0, "job list never succeeded while jobs ran");
    }
    String list = cli.run("job", "list", "--no-style", "--hide-header").out();
    List<String> rows = list.strip().lines().toList();
    assertEquals(2, rows.size(), list);
    assertTrue(rows.stream().allMatch(r -> r.contains("Completed")), list);
    for (String name : List.of("left", "right")) {
      String executions = cli.run("job", "executions", name, "--no-style", "--hide-header").out();
      assertEquals(1, executions.strip().lines().count(), "ran exactly once: " + executions);
    }
  }

  private Path spec(String name) throws java.io.IOException {
    Path file = dataDir.resolve(name + ".yaml");
    Files.writeString(
        file,
        "Name: "
            + name
            + "\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n"
            + "      Params: {SleepMillis: 1500}\n");
    return file;
  }
}
