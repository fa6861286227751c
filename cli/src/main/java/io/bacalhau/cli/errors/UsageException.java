package io.bacalhau.cli.errors;

/** The command line itself is wrong; reported like any error but exits with {@code USAGE}. */
public final class UsageException extends RuntimeException {
  private final String hint;

  public UsageException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
