package io.bacalhau.core.orchestrator;

import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Job;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two specs as YAML, for {@code PUT /jobs/diff} and {@code job run --dry-run}: the
 * spec only, as {@link SpecComparison} compares it, so that IDs, versions and times never show.
 */
final class SpecDiff {
  private SpecDiff() {}

  /** "" when the specs are the same; else every line, prefixed "- ", "+ " or two spaces. */
  static String diff(Job stored, Job submitted) {
    if (SpecComparison.sameSpec(stored, submitted)) {
      return "";
    }
    List<String> a = lines(SpecComparison.canonical(stored));
    List<String> b = lines(SpecComparison.canonical(submitted));
    // Longest common subsequence: specs are short, so the quadratic table is fine.
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.append("  ").append(a.get(i++)).append('\n');
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.append("+ ").append(b.get(j++)).append('\n');
      } else {
        out.append("- ").append(a.get(i++)).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> lines(Job job) {
    try {
      return new ArrayList<>(List.of(Codecs.yaml().writeValueAsString(job).split("\n")));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
