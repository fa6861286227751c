package io.bacalhau.cli.job;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.client.PagingToken;

/**
 * The {@code --next-token} of the list commands: a {@link PagingToken}, the shape Bacalhau's
 * servers hand out, so the token a command prints is the one a server returns for the same page.
 */
final class PageToken {
  private PageToken() {}

  static String encode(String orderBy, boolean reversed, int limit, long position) {
    return new PagingToken(orderBy, reversed, limit, position).encode();
  }

  /** The position a token names; a token the command did not print is a usage error. */
  static long position(String token, String command) {
    return decode(token, command).offset();
  }

  static PagingToken decode(String token, String command) {
    return PagingToken.decode(token)
        .orElseThrow(
            () ->
                new UsageException(
                    "invalid --next-token '" + token + "'",
                    "Copy the token exactly as " + command + " printed it."));
  }
}
