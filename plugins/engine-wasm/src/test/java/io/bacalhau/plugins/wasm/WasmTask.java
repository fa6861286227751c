package io.bacalhau.plugins.wasm;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineFactory;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds a wasm task over real files in a temp folder and runs it through the engine the plugin
 * registers, the way a compute node would.
 */
final class WasmTask {
  final Path dir;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final List<PreparedInput> inputs = new ArrayList<>();
  private final List<ResultPath> results = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private long memory;
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  WasmTask(Path dir) {
    this.dir = dir;
  }

  /** The engine, found through META-INF/services as the node finds it. */
  static Engine engine(Path dataDir) {
    for (EngineFactory<?> f : ServiceLoader.load(EngineFactory.class)) {
      if (f.type().equals("wasm")) {
        return create(f, dataDir);
      }
    }
    throw new AssertionError("no wasm EngineFactory registered");
  }

  private static <C> Engine create(EngineFactory<C> f, Path dataDir) {
    C config =
        io.bacalhau.core.config.ConfigBinder.DEFAULTS.bind(f.configSection(), f.configType());
    return f.create(config, new ProviderContext(dataDir, "node-1", Map.of()));
  }

  /** A committed test module, copied into the temp folder. */
  static byte[] fixture(String name) {
    try (InputStream in = WasmTask.class.getResourceAsStream("/wasm/" + name)) {
      if (in == null) {
        throw new AssertionError("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts a fixture module on the host and mounts it at target. */
  WasmTask module(String fixture, String target) throws IOException {
    Path host = Files.createTempDirectory(dir, "module").resolve(fixture);
    Files.write(host, fixture(fixture));
    return input(host, target);
  }

  WasmTask input(Path host, String target) {
    inputs.add(
        new PreparedInput(new InputSource(SpecConfig.EMPTY, "", target), host, target, false));
    return this;
  }

  /** An input its source marks read-write, as an allow-listed {@code :rw} local folder is. */
  WasmTask writableInput(Path host, String target) {
    inputs.add(
        new PreparedInput(new InputSource(SpecConfig.EMPTY, "", target), host, target, true));
    return this;
  }

  WasmTask result(String name, String path) {
    results.add(new ResultPath(name, path));
    return this;
  }

  WasmTask param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  WasmTask env(String name, String value) {
    env.put(name, value);
    return this;
  }

  WasmTask memory(long bytes) {
    memory = bytes;
    return this;
  }

  Path resultsDir() {
    return dir.resolve("results");
  }

  RunRequest request() throws IOException {
    Files.createDirectories(resultsDir());
    for (ResultPath rp : results) {
      Files.createDirectories(resultsDir().resolve(rp.name()));
    }
    SpecConfig spec = SpecConfig.of("wasm", params);
    Job job =
        Job.builder()
            .id("j-test")
            .name("test")
            .type("batch")
            .count(1)
            .task(Task.builder().name("main").engine(spec).build())
            .build();
    return new RunRequest(
        job,
        "e-test",
        0,
        spec,
        env,
        inputs,
        results,
        resultsDir(),
        Files.createDirectories(dir.resolve("work")),
        new Resources(0, memory, 0, 0),
        NetworkConfig.DEFAULT,
        stdout,
        stderr,
        Duration.ZERO);
  }

  EngineResult run(Engine engine) throws Exception {
    return engine.run(request(), ExecutionEvents.NONE);
  }

  String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }
}
