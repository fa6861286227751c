package io.bacalhau.plugins.wasm;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a {@code wasm} task: finds its modules among the inputs, mounts inputs and result folders,
 * and runs the entrypoint with the task's env and args. A non-zero exit is a normal result; a trap,
 * a missing entrypoint, an invalid module or an import nothing provides fails the execution.
 */
final class WasmEngine implements Engine {
  static final long PAGE_BYTES = 64 * 1024;
  static final int MAX_PAGES = 65536;

  /** Compiled WASM calls are JVM calls: deep guest recursion needs a deep thread stack. */
  private static final long STACK_BYTES = 256L * 1024 * 1024;

  private static final long STOP_GRACE_MILLIS = 10_000;

  private final ChicoryRuntime runtime;

  WasmEngine(ChicoryRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void validate(SpecConfig engineSpec) {
    WasmParams.from(engineSpec);
  }

  @Override
  public EngineResult run(RunRequest request, ExecutionEvents events) throws Exception {
    WasmParams params = WasmParams.from(request.engineSpec());
    WasmMounts mounts = WasmMounts.of(request);
    ModuleSource entry = mounts.module(params.entryModule(), "EntryModule");
    List<ModuleSource> imports = new ArrayList<>();
    for (String target : params.importModules()) {
      imports.add(mounts.module(target, "ImportModules"));
    }
    Map<String, String> env = new TreeMap<>(request.env());
    env.putAll(params.environmentVariables());
    List<String> args = new ArrayList<>();
    args.add("");
    args.addAll(params.parameters());
    WasmProgram program =
        new WasmProgram(
            entry,
            imports,
            mounts::moduleNamed,
            params.entrypoint(),
            args,
            env,
            mounts.all(),
            memoryLimitPages(request.resources() == null ? 0 : request.resources().memory()),
            request.stdout(),
            request.stderr());
    WasmOutcome outcome = runOnOwnThread(program, request.executionId());
    request.stdout().flush();
    request.stderr().flush();
    return new EngineResult(outcome.exitCode(), outcome.error());
  }

  /**
   * Runs on a platform thread with a deep stack; an interrupt of the caller (stop, timeout) is
   * passed on, and the compiled module notices it at its next loop iteration or call.
   */
  private WasmOutcome runOnOwnThread(WasmProgram program, String executionId) throws Exception {
    FutureTask<WasmOutcome> task = new FutureTask<>(() -> runtime.run(program));
    Thread worker = new Thread(null, task, "wasm-" + executionId, STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get();
    } catch (InterruptedException e) {
      worker.interrupt();
      worker.join(STOP_GRACE_MILLIS);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InterruptedException) {
        throw new InterruptedException("WASM module stopped");
      }
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The task's Memory in 64 KiB pages, rounded up; 0 when unset. */
  static int memoryLimitPages(long bytes) {
    if (bytes <= 0) {
      return 0;
    }
    long pages = (bytes + PAGE_BYTES - 1) / PAGE_BYTES;
    if (pages > MAX_PAGES) {
      throw BacalhauException.builder(
              ErrorCode.MEMORY_LIMIT_EXCEEDED,
              "memory limit of "
                  + bytes
                  + " bytes is more than a WASM module can address (4 GiB, 65536 pages)")
          .component("Executor")
          .hint("Ask for at most 4Gb of memory in the task's Resources")
          .failsExecution(true)
          .build();
    }
    return (int) pages;
  }
}
