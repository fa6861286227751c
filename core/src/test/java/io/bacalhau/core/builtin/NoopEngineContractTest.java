package io.bacalhau.core.builtin;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.testing.contract.EngineContractTest;
import io.bacalhau.testing.contract.EngineProgram;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The noop engine scripts each outcome with its params; it runs nothing that reads inputs. */
class NoopEngineContractTest extends EngineContractTest {
  private Engine engine;

  @BeforeEach
  void create() {
    engine =
        new NoopEngineFactory().create(new NoopConfig(), new ProviderContext(dir, "n", Map.of()));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Override
  protected Engine engine() {
    return engine;
  }

  @Override
  protected EngineProgram exitsWith(int exitCode) {
    String out = "noop out " + exitCode + "\n";
    return EngineProgram.of(
            SpecConfig.of(
                "noop", Map.of("Stdout", out, "Stderr", "noop err\n", "ExitCode", exitCode)))
        .printing(out, "noop err\n");
  }

  /** Noop cannot read: it writes the content it is given where the copy would go. */
  @Override
  protected EngineProgram copies(String input, String output, String content) {
    String relative = output.replaceFirst("^/", "");
    return EngineProgram.of(SpecConfig.of("noop", Map.of("Files", Map.of(relative, content))));
  }

  @Override
  protected Optional<EngineProgram> writesInto(String newFile, String existingFile) {
    return Optional.empty();
  }

  @Override
  protected EngineProgram runsUntilStopped() {
    return EngineProgram.of(SpecConfig.of("noop", Map.of("SleepMillis", 600_000)));
  }

  @Override
  protected EngineProgram cannotStart() {
    return EngineProgram.of(SpecConfig.of("noop", Map.of("Error", "scripted runner failure")));
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of("noop", Map.of("ExitCode", "three")), "Engine.Params.ExitCode");
  }
}
