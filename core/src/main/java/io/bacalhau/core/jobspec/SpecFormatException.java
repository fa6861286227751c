package io.bacalhau.core.jobspec;

/** The bytes are not a spec document at all: not YAML/JSON, empty, or not a mapping. */
final class SpecFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  SpecFormatException(String message) {
    super(message);
  }
}
