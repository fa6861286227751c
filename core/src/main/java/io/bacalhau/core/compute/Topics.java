package io.bacalhau.core.compute;

/** The history topics compute writes, as Bacalhau names them. */
final class Topics {
  static final String DOWNLOADING_INPUTS = "Downloading Inputs";
  static final String RUNNING_EXECUTION = "Running Execution";
  static final String PUBLISHING_RESULTS = "Publishing Results";
  static final String EXECUTION = "Execution";

  private Topics() {}
}
