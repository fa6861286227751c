package io.bacalhau.plugins.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on real modules: output, exit codes, failures and limits a user relies on. */
class WasmEngineTest {
  static Path dataDir;
  static Engine engine;

  @TempDir Path dir;

  @BeforeAll
  static void start(@TempDir Path data) {
    dataDir = data;
    engine = WasmTask.engine(dataDir);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private WasmTask hello() throws Exception {
    return new WasmTask(dir).module("hello.wasm", "main.wasm").param("EntryModule", "main.wasm");
  }

  @Test
  void helloPrintsItsArgsAndEnvAndExitsZero() throws Exception {
    WasmTask task =
        hello()
            .param("Parameters", List.of("one", "two words"))
            .env("GREETING", "hi")
            .env("BACALHAU_JOB_ID", "j-test");
    EngineResult result = task.run(engine);
    assertEquals(
        "Hello, world!\narg 1: one\narg 2: two words\nGREETING=hi\nBACALHAU_JOB_ID=j-test\n",
        task.out());
    assertEquals("bye\n", task.err());
    assertEquals(EngineResult.exited(0), result);
  }

  @Test
  void concurrentRunsOfOneModuleKeepTheirOwnArgsAndOutput() throws Exception {
    List<WasmTask> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Path own = Files.createDirectories(dir.resolve("run" + i));
      tasks.add(
          new WasmTask(own)
              .module("hello.wasm", "main.wasm")
              .param("EntryModule", "main.wasm")
              .param("Parameters", List.of("run-" + i)));
    }
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<EngineResult>> results = new java.util.ArrayList<>();
      for (WasmTask t : tasks) {
        results.add(pool.submit(() -> t.run(engine)));
      }
      for (int i = 0; i < tasks.size(); i++) {
        assertEquals(EngineResult.exited(0), results.get(i).get());
        assertEquals("Hello, world!\narg 1: run-" + i + "\n", tasks.get(i).out());
      }
    }
  }

  @Test
  void engineEnvironmentVariablesWinOverTheTaskEnv() throws Exception {
    WasmTask task =
        hello().env("GREETING", "task").param("EnvironmentVariables", List.of("GREETING=engine"));
    task.run(engine);
    assertTrue(task.out().contains("GREETING=engine\n"), task.out());
  }

  @Test
  void exitCodeComesFromProcExitAndDoesNotFailTheRun() throws Exception {
    WasmTask task = hello().param("Parameters", List.of("exit", "7"));
    assertEquals(EngineResult.exited(7), task.run(engine));
    assertEquals("exiting with 7\n", task.err());
  }

  @Test
  void trapFailsTheRunWithTheTrap() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("trap.wasm", "/wasm/trap.wasm")
            .param("EntryModule", "/wasm/trap.wasm");
    EngineResult result = task.run(engine);
    assertTrue(result.errorMessage().startsWith("wasm trap: "), result.errorMessage());
    assertTrue(result.errorMessage().contains("unreachable"), result.errorMessage());
  }

  @Test
  void missingEntrypointFailsWithBacalhausMessage() throws Exception {
    EngineResult result = hello().param("Entrypoint", "main_not_here").run(engine);
    assertEquals(
        "unable to find the entrypoint 'main_not_here' in the WASM module", result.errorMessage());
  }

  @Test
  void invalidModuleFailsNamingIt() throws Exception {
    EngineResult result =
        new WasmTask(dir)
            .module("invalid.wasm", "/bad.wasm")
            .param("EntryModule", "/bad.wasm")
            .run(engine);
    assertTrue(
        result.errorMessage().startsWith("invalid WASM module '/bad.wasm': "),
        result.errorMessage());
  }

  @Test
  void entryModuleMayBeAFolderWithExactlyOneModule() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("mods"));
    Files.write(folder.resolve("hello.wasm"), WasmTask.fixture("hello.wasm"));
    WasmTask one = new WasmTask(dir).input(folder, "/app").param("EntryModule", "/app");
    assertEquals(EngineResult.exited(0), one.run(engine));
    Files.write(folder.resolve("other.wasm"), WasmTask.fixture("noop.wasm"));
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> new WasmTask(dir).input(folder, "/app").param("EntryModule", "/app").run(engine));
    assertTrue(e.getMessage().contains("folder with 2 .wasm files"), e.getMessage());
  }

  @Test
  void entryModuleOutsideEveryInputIsAClearError() throws Exception {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> hello().param("EntryModule", "/elsewhere.wasm").run(engine));
    assertTrue(e.getMessage().contains("EntryModule '/elsewhere.wasm' is not inside any input"));
  }

  @Test
  void importModuleProvidesTheEntryModulesImports() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("uses-lib.wasm", "/main.wasm")
            .module("lib.wasm", "/mods/lib.wasm")
            .param("EntryModule", "/main.wasm")
            .param("ImportModules", List.of("/mods/lib.wasm"));
    assertEquals(EngineResult.exited(42), task.run(engine));
  }

  @Test
  void importNobodyProvidesFailsNamingIt() throws Exception {
    EngineResult result =
        new WasmTask(dir)
            .module("uses-lib.wasm", "/main.wasm")
            .module("lib.wasm", "/mods/lib.wasm")
            .param("EntryModule", "/main.wasm")
            .run(engine);
    assertEquals(
        "unable to resolve import 'lib.add': no import module is named 'lib' (import modules:"
            + " none)",
        result.errorMessage());
  }

  @Test
  void importIsFoundByNameInTheMountsWhenNotListed() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("uses-lib.wasm", "/main.wasm")
            .module("lib.wasm", "/lib.wasm")
            .param("EntryModule", "/main.wasm");
    assertEquals(EngineResult.exited(42), task.run(engine));
  }

  @Test
  void memoryBombStopsAtTheTasksMemoryLimit() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("membomb.wasm", "/bomb.wasm")
            .param("EntryModule", "/bomb.wasm")
            .memory(1024 * 1024);
    // 1 MiB is 16 pages of 64 KiB: the module exits with the page count it reached
    assertEquals(EngineResult.exited(16), task.run(engine));
  }

  @Test
  void moduleNeedingMoreMemoryThanTheLimitAtStartFails() throws Exception {
    EngineResult result = hello().memory(64 * 1024).run(engine);
    assertTrue(
        result.errorMessage().startsWith("memory limit exceeded: the module needs "),
        result.errorMessage());
  }

  @Test
  void entrypointWithArgumentsIsRefused() throws Exception {
    EngineResult result =
        new WasmTask(dir)
            .module("lib.wasm", "/lib.wasm")
            .param("EntryModule", "/lib.wasm")
            .param("Entrypoint", "add")
            .run(engine);
    assertTrue(
        result.errorMessage().startsWith("the entrypoint 'add' must take no arguments"),
        result.errorMessage());
  }

  @Test
  void memoryLimitRoundsUpToWholePages() {
    assertEquals(0, WasmEngine.memoryLimitPages(0));
    assertEquals(1, WasmEngine.memoryLimitPages(1));
    assertEquals(2, WasmEngine.memoryLimitPages(65537));
    assertEquals(8192, WasmEngine.memoryLimitPages(512L * 1024 * 1024));
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> WasmEngine.memoryLimitPages(5L << 30));
    assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, e.code());
  }

  @Test
  void stopInterruptsAnInfiniteLoop() throws Exception {
    WasmTask task =
        new WasmTask(dir).module("loop.wasm", "/loop.wasm").param("EntryModule", "/loop.wasm");
    var request = task.request();
    Throwable[] thrown = new Throwable[1];
    Thread runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    engine.run(request, io.bacalhau.core.spi.ExecutionEvents.NONE);
                  } catch (Throwable t) {
                    thrown[0] = t;
                  }
                });
    Thread.sleep(300);
    assertTrue(runner.isAlive(), "the loop should still be running");
    long stopAt = System.nanoTime();
    runner.interrupt();
    runner.join(5_000);
    assertFalse(runner.isAlive(), "the loop did not stop");
    assertTrue(thrown[0] instanceof InterruptedException, String.valueOf(thrown[0]));
    assertTrue(System.nanoTime() - stopAt < 2_000_000_000L, "stopping took too long");
  }

  @Test
  void badParamsAreNamed() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                engine.validate(
                    io.bacalhau.core.models.SpecConfig.of(
                        "wasm", java.util.Map.of("Parameters", "not-a-list"))));
    assertEquals(ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR, e.code());
    assertTrue(e.getMessage().contains("Engine.Params.EntryModule: required"), e.getMessage());
    assertTrue(
        e.getMessage().contains("Engine.Params.Parameters: expected a list"), e.getMessage());
  }

  @Test
  void compiledModuleIsKeptOnDiskForLaterProcesses() throws Exception {
    hello().run(engine);
    Path compiled =
        dataDir.resolve("engine/wasm/compiled").resolve(ChicoryRuntime.compilerVersion());
    String sha = Sha256.hex(WasmTask.fixture("hello.wasm"));
    Path entry = compiled.resolve(sha + ".jar");
    assertTrue(Files.size(entry) > 0, "no compiled module at " + entry);

    // a fresh engine (as in a new process) uses the disk copy; a broken copy is replaced
    Files.write(entry, new byte[] {1, 2, 3});
    try (Engine fresh = WasmTask.engine(dataDir)) {
      WasmTask task = new WasmTask(Files.createTempDirectory(dir, "again"));
      task.module("hello.wasm", "main.wasm").param("EntryModule", "main.wasm");
      assertEquals(EngineResult.exited(0), task.run(fresh));
    }
    assertTrue(Files.size(entry) > 3, "broken compiled module was not replaced");
  }

  @Test
  void theBenchmarkModuleSumsTheColumnsOfAMountedCsv() throws Exception {
    Path data = Files.createDirectories(dir.resolve("csv"));
    Files.writeString(data.resolve("sales.csv"), "id,price,qty\n1,2.5,3\n2,10,4\n");
    WasmTask task =
        new WasmTask(dir)
            .module("csvsum.wasm", "csvsum.wasm")
            .input(data, "/data")
            .param("EntryModule", "csvsum.wasm")
            .param("Parameters", List.of("/data/sales.csv"));
    assertEquals(EngineResult.exited(0), task.run(engine), task.err());
    assertEquals("id\t3.00\nprice\t12.50\nqty\t7.00\nrows\t2\n", task.out());
  }
}
