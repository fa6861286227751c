package io.bacalhau.core.client;

import io.bacalhau.core.models.LabelSelectorRequirement;
import java.util.List;

/**
 * Which jobs {@code job list} wants: a namespace ("" or "*" for all), label requirements (every one
 * must hold), an order, a page.
 *
 * @param orderBy {@code created_at} or {@code modified_at}
 */
public record JobQuery(
    String namespace,
    List<LabelSelectorRequirement> labels,
    String orderBy,
    boolean reverse,
    int limit,
    int offset) {

  public JobQuery {
    labels = List.copyOf(labels);
  }

  /** Jobs of any labels. */
  public JobQuery(String namespace, String orderBy, boolean reverse, int limit, int offset) {
    this(namespace, List.of(), orderBy, reverse, limit, offset);
  }

  public static JobQuery all() {
    return new JobQuery("", "created_at", false, 0, 0);
  }
}
