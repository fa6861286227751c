package io.bacalhau.core.compute;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.DiskFault;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.orchestrator.DurationText;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs one execution: inputs, then the engine, then the publisher, reporting each step. Published
 * results always hold {@code stdout}, {@code stderr} and {@code exitCode}, whatever the exit code;
 * an unpublished run keeps only what it has (its output, its result paths, and then its exit code),
 * so a noop job touches no disk here. Only a runner failure fails the execution.
 */
final class ExecutionRunner {
  private final ProviderRegistry registry;
  private final ComputeCallback callback;
  private final ComputeSettings settings;
  private final Clock clock;

  ExecutionRunner(
      ProviderRegistry registry, ComputeCallback callback, ComputeSettings settings, Clock clock) {
    this.registry = registry;
    this.callback = callback;
    this.settings = settings;
    this.clock = clock;
  }

  void run(Job job, Execution execution, RunningExecution handle) {
    String id = execution.id();
    ExecutionEvents events = new CallbackEvents(callback, id, clock);
    Task task = job.task();
    List<PreparedInput> inputs = List.of();
    OutputCapture stdout = null;
    OutputCapture stderr = null;
    try {
      Path dir = ExecutionFolders.execution(settings.executionsDir(), id);
      ResultsFolder results = new ResultsFolder(settings.executionsDir(), id);
      // Every result folder is checked before any is made: a bad name leaves nothing behind.
      List<Path> resultFolders =
          task.resultPaths().stream()
              .map(rp -> ExecutionFolders.result(results.path(), rp))
              .toList();
      // Published results hold stdout, stderr and exitCode however empty; otherwise the folder
      // and the output files are made when something is kept in them.
      boolean publishing = !task.publisher().isEmpty();
      if (publishing || !resultFolders.isEmpty()) {
        results.make();
      }
      for (Path folder : resultFolders) {
        Files.createDirectories(folder);
      }
      callback.progressed(id, ExecutionStateType.RUNNING);
      inputs = InputStager.prepare(registry, job, id, dir.resolve("inputs"), events);
      stdout = new OutputCapture(results, "stdout", publishing);
      stderr = new OutputCapture(results, "stderr", publishing);
      Duration timeout = Duration.ofSeconds(task.timeouts().effectiveExecutionTimeout());
      handle.armTimeout(timeout);
      RunRequest request =
          new RunRequest(
              job,
              id,
              execution.partitionIndex(),
              task.engine(),
              EnvironmentBuilder.build(job, execution, settings.envAllowList(), settings.hostEnv()),
              inputs,
              task.resultPaths(),
              results.path(),
              dir.resolve("work"),
              execution.allocatedResources().total(),
              task.network(),
              stdout,
              stderr,
              timeout);
      EngineResult result = registry.engine(task.engine().type()).run(request, events);
      handle.disarmTimeout();
      stdout.close();
      stderr.close();
      RunCommandResult output =
          new RunCommandResult(
              stdout.inline(),
              stdout.truncated(),
              stderr.inline(),
              stderr.truncated(),
              result.exitCode(),
              result.errorMessage());
      if (results.exists()) {
        Files.writeString(
            results.path().resolve("exitCode"),
            String.valueOf(result.exitCode()),
            StandardCharsets.UTF_8);
      }
      if (output.failed()) {
        callback.computeError(id, runnerError(output.errorMsg()), output);
        return;
      }
      SpecConfig published = SpecConfig.EMPTY;
      if (!task.publisher().isEmpty()) {
        callback.progressed(id, ExecutionStateType.PUBLISHING);
        published =
            registry
                .publisher(task.publisher().type())
                .publish(
                    new PublishRequest(
                        job, id, settings.nodeId(), task.publisher(), results.path()),
                    events);
      }
      callback.runResult(id, published, output);
    } catch (InterruptedException e) {
      stopped(id, handle, stdout, stderr);
    } catch (Exception | Error e) {
      // Flushed before the end is reported, so a follower of the logs reads the last lines.
      closeQuietly(stdout);
      closeQuietly(stderr);
      // An Error too (a plugin missing a class): the execution fails rather than stay running.
      if (handle.stopReason() != null) {
        stopped(id, handle, stdout, stderr);
        return;
      }
      BacalhauException error = failure(e);
      callback.computeError(id, error, partialOutput(stdout, stderr, error.getMessage()));
    } finally {
      handle.disarmTimeout();
      // Whatever way the run ended: a node leaked two descriptors per stopped or failed execution.
      closeQuietly(stdout);
      closeQuietly(stderr);
      InputStager.cleanup(registry, inputs);
    }
  }

  /**
   * What the execution failed of. A full or read-only disk under it is said as such with what to
   * do, unless a plugin's own error already gives a hint.
   */
  private BacalhauException failure(Throwable e) {
    Optional<DiskFault> disk = DiskFault.of(e);
    if (disk.isPresent()
        && !(e instanceof BacalhauException b && b.hint() != null && !b.hint().isEmpty())) {
      return disk.get().error("Compute", settings.executionsDir().toString(), e);
    }
    if (e instanceof BacalhauException b) {
      return b;
    }
    return BacalhauException.builder(
            ErrorCode.INTERNAL_ERROR,
            e instanceof Error || e.getMessage() == null ? e.toString() : e.getMessage())
        .component("Compute")
        .cause(e)
        .build();
  }

  private static void closeQuietly(OutputCapture capture) {
    if (capture == null) {
      return;
    }
    try {
      capture.close();
    } catch (IOException e) {
      // What the engine wrote before this is on disk or lost either way; the run's outcome stands.
    }
  }

  private void stopped(
      String id, RunningExecution handle, OutputCapture stdout, OutputCapture stderr) {
    closeQuietly(stdout);
    closeQuietly(stderr);
    RunningExecution.StopReason reason = handle.stopReason();
    if (reason != null && reason.timeout() != null) {
      String message = "Execution timed out after " + DurationText.format(reason.timeout());
      BacalhauException error =
          BacalhauException.builder(ErrorCode.TIME_OUT, message)
              .component("Compute")
              .hint("Increase the task timeout or allocate more resources")
              .retryable(true)
              .failsExecution(true)
              .build();
      callback.computeError(id, error, partialOutput(stdout, stderr, message));
    } else {
      callback.cancelled(id, reason == null ? "interrupted" : reason.message());
    }
  }

  private static RunCommandResult partialOutput(
      OutputCapture stdout, OutputCapture stderr, String error) {
    return new RunCommandResult(
        stdout == null ? "" : stdout.inline(),
        stdout != null && stdout.truncated(),
        stderr == null ? "" : stderr.inline(),
        stderr != null && stderr.truncated(),
        -1,
        error);
  }

  private static BacalhauException runnerError(String message) {
    return BacalhauException.builder(ErrorCode.INTERNAL_ERROR, message)
        .component("Executor")
        .failsExecution(true)
        .build();
  }

  /** Provider events become execution history entries. */
  private record CallbackEvents(ComputeCallback callback, String executionId, Clock clock)
      implements ExecutionEvents {
    @Override
    public void emit(String topic, String message) {
      callback.event(executionId, Event.of(topic, message, clock.instant()));
    }

    @Override
    public void error(String topic, BacalhauException error) {
      callback.event(executionId, Event.fromError(topic, error, clock.instant()));
    }
  }
}
