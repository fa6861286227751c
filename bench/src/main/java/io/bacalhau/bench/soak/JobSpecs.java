package io.bacalhau.bench.soak;

import io.bacalhau.core.builtin.inline.DataUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The jobs the soak submits, as the JSON bodies of {@code PUT /api/v1/orchestrator/jobs}: noop jobs
 * that print a few lines, noop jobs that sleep until stopped, and a WASI module sent inline.
 */
final class JobSpecs {
  /**
   * Small enough that the compute node runs a hundred at once: with the default 500m CPU a task, a
   * few sleeping jobs would hold every slot and the quick jobs would queue behind them.
   */
  private static final String RESOURCES = "\"Resources\": {\"CPU\": \"10m\", \"Memory\": \"%s\"}";

  private final Optional<String> wasm;
  private final long sleepMillis;

  /** {@code sleep}: how long a sleeping job runs unless stopped, longer than the whole run. */
  JobSpecs(Optional<Path> wasmModule, java.time.Duration sleep) throws IOException {
    this.sleepMillis = sleep.toMillis();
    this.wasm =
        wasmModule.isPresent()
            ? Optional.of(wasmSpec(DataUrl.encode(Files.readAllBytes(wasmModule.get()))))
            : Optional.empty();
  }

  boolean hasWasm() {
    return wasm.isPresent();
  }

  /** Prints three lines and completes: what the logs follower reads. */
  String quickNoop(int client, long n) {
    return noop(
        "\"Stdout\": \"client " + client + " job " + n + "\\nsecond line\\nthird line\\n\"");
  }

  /** Runs for a minute unless stopped: what the stop operation ends. */
  String sleepingNoop() {
    return noop("\"SleepMillis\": " + sleepMillis);
  }

  String wasm() {
    return wasm.orElseThrow();
  }

  private static String noop(String params) {
    return "{\"Job\": {\"Type\": \"batch\", \"Count\": 1, \"Labels\": {\"soak\": \"true\"},"
        + " \"Tasks\": [{\"Name\": \"main\", \"Engine\": {\"Type\": \"noop\", \"Params\": {"
        + params
        + "}}, "
        + RESOURCES.formatted("16Mi")
        + "}]}}";
  }

  private static String wasmSpec(String dataUrl) {
    return "{\"Job\": {\"Type\": \"batch\", \"Count\": 1, \"Labels\": {\"soak\": \"true\"},"
        + " \"Tasks\": [{\"Name\": \"main\", \"Engine\": {\"Type\": \"wasm\", \"Params\":"
        + " {\"EntryModule\": \"/app/hello.wasm\", \"Entrypoint\": \"_start\","
        + " \"Parameters\": [\"soak\"]}}, \"InputSources\": [{\"Target\": \"/app/hello.wasm\","
        + " \"Source\": {\"Type\": \"inline\", \"Params\": {\"URL\": \""
        + dataUrl
        + "\"}}}], "
        + RESOURCES.formatted("64Mi")
        + "}]}}";
  }
}
