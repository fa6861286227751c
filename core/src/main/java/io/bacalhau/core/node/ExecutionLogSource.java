package io.bacalhau.core.node;

import io.bacalhau.core.models.Execution;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * Where an orchestrator reads the output of an execution that runs on another node of its cluster
 * (Bacalhau's orchestrator proxies ExecutionLogs to the node holding the execution). Executions of
 * the node in this process are read from its executions folder instead.
 */
@FunctionalInterface
public interface ExecutionLogSource {

  /**
   * Copies the execution's stdout and stderr to {@code out} and {@code err}; with {@code follow} it
   * keeps copying until {@code finished} (the orchestrator's view of the execution) says it ended
   * and all its output is copied, with {@code tail} it starts at the end.
   */
  void copy(
      Execution execution,
      boolean follow,
      boolean tail,
      BooleanSupplier finished,
      OutputStream out,
      OutputStream err)
      throws InterruptedException;
}
