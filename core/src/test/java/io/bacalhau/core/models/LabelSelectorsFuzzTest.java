package io.bacalhau.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bacalhau.core.orchestrator.LabelMatcher;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jazzer target for label-selector text ({@code --constraints}, {@code job list --labels}, the
 * API's {@code labels=}). "Clear" here: an {@link LabelSelectors.InvalidSelectorException} with a
 * message; anything else escaping is a finding, and so is a comparison with a number that its
 * evaluators (the scheduler, the job store's query) cannot read as a long. A selector that parses
 * must print back to text that parses to the same requirements, since the CLI sends what it parsed
 * to the server as text.
 */
class LabelSelectorsFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anySelectorParsesAndPrintsBackOrIsRefused(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<LabelSelectorRequirement> parsed;
    try {
      parsed = LabelSelectors.parse(text);
    } catch (LabelSelectors.InvalidSelectorException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
      return;
    }
    for (LabelSelectorRequirement r : parsed) {
      if (r.operator().equals("gt") || r.operator().equals("lt")) {
        Long.parseLong(r.values().getFirst()); // the job store's query reads it as a long
      }
      String printed = LabelSelectors.format(r);
      assertEquals(List.of(r), LabelSelectors.parse(printed), () -> "printed as " + printed);
      // The scheduler then matches it against node labels, numbers or not.
      Map<String, String> labels = new HashMap<>(Map.of("zone", "a"));
      labels.put(r.key(), "12");
      LabelMatcher.matches(r, labels);
      labels.put(r.key(), text);
      LabelMatcher.matches(r, labels);
    }
  }
}
