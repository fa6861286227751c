package io.bacalhau.plugins.wasm;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.testing.contract.EngineContractTest;
import io.bacalhau.testing.contract.EngineProgram;
import io.bacalhau.testing.contract.EngineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The wasm engine on the committed test modules (hello, cat, probe, loop, invalid). */
class WasmEngineContractTest extends EngineContractTest {
  private static Engine engine;

  @BeforeAll
  static void start(@org.junit.jupiter.api.io.TempDir Path data) {
    engine = WasmTask.engine(data);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Override
  protected Engine engine() {
    return engine;
  }

  /** A committed module mounted at {@code /app/<name>} and run as the entry module. */
  private EngineProgram module(String fixture, List<String> args) throws Exception {
    Path host = Files.createTempDirectory(dir, "module").resolve(fixture);
    Files.write(host, WasmTask.fixture(fixture));
    String target = "/app/" + fixture;
    return EngineProgram.of(
            SpecConfig.of("wasm", Map.of("EntryModule", target, "Parameters", args)))
        .mounting(host, target);
  }

  /** hello prints BACALHAU_JOB_ID from the task env when it runs to its end. */
  @Override
  protected EngineProgram exitsWith(int exitCode) throws Exception {
    if (exitCode == 0) {
      return module("hello.wasm", List.of())
          .printing("Hello, world!\nBACALHAU_JOB_ID=" + EngineRun.JOB_ID + "\n", "bye\n");
    }
    return module("hello.wasm", List.of("exit", String.valueOf(exitCode)))
        .printing("Hello, world!\n", "exiting with " + exitCode + "\n");
  }

  @Override
  protected EngineProgram copies(String input, String output, String content) throws Exception {
    return module("cat.wasm", List.of(input, output));
  }

  @Override
  protected Optional<EngineProgram> writesInto(String newFile, String existingFile)
      throws Exception {
    return Optional.of(module("probe.wasm", List.of("w:" + newFile, "w:" + existingFile)));
  }

  @Override
  protected EngineProgram runsUntilStopped() throws Exception {
    return module("loop.wasm", List.of());
  }

  @Override
  protected EngineProgram cannotStart() throws Exception {
    return module("invalid.wasm", List.of());
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of("wasm", Map.of("Parameters", "not-a-list")), "Engine.Params.EntryModule");
  }
}
