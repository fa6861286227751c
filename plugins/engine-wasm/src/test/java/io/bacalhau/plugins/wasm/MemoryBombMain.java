package io.bacalhau.plugins.wasm;

import io.bacalhau.core.spi.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the memory bomb with no task memory limit in a JVM of its own, whose small heap it outgrows;
 * prints the run's error message, or what escaped the engine.
 */
public final class MemoryBombMain {
  private MemoryBombMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("wasm-oom");
    try (Engine engine = WasmTask.engine(dir.resolve("data"))) {
      WasmTask task =
          new WasmTask(dir).module("membomb.wasm", "/bomb.wasm").param("EntryModule", "/bomb.wasm");
      System.out.println("error: " + task.run(engine).errorMessage());
    } catch (Throwable t) {
      System.out.println("escaped: " + t);
    }
  }
}
