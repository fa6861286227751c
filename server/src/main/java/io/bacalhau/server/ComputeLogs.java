package io.bacalhau.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a compute node of a cluster answers on {@code GET /logs/<execID>} of its results listener:
 * its executions' output, for its orchestrator, which proxies {@code job logs} to it.
 *
 * @param token the cluster token a request must present as {@code Authorization: Bearer <token>}
 *     (blank: none, as the broker asks none)
 * @param streamer writes the execution's output in the node's log stream format
 */
public record ComputeLogs(String token, Streamer streamer) {

  public ComputeLogs {
    token = token == null ? "" : token;
  }

  /** Writes an execution's output from the given byte positions (-1: the end), maybe following. */
  @FunctionalInterface
  public interface Streamer {
    void stream(String executionId, long outFrom, long errFrom, boolean follow, OutputStream body)
        throws IOException, InterruptedException;
  }
}
