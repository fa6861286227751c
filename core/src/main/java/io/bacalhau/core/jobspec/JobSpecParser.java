package io.bacalhau.core.jobspec;

import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Job;

/** Reads a job spec (YAML or JSON, current or legacy shape) into a {@link Job}. */
public final class JobSpecParser {
  private JobSpecParser() {}

  public static Job parse(String source, byte[] content) {
    try {
      return Codecs.yaml().readValue(content, Job.class);
    } catch (java.io.IOException e) {
      throw BacalhauException.of(ErrorCode.VALIDATION_ERROR, source + ": " + e.getMessage());
    }
  }
}
