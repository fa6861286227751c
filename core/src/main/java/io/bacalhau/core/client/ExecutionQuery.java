package io.bacalhau.core.client;

import java.util.List;

/**
 * Which executions of a job {@code job executions} wants: a version, an order, a page.
 *
 * @param jobVersion a version, or 0 for the job's latest
 * @param allVersions every version, ignoring jobVersion
 * @param orderBy {@code created_at} or {@code modified_at}
 * @param limit at most this many; 0 for all
 * @param offset how many to skip (the page's start)
 */
public record ExecutionQuery(
    long jobVersion, boolean allVersions, String orderBy, boolean reverse, int limit, int offset) {

  /** The orders executions can be listed in. */
  public static final List<String> ORDERS = List.of("created_at", "modified_at");

  /** Every execution of the latest version, oldest first. */
  public static ExecutionQuery latest() {
    return new ExecutionQuery(0, false, "created_at", false, 0, 0);
  }
}
