package io.bacalhau.cli.errors;

/** A command that has already said what went wrong and only needs to exit with a given code. */
public final class CommandFailedException extends RuntimeException {
  private final int exitCode;
  private final String hint;

  public CommandFailedException(int exitCode, String message, String hint) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  public int exitCode() {
    return exitCode;
  }

  public String hint() {
    return hint;
  }
}
