package io.bacalhau.plugins.s3;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import java.util.ArrayList;
import java.util.List;

/** Reads string params of a spec, collecting every problem before failing. */
final class S3Params {
  private final SpecConfig spec;
  private final String path;
  private final String component;
  private final List<String> problems = new ArrayList<>();

  S3Params(SpecConfig spec, String path, String component) {
    this.spec = spec;
    this.path = path;
    this.component = component;
  }

  /** The param as a stripped string, or "" when absent. */
  String optional(String name) {
    Object value = spec.param(name);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String) && !(value instanceof Number)) {
      problems.add(path + "." + name + " must be a string");
      return "";
    }
    return String.valueOf(value).strip();
  }

  String required(String name) {
    String value = optional(name);
    if (value.isEmpty() && spec.param(name) == null) {
      problems.add(path + "." + name + " is required");
    }
    return value;
  }

  void problem(String message) {
    problems.add(message);
  }

  /** Throws one validation error naming every problem found. */
  void check() {
    if (problems.isEmpty()) {
      return;
    }
    throw BacalhauException.builder(
            ErrorCode.VALIDATION_ERROR, "invalid s3 params: " + String.join("; ", problems))
        .component(component)
        .hint(
            "S3 params are Bucket, Key, Endpoint, Region"
                + (component.equals(S3Publisher.COMPONENT)
                    ? ", Encoding (gzip|plain)"
                    : ", Filter (regex), VersionID, ChecksumSHA256"))
        .failsExecution(true)
        .build();
  }
}
