package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Job;

/** Reads a job spec (YAML or JSON, current or legacy shape) into a {@link Job}. */
public final class JobSpecParser {
  private JobSpecParser() {}

  /**
   * Parses the bytes of a spec; {@code source} names the file in errors.
   *
   * @throws io.bacalhau.core.errors.BacalhauException (ValidationError) naming the source and, when
   *     known, the line
   */
  public static Job parse(String source, byte[] content) {
    throw new UnsupportedOperationException("not yet");
  }
}
