package io.bacalhau.server;

import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.PagingToken;
import io.bacalhau.core.client.api.ListResponse;
import io.bacalhau.core.errors.BacalhauException;
import java.util.List;
import java.util.Optional;

/**
 * The page a list of jobs or executions asks for: the token's (as in Bacalhau, a token stands for
 * its whole query: order, direction, size and place), else {@code order_by}, {@code reverse} and
 * {@code limit} from the query, starting at the first item.
 *
 * @param limit at most this many items; 0 for all
 */
record PageRequest(String orderBy, boolean reverse, int limit, int offset) {

  static PageRequest of(QueryParams q) {
    Optional<PagingToken> token = q.nextToken();
    String orderBy =
        token.map(PagingToken::sortBy).filter(s -> !s.isEmpty()).orElse(q.string("order_by", ""));
    orderBy = orderBy.isEmpty() ? "created_at" : orderBy;
    if (!ExecutionQuery.ORDERS.contains(orderBy)) {
      throw BacalhauException.badRequest(
          "invalid order_by '" + orderBy + "'", "Order by created_at or modified_at.");
    }
    boolean reverse = token.isPresent() ? token.get().reverse() : q.bool("reverse");
    int limit = (int) (token.isPresent() ? token.get().limit() : q.number("limit", 0));
    int offset = (int) token.map(PagingToken::offset).orElse(0L).longValue();
    return new PageRequest(orderBy, reverse, limit, offset);
  }

  /** How many items to fetch: one more than the page, to learn whether another page follows. */
  int fetch() {
    return limit == 0 ? 0 : limit + 1;
  }

  /** The page of what was fetched, with the token of the next page when there is one. */
  <T> ListResponse<T> answer(List<T> fetched) {
    if (limit > 0 && fetched.size() > limit) {
      return new ListResponse<>(
          fetched.subList(0, limit),
          new PagingToken(orderBy, reverse, limit, offset + limit).encode());
    }
    return new ListResponse<>(fetched, "");
  }
}
