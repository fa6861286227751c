package io.bacalhau.core.spi.engine;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything an engine needs for one run.
 *
 * @param env the task env, resolved, plus the injected {@code BACALHAU_*} variables
 * @param inputs prepared inputs: host paths to mount read-only (unless marked read-write) at their
 *     target
 * @param resultsDir where results go; each result path is {@code resultsDir/<Name>}, already
 *     created
 * @param workDir scratch space of this execution, made when an engine first asks for it
 * @param stdout where the task's standard output goes (the node caps and keeps it)
 * @param stderr where the task's standard error goes
 * @param timeout the execution timeout, or zero for none (the node also interrupts the run)
 */
public record RunRequest(
    Job job,
    String executionId,
    int partitionIndex,
    SpecConfig engineSpec,
    Map<String, String> env,
    List<PreparedInput> inputs,
    List<ResultPath> resultPaths,
    Path resultsDir,
    Path workDir,
    Resources resources,
    NetworkConfig network,
    OutputStream stdout,
    OutputStream stderr,
    Duration timeout) {

  public RunRequest {
    env = Map.copyOf(env);
    inputs = List.copyOf(inputs);
    resultPaths = List.copyOf(resultPaths);
  }

  /**
   * The scratch folder, made on this first call: most engines never use it, and a folder per run is
   * a cost a noop job notices.
   */
  @Override
  public Path workDir() {
    try {
      return Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jobId() {
    return job.id();
  }
}
