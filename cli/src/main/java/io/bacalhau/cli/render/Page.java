package io.bacalhau.cli.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A list as Bacalhau's API wraps it, {@code {"NextToken": "", "Items": [...]}}: machine output
 * prints what the corresponding route returns.
 */
public record Page<T>(
    @JsonProperty("NextToken") String nextToken, @JsonProperty("Items") List<T> items) {

  public Page {
    nextToken = nextToken == null ? "" : nextToken;
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** Everything there is, on one page. */
  public static <T> Page<T> of(List<T> items) {
    return new Page<>("", items);
  }
}
