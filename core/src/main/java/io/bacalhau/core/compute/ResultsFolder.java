package io.bacalhau.core.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An execution's {@code results} folder, made the first time something is kept in it: a run with no
 * output, no result paths and no publisher leaves no folder at all (each folder and file is an
 * inode the disk's journal writes, most of a noop job's cost on the compute side). {@code job logs}
 * reads a missing output file as empty, as it does before a run writes anything.
 */
final class ResultsFolder {
  private final Path execution;
  private final Path results;
  private boolean made;

  ResultsFolder(Path executionsDir, String executionId) {
    this.execution = ExecutionFolders.execution(executionsDir, executionId);
    this.results = execution.resolve("results");
  }

  /** The folder's path, whether it was made yet or not. */
  Path path() {
    return results;
  }

  /** Makes the folder (and the execution's) unless done already; returns its path. */
  synchronized Path make() throws IOException {
    if (!made) {
      // One mkdir each: asked for the nested path at once, Files.createDirectories would first
      // fail on the missing parent and look for the existing one.
      Files.createDirectories(execution);
      Files.createDirectories(results);
      made = true;
    }
    return results;
  }

  /** Whether it holds anything: made here, or by an engine writing into it on its own. */
  synchronized boolean exists() {
    return made || Files.isDirectory(results);
  }
}
