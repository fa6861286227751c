package io.bacalhau.plugins.ipfs;

/** An RPC call the node refused or could not answer; status 0 when it was not reached. */
final class IpfsFailure extends RuntimeException {
  private final int status;

  IpfsFailure(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  boolean timedOut() {
    return getMessage() != null
            && getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")
        || getMessage() != null && getMessage().contains("context deadline exceeded");
  }
}
