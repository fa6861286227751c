package io.bacalhau.core.store;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;

/** Wraps a database or encoding failure as a structured, retryable datastore error. */
final class StoreFailure {
  private StoreFailure() {}

  static BacalhauException of(Exception e) {
    return BacalhauException.builder(ErrorCode.DATASTORE_FAILURE, "job store: " + e.getMessage())
        .component(StoreReader.COMPONENT)
        .retryable(true)
        .cause(e)
        .build();
  }
}
