package io.bacalhau.core.spi;

import io.bacalhau.core.errors.BacalhauException;

/**
 * How a provider adds its own steps to an execution's history, e.g. "Pulling image busybox" or
 * "Downloading inputs". Events are recorded in order and shown by {@code job history}.
 */
public interface ExecutionEvents {
  ExecutionEvents NONE =
      new ExecutionEvents() {
        @Override
        public void emit(String topic, String message) {}

        @Override
        public void error(String topic, BacalhauException error) {}
      };

  /** A step worth telling the user about. */
  void emit(String topic, String message);

  /** A problem that did not (yet) fail the execution, e.g. a retried download. */
  void error(String topic, BacalhauException error);
}
