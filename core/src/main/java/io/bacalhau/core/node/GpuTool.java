package io.bacalhau.core.node;

import io.bacalhau.core.models.Gpu;
import java.util.List;

/**
 * One vendor's GPU tool, as Bacalhau asks it: the command looked up on the node's PATH, and how to
 * read what it prints.
 */
interface GpuTool {
  /** The command's name ({@code nvidia-smi}). */
  String command();

  /**
   * The GPUs the tool lists.
   *
   * @param run runs the tool with these arguments and returns what it printed
   * @throws Failure when it fails or prints something that is no GPU list
   */
  List<Gpu> list(Runner run);

  /** Runs the tool found on the PATH. */
  @FunctionalInterface
  interface Runner {
    String run(String... args);
  }

  /** Why a tool gave no answer, in words for {@code node describe}. */
  final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }
}
