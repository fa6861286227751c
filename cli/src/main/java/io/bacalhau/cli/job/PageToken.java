package io.bacalhau.cli.job;

import io.bacalhau.cli.errors.UsageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code --next-token} of the list commands, shaped as Bacalhau's ({@code
 * base64url(orderBy:Y|N:limit:position)}); the position is where the next page starts.
 */
final class PageToken {
  private PageToken() {}

  static String encode(String orderBy, boolean reversed, int limit, long position) {
    String raw = orderBy + ":" + (reversed ? "Y" : "N") + ":" + limit + ":" + position;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a token names; a token the command did not print is a usage error. */
  static long position(String token, String command) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
      long position = Long.parseLong(parts[3]);
      if (position < 0) {
        throw new NumberFormatException();
      }
      return position;
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new UsageException(
          "invalid --next-token '" + token + "'",
          "Copy the token exactly as " + command + " printed it.");
    }
  }
}
