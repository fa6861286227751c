package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Job;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a resubmitted spec changes anything: the spec alone counts, not IDs, state, versions,
 * times or the server's reserved Meta keys.
 */
final class SpecComparison {
  private SpecComparison() {}

  static boolean sameSpec(Job a, Job b) {
    return canonical(a).equals(canonical(b));
  }

  /** The spec alone, as compared: what a diff shows too. */
  static Job canonical(Job job) {
    Map<String, String> meta = new LinkedHashMap<>();
    job.meta()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("bacalhau.org/")) {
                meta.put(k, v);
              }
            });
    return job.toBuilder()
        .id("")
        .state(null)
        .version(0)
        .revision(0)
        .createTime(0)
        .modifyTime(0)
        .meta(meta)
        .build();
  }
}
