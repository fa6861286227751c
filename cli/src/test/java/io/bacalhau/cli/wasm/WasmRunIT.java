package io.bacalhau.cli.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.Distribution;
import io.bacalhau.cli.Distribution.Run;
import io.bacalhau.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bacalhau wasm run} through the packaged distribution (cli/target/bacalhau), as the
 * README's first command runs it: no daemon, the bundled engine-wasm plugin, the module's output
 * printed.
 */
class WasmRunIT {
  @TempDir Path dataDir;

  private Run bacalhau(String... args) throws IOException, InterruptedException {
    return new Distribution(dataDir, dataDir.resolve("data")).run(args);
  }

  @Test
  void helloRunsAndPrintsItsOutputTwiceWithTheCompiledModuleCached() throws Exception {
    Files.copy(WasmRunCommandTest.HELLO, dataDir.resolve("hello.wasm"));
    Run first = bacalhau("wasm", "run", "-f", "hello.wasm", "--", "one", "two");
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("Hello, world!\narg 1: one\narg 2: two\n"), first.toString());
    try (var files = Files.walk(dataDir.resolve("data/engine/wasm/compiled"))) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".jar")), "no compiled module cached");
    }
    Run second = bacalhau("wasm", "run", "--id-only", "hello.wasm", "--", "exit", "3");
    // The job completes; the waiting CLI says the task exited non-zero with a code of its own.
    assertEquals(ExitCode.TASK_FAILED, second.exitCode(), second.toString());
    Run logs = bacalhau("job", "logs", second.out().strip());
    assertTrue(logs.out().startsWith("Hello, world!\n"), logs.toString());
  }

  @Test
  void trapFailsTheJob() throws Exception {
    Files.copy(
        Path.of("../plugins/engine-wasm/src/test/resources/wasm/trap.wasm"),
        dataDir.resolve("trap.wasm"));
    Run r = bacalhau("wasm", "run", "trap.wasm");
    assertTrue(r.exitCode() != 0, r.toString());
    assertTrue((r.out() + r.err()).contains("wasm trap"), r.toString());
  }
}
