package io.bacalhau.core.node;

import java.io.OutputStream;

/**
 * Where {@code job logs} reads an execution's output: the local executions folder when this process
 * ran it, or the compute node that holds it in a cluster.
 */
@FunctionalInterface
public interface ExecutionLogSource {

  /**
   * Copies the execution's stdout and stderr to {@code out} and {@code err}; with {@code follow} it
   * keeps copying until the execution ends, with {@code tail} it starts at the end.
   */
  void copy(
      String jobId,
      String executionId,
      boolean follow,
      boolean tail,
      OutputStream out,
      OutputStream err)
      throws InterruptedException;
}
