package io.bacalhau.core.builtin;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import java.nio.charset.StandardCharsets;

/**
 * Does nothing, successfully, unless its params say otherwise: {@code Stdout}, {@code Stderr} (text
 * to print), {@code ExitCode} (int), {@code SleepMillis} (a delay that honours stops and timeouts),
 * {@code Files} (a map of result paths such as {@code outputs/a.txt} to their content) and {@code
 * Error} (a runner failure). Those params let tests and demos script every outcome without Docker.
 */
final class NoopEngine implements Engine {

  @Override
  public void validate(SpecConfig spec) {
    for (String key : new String[] {"ExitCode", "SleepMillis"}) {
      Object value = spec.param(key);
      if (value != null && !(value instanceof Number) && !String.valueOf(value).matches("-?\\d+")) {
        throw BacalhauException.builder(
                ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR,
                "Engine.Params." + key + ": expected a whole number, got '" + value + "'")
            .component("Executor")
            .build();
      }
    }
    Object sleep = spec.param("SleepMillis");
    if (sleep != null
        && new java.math.BigDecimal(String.valueOf(sleep).strip())
                .compareTo(java.math.BigDecimal.valueOf(Times.MAX_DURATION.toMillis()))
            > 0) {
      // The bound of every duration in a spec; past it the run's own parse would overflow.
      throw BacalhauException.builder(
              ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR,
              "Engine.Params.SleepMillis: at most "
                  + Times.MAX_DURATION.toMillis()
                  + " (100 years), got "
                  + sleep)
          .component("Executor")
          .build();
    }
  }

  @Override
  public EngineResult run(RunRequest request, ExecutionEvents events) throws Exception {
    SpecConfig spec = request.engineSpec();
    long sleep = number(spec.param("SleepMillis"));
    if (sleep > 0) {
      Thread.sleep(sleep);
    }
    writeFiles(request.resultsDir(), spec.param("Files"));
    write(request.stdout(), spec.param("Stdout"));
    write(request.stderr(), spec.param("Stderr"));
    Object error = spec.param("Error");
    if (error != null && !String.valueOf(error).isBlank()) {
      throw BacalhauException.builder(ErrorCode.INTERNAL_ERROR, String.valueOf(error))
          .component("NoopExecutor")
          .failsExecution(true)
          .build();
    }
    return EngineResult.exited((int) number(spec.param("ExitCode")));
  }

  private static void writeFiles(java.nio.file.Path resultsDir, Object files)
      throws java.io.IOException {
    if (files instanceof java.util.Map<?, ?> map) {
      for (var entry : map.entrySet()) {
        java.nio.file.Path file =
            io.bacalhau.core.spi.archive.SafePaths.resolveInside(
                resultsDir, String.valueOf(entry.getKey()));
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, String.valueOf(entry.getValue()));
      }
    }
  }

  private static void write(java.io.OutputStream out, Object text) throws java.io.IOException {
    if (text != null) {
      out.write(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    return value == null ? 0 : Long.parseLong(String.valueOf(value).strip());
  }
}
