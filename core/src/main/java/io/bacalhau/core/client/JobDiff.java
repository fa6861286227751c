package io.bacalhau.core.client;

import java.util.List;

/**
 * How a spec differs from the stored job of the same name: a line diff of the two specs as YAML
 * ({@code -} stored, {@code +} submitted, two spaces unchanged), empty when they are the same.
 */
public record JobDiff(String diff, List<String> warnings) {
  public JobDiff {
    warnings = List.copyOf(warnings);
  }
}
