package io.bacalhau.core.client;

/**
 * Which jobs {@code job list} wants: a namespace ("" or "*" for all), an order, a page.
 *
 * @param orderBy {@code created_at} or {@code modified_at}
 */
public record JobQuery(String namespace, String orderBy, boolean reverse, int limit, int offset) {
  public static JobQuery all() {
    return new JobQuery("", "created_at", false, 0, 0);
  }
}
