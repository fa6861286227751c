package io.bacalhau.server;

import io.bacalhau.core.client.PagingToken;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.LabelSelectors;
import io.helidon.common.uri.UriQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Query parameters as Bacalhau's clients send them: booleans also as Python writes them ({@code
 * reverse=False}), numbers checked, and a bad value named with what would be valid.
 */
final class QueryParams {
  private final UriQuery query;

  QueryParams(UriQuery query) {
    this.query = query;
  }

  String string(String name, String fallback) {
    return query.first(name).filter(v -> !v.isBlank()).orElse(fallback);
  }

  boolean bool(String name) {
    String v = string(name, "false").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw BacalhauException.badRequest(
              "invalid value '" + v + "' for query parameter " + name, "Use true or false.");
    };
  }

  long number(String name, long fallback) {
    String v = string(name, "");
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw BacalhauException.badRequest(
          "invalid value '" + v + "' for query parameter " + name,
          "Use a whole number of 0 or more.");
    }
  }

  /**
   * The {@code next_token} sent back from a previous page, if any. The server hands out opaque
   * tokens in Bacalhau's shape only; anything else (the bare numbers of earlier builds included) is
   * refused, naming the parameter.
   */
  Optional<PagingToken> nextToken() {
    String v = string("next_token", "");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        PagingToken.decode(v)
            .orElseThrow(
                () ->
                    BacalhauException.badRequest(
                        "invalid next_token '" + v + "': not a token this server handed out",
                        "Pass the NextToken of the previous page exactly as it came, or leave"
                            + " next_token out for the first page.")));
  }

  /** Every value of a repeated parameter, as sent. */
  List<String> all(String name) {
    return query.contains(name) ? query.all(name) : List.of();
  }

  /** A comma-separated or repeated parameter ({@code include=history,executions}). */
  List<String> list(String name) {
    if (!query.contains(name)) {
      return List.of();
    }
    return query.all(name).stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /**
   * The requirements of every {@code name=} label selector (Bacalhau's client sends one requirement
   * per parameter); all must hold.
   */
  List<LabelSelectorRequirement> selector(String name) {
    List<LabelSelectorRequirement> all = new ArrayList<>();
    for (String selector : all(name)) {
      try {
        all.addAll(LabelSelectors.parse(selector));
      } catch (LabelSelectors.InvalidSelectorException e) {
        throw BacalhauException.badRequest(
            "invalid " + name + " '" + selector + "': " + e.getMessage(), LabelSelectors.SYNTAX);
      }
    }
    return all;
  }
}
