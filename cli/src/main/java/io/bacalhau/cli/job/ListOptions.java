package io.bacalhau.cli.job;

import io.bacalhau.cli.errors.UsageException;
import java.util.List;

/** Checks of the list flags Bacalhau's list commands share. */
final class ListOptions {
  private ListOptions() {}

  static void checkLimit(int limit) {
    if (limit < 0) {
      throw new UsageException(
          "invalid --limit " + limit, "Use a whole number: 0 for no limit, or more.");
    }
  }

  static void checkOrderBy(String orderBy, List<String> valid) {
    if (!valid.contains(orderBy)) {
      throw new UsageException(
          "invalid --order-by '" + orderBy + "'", "Use " + String.join(" or ", valid) + ".");
    }
  }
}
