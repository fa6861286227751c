package io.bacalhau.core.store;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.DiskFault;
import io.bacalhau.core.errors.ErrorCode;
import java.util.Optional;

/**
 * Wraps a database or encoding failure as a structured, retryable datastore error; a full or
 * read-only disk is said as such, with what to do.
 */
final class StoreFailure {
  private StoreFailure() {}

  static BacalhauException of(Exception e) {
    Optional<DiskFault> disk = DiskFault.of(e);
    if (disk.isPresent()) {
      return disk.get().error(StoreReader.COMPONENT, "the job store (the node's data dir)", e);
    }
    return BacalhauException.builder(ErrorCode.DATASTORE_FAILURE, "job store: " + e.getMessage())
        .component(StoreReader.COMPONENT)
        .retryable(true)
        .cause(e)
        .build();
  }
}
