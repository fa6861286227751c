package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;

/** Turns a failed RPC call into an error that says what to check. */
final class IpfsErrors {
  private IpfsErrors() {}

  static BacalhauException map(IpfsFailure f, String component, String action, IpfsRpc rpc) {
    String at = rpc.endpoint().toString();
    BacalhauException.Builder b;
    if (f.status() == 0) {
      b =
          BacalhauException.builder(
                  ErrorCode.NETWORK_FAILURE, "cannot " + action + ": " + f.getMessage())
              .hint("Start the IPFS node or fix the configured Endpoint (now " + at + ").")
              .retryable(true);
    } else if (f.timedOut()) {
      b =
          BacalhauException.builder(
                  ErrorCode.NOT_FOUND,
                  "cannot "
                      + action
                      + ": the IPFS node at "
                      + at
                      + " did not find it in time ("
                      + f.getMessage()
                      + ")")
              .hint(
                  "Check the CID, and that the node holds the data or is connected to peers that do.")
              .retryable(true);
    } else {
      b =
          BacalhauException.builder(
              f.status() == 400 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR,
              "cannot "
                  + action
                  + ": the IPFS node at "
                  + at
                  + " answered HTTP "
                  + f.status()
                  + ": "
                  + f.getMessage());
    }
    return b.component(component).failsExecution(true).cause(f).detail("Endpoint", at).build();
  }
}
