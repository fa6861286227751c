package io.bacalhau.core.compute;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Prepares a task's inputs in parallel, each in a folder of its own, and removes them after. */
final class InputStager {
  private InputStager() {}

  static List<PreparedInput> prepare(
      ProviderRegistry registry,
      Job job,
      String executionId,
      Path stagingRoot,
      ExecutionEvents events)
      throws Exception {
    List<InputSource> inputs = job.task().inputSources();
    if (inputs.isEmpty()) {
      return List.of();
    }
    events.emit(HistoryTopics.DOWNLOADING_INPUTS, "Preparing " + inputs.size() + " input(s)");
    List<Future<PreparedInput>> futures = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < inputs.size(); i++) {
        InputSource input = inputs.get(i);
        Path staging = Files.createDirectories(stagingRoot.resolve(String.valueOf(i)));
        futures.add(
            pool.submit(
                () ->
                    registry
                        .inputSource(input.source().type())
                        .prepare(new PrepareRequest(job, executionId, input, staging), events)));
      }
      List<PreparedInput> prepared = new ArrayList<>();
      Exception failure = null;
      for (Future<PreparedInput> f : futures) {
        try {
          prepared.add(f.get());
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = asException(e.getCause());
          }
        }
      }
      if (failure != null) {
        cleanup(registry, prepared);
        throw failure;
      }
      return prepared;
    }
  }

  /**
   * A provider that fails with an Error (a class missing from its plugin, say) fails the execution
   * like any other failure, never by silently giving no input.
   */
  private static Exception asException(Throwable cause) {
    if (cause instanceof Exception e) {
      return e;
    }
    return BacalhauException.builder(
            ErrorCode.INTERNAL_ERROR, "preparing an input failed: " + cause)
        .component("InputStager")
        .failsExecution(true)
        .cause(cause)
        .build();
  }

  static void cleanup(ProviderRegistry registry, List<PreparedInput> inputs) {
    for (PreparedInput input : inputs) {
      try {
        registry.inputSource(input.spec().source().type()).cleanup(input);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(InputStager.class)
            .warn("cleaning up input {} failed", input.target(), e);
      }
    }
  }
}
