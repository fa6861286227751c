package io.bacalhau.cli.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.errors.BacalhauException;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bacalhau auth hash-password}: a bcrypt hash (cost 12) of a password, for the {@code
 * Password} of an {@code API.Auth.Users} entry, so the config file need not hold the password.
 */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bcrypt hash of a password for API.Auth.Users.",
      "The password is read from the terminal without echo, or from the first line of stdin."
    })
public final class AuthHashPasswordCommand implements Callable<Integer> {
  static final int MAX_CHARS = 100;

  /** bcrypt reads no further; a longer password would be cut silently, so it is refused. */
  static final int MAX_BYTES = 72;

  private static final int COST = 12;

  private final CliSession session;

  AuthHashPasswordCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String password = read();
    if (password.isEmpty()) {
      throw BacalhauException.badRequest(
          "the password is empty", "Type a password, or pipe one on stdin.");
    }
    if (password.length() > MAX_CHARS) {
      throw BacalhauException.badRequest(
          "the password is longer than " + MAX_CHARS + " characters",
          "Use a password of at most " + MAX_CHARS + " characters.");
    }
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      throw BacalhauException.badRequest(
          "the password is longer than bcrypt's " + MAX_BYTES + " bytes",
          "Use a shorter password (" + MAX_BYTES + " bytes of UTF-8 at most).");
    }
    session
        .out()
        .println(new String(BCrypt.withDefaults().hash(COST, bytes), StandardCharsets.UTF_8));
    return ExitCode.OK;
  }

  private String read() {
    Console console = System.console();
    if (session.context().interactive() && console != null) {
      char[] typed = console.readPassword("Enter password: ");
      return typed == null ? "" : new String(typed);
    }
    return firstLine(session.context().in());
  }

  /**
   * The first line, byte by byte so nothing after it is consumed (the shell shares the stream); a
   * little past the limit is enough to tell a password is too long.
   */
  private static String firstLine(InputStream in) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) != -1 && b != '\n' && line.size() <= MAX_CHARS * 4) {
        line.write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
