package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.testing.contract.EngineContractTest;
import io.bacalhau.testing.contract.EngineProgram;
import io.bacalhau.testing.contract.EngineRun;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The docker engine against the real daemon, running shell commands in the local test image. */
class DockerEngineContractIT extends EngineContractTest {
  private DockerApi api;
  private Engine engine;

  @BeforeAll
  static void daemon() throws Exception {
    DockerTestSupport.requireDaemonAndImage();
  }

  @BeforeEach
  void create() {
    DockerConfig config = DockerConfig.defaults();
    api = DockerApi.connect(config.resolveHost(System.getenv()), Duration.ofSeconds(30));
    engine =
        new DockerEngineFactory()
            .create(
                config,
                new ProviderContext(dir, "n-contract-" + UUID.randomUUID(), System.getenv()));
  }

  @AfterEach
  void close() {
    engine.close();
    api.close();
  }

  @Override
  protected Engine engine() {
    return engine;
  }

  private static EngineProgram shell(String script) {
    return EngineProgram.of(
        SpecConfig.of(
            "docker",
            Map.of("Image", DockerTestSupport.IMAGE, "Parameters", List.of("sh", "-c", script))));
  }

  @Override
  protected EngineProgram exitsWith(int exitCode) {
    return shell("echo out $BACALHAU_JOB_ID; echo err >&2; exit " + exitCode)
        .printing("out " + EngineRun.JOB_ID + "\n", "err\n");
  }

  @Override
  protected EngineProgram copies(String input, String output, String content) {
    return shell("cp " + input + " " + output);
  }

  @Override
  protected Optional<EngineProgram> writesInto(String newFile, String existingFile) {
    return Optional.of(shell("echo x > " + newFile + "; echo y > " + existingFile + "; true"));
  }

  @Override
  protected EngineProgram runsUntilStopped() {
    return shell("sleep 600");
  }

  @Override
  protected EngineProgram cannotStart() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Image", DockerTestSupport.IMAGE);
    params.put("Entrypoint", List.of("/no/such/command"));
    return EngineProgram.of(SpecConfig.of("docker", params));
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of("docker", Map.of("WorkingDirectory", "data")), "Engine.Params.Image");
  }

  /** The container is killed and removed, not left running or stopped. */
  @Override
  protected void assertNothingLeftOf(EngineRun run) {
    assertEquals(List.of(), api.containersLabelled(Map.of(Labels.EXECUTION, run.executionId())));
  }
}
