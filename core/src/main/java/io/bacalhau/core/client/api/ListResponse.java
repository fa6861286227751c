package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Bacalhau's list wrapper: the items of one page and the token of the next ("" when there is none).
 */
public record ListResponse<T>(
    @JsonProperty("Items") List<T> items, @JsonProperty("NextToken") String nextToken) {
  public ListResponse {
    items = items == null ? List.of() : List.copyOf(items);
    nextToken = nextToken == null ? "" : nextToken;
  }

  public static <T> ListResponse<T> of(List<T> items) {
    return new ListResponse<>(items, "");
  }
}
