package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.LabelSelectors;
import java.util.List;

/**
 * Reads a flag in Kubernetes label-selector syntax ({@code --constraints}, {@code job list
 * --labels}): {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)},
 * {@code k}, {@code !k}, {@code k gt 3}, {@code k lt 3}; a comma means AND. A bad one is a usage
 * error naming the flag.
 */
public final class SelectorFlag {
  private SelectorFlag() {}

  public static List<LabelSelectorRequirement> parse(String flag, String selector) {
    try {
      return LabelSelectors.parse(selector);
    } catch (LabelSelectors.InvalidSelectorException e) {
      throw new UsageException(
          flag + " '" + selector + "': " + e.getMessage(), LabelSelectors.SYNTAX);
    }
  }
}
