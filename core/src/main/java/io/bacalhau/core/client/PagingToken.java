package io.bacalhau.core.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A list's {@code NextToken}, in Bacalhau's shape: {@code base64url(sortBy:Y|N:limit:offset)}
 * without padding. The server hands it out, the HTTP client sends it, and the CLI prints it, all in
 * this one shape, so that a Go Bacalhau server reads our client's tokens and a token copied from
 * any of them means the same page everywhere.
 *
 * <p>For jobs and executions the offset is how many items come before the page. For history it is,
 * as in Bacalhau, the sequence number the page starts at (going down when reversed, our extension);
 * {@link #afterSeq(long, int, boolean)} and {@link #afterSeq()} convert from and to the "entries
 * after this one" of {@link HistoryQuery}.
 *
 * @param sortBy the list's order ({@code created_at}, ...), "" where the list has one order only
 * @param reverse newest first
 * @param limit the page size the list was asked for, 0 for none
 * @param offset where the next page starts
 */
public record PagingToken(String sortBy, boolean reverse, long limit, long offset) {

  public PagingToken {
    sortBy = sortBy == null ? "" : sortBy;
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative");
    }
  }

  /** The token of the history page after the entry numbered {@code seq} (0: the first page). */
  public static PagingToken afterSeq(long seq, int limit, boolean reverse) {
    long start = seq <= 0 ? 0 : reverse ? Math.max(seq - 1, 0) : seq + 1;
    return new PagingToken("", reverse, limit, start);
  }

  /** For a history token: the entries it asks for are those after this sequence number. */
  public long afterSeq() {
    if (offset == 0) {
      return 0;
    }
    return reverse ? offset + 1 : offset - 1;
  }

  public String encode() {
    String raw = sortBy + ":" + (reverse ? "Y" : "N") + ":" + limit + ":" + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The token {@code text} encodes, or empty when it is not one (never an exception). */
  public static Optional<PagingToken> decode(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", -1);
      if (parts.length != 4 || !(parts[1].equals("Y") || parts[1].equals("N"))) {
        return Optional.empty();
      }
      long limit = Long.parseLong(parts[2]);
      long offset = Long.parseLong(parts[3]);
      if (limit < 0 || offset < 0) {
        return Optional.empty();
      }
      return Optional.of(new PagingToken(parts[0], parts[1].equals("Y"), limit, offset));
    } catch (IllegalArgumentException notBase64OrNotANumber) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return encode();
  }
}
