package io.bacalhau.bench.soak;

/**
 * An answer of the node's that a correct client would not get: an error status, a broken stream.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ApiException(String op, String message) {
    super(op + ": " + message);
  }
}
