package io.bacalhau.testing.contract;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One execution of an {@link EngineProgram}, with folders and a request built the way the compute
 * node builds them: a fresh results folder holding one folder per result path, and a work folder.
 */
public final class EngineRun {
  private final Path dir;
  private final EngineProgram program;
  private final String executionId = "e-" + UUID.randomUUID();

  /** The job every contract run belongs to; {@code BACALHAU_JOB_ID} in the task's env. */
  public static final String JOB_ID = "j-contract";

  private final List<PreparedInput> inputs = new ArrayList<>();
  private final List<ResultPath> results = new ArrayList<>();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  public EngineRun(Path dir, EngineProgram program) {
    this.dir = dir.resolve(executionId);
    this.program = program;
    this.inputs.addAll(program.inputs());
  }

  public EngineRun input(Path host, String target) {
    inputs.add(
        new PreparedInput(new InputSource(SpecConfig.EMPTY, "", target), host, target, false));
    return this;
  }

  public EngineRun result(ResultPath path) {
    results.add(path);
    return this;
  }

  public EngineProgram program() {
    return program;
  }

  public String executionId() {
    return executionId;
  }

  public Path resultsDir() {
    return dir.resolve("results");
  }

  public RunRequest request() throws IOException {
    Files.createDirectories(resultsDir());
    for (ResultPath rp : results) {
      Files.createDirectories(resultsDir().resolve(rp.name()));
    }
    Path work = Files.createDirectories(dir.resolve("work"));
    SpecConfig engine = program.spec();
    Job job =
        Job.builder()
            .id(JOB_ID)
            .name("contract")
            .namespace("default")
            .type(JobType.BATCH)
            .count(1)
            .task(Task.builder().name("main").engine(engine).build())
            .build();
    return new RunRequest(
        job,
        executionId,
        0,
        engine,
        Map.of("BACALHAU_JOB_ID", JOB_ID, "BACALHAU_EXECUTION_ID", executionId),
        inputs,
        results,
        resultsDir(),
        work,
        Resources.ZERO,
        NetworkConfig.DEFAULT,
        stdout,
        stderr,
        Duration.ZERO);
  }

  public EngineResult runWith(Engine engine) throws Exception {
    return engine.run(request(), ExecutionEvents.NONE);
  }

  public String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  public String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }
}
