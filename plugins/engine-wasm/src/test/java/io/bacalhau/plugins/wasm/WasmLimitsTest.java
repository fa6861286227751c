package io.bacalhau.plugins.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules that try to take more than a run may: memory without a task limit, the call stack. */
class WasmLimitsTest {
  static Engine engine;

  @TempDir Path dir;

  @BeforeAll
  static void start(@TempDir Path data) {
    engine = WasmTask.engine(data);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void endlessRecursionFailsTheRunAsAStackTrap() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("recurse.wasm", "/recurse.wasm")
            .param("EntryModule", "/recurse.wasm");
    EngineResult result = task.run(engine);
    assertEquals("wasm trap: call stack exhausted", result.errorMessage());
  }

  /**
   * A module's memory is the node's heap. With no task limit a module grew until the heap ran out,
   * and the OutOfMemoryError escaped the engine as an ExecutionException naming no cause a user
   * could act on. A JVM with a small heap of its own shows it without starving this one.
   */
  @Test
  void aModuleThatOutgrowsTheHeapFailsWithMemoryLimitExceeded() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-cp",
                System.getProperty("java.class.path"),
                MemoryBombMain.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    assertTrue(out.contains("error: memory limit exceeded: "), out);
    assertTrue(out.contains("Resources.Memory"), out);
  }
}
