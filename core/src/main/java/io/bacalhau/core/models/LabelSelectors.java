package io.bacalhau.core.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes label-selector text, as Bacalhau's {@code --constraints}, {@code job list --labels}
 * and the API's {@code labels=} parameter write it: {@code k=v}, {@code k==v}, {@code k!=v}, {@code
 * k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, {@code k gt 3}, {@code k lt 3} (or
 * {@code >}/{@code <}); a comma means AND. Here, in core, so the CLI and the server read it alike.
 */
public final class LabelSelectors {
  /** How to write a selector, for the hint of an error. */
  public static final String SYNTAX =
      "Write requirements like region=eu, gpu!=none, zone in (a,b), !spot, cores gt 4;"
          + " separate them with commas.";

  private static final Pattern SET = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)");
  private static final Pattern COMPARE =
      Pattern.compile("(\\S+?)\\s*(\\s+gt\\s+|\\s+lt\\s+|>|<)\\s*(\\S+)");
  private static final Pattern EQUALITY = Pattern.compile("([^=!\\s]+)\\s*(==|!=|=)\\s*(\\S*)");

  private LabelSelectors() {}

  /** A selector that is not one: its message says what is wrong with which requirement. */
  public static final class InvalidSelectorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidSelectorException(String problem) {
      super(problem);
    }
  }

  /** The requirements of {@code selector} (none for blank); every one must hold. */
  public static List<LabelSelectorRequirement> parse(String selector) {
    List<LabelSelectorRequirement> out = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return out;
    }
    for (String part : splitTopLevel(selector)) {
      String req = part.strip();
      if (req.isEmpty()) {
        throw new InvalidSelectorException("empty requirement");
      }
      out.add(requirement(req));
    }
    return out;
  }

  /** A requirement as selector text that {@link #parse} reads back to the same requirement. */
  public static String format(LabelSelectorRequirement r) {
    String first = r.values().isEmpty() ? "" : r.values().getFirst();
    return switch (r.operator().strip().toLowerCase(Locale.ROOT)) {
      case "exists" -> r.key();
      case "!" -> "!" + r.key();
      case "in", "notin" ->
          r.key() + " " + r.operator() + " (" + String.join(",", r.values()) + ")";
      case "gt", "lt" -> r.key() + " " + r.operator() + " " + first;
      // Spaced, so that a value starting with '>' or '<' is not read back as a comparison.
      default -> r.key() + " " + r.operator() + " " + first;
    };
  }

  private static LabelSelectorRequirement requirement(String req) {
    Matcher m;
    if ((m = SET.matcher(req)).matches()) {
      List<String> values = Arrays.stream(m.group(3).split(",", -1)).map(String::strip).toList();
      if (values.stream().anyMatch(String::isEmpty)) {
        throw new InvalidSelectorException("'" + req + "' has an empty value in its list");
      }
      return make(m.group(1), m.group(2), values);
    }
    if ((m = COMPARE.matcher(req)).matches()) {
      String op = m.group(2).strip();
      String norm = op.equals(">") ? "gt" : op.equals("<") ? "lt" : op;
      if (!m.group(3).matches("-?\\d+")) {
        throw new InvalidSelectorException(
            "'" + req + "' compares with a non-integer '" + m.group(3) + "'");
      }
      try {
        // Whoever evaluates it (the scheduler, the job store's query) reads it as a long.
        Long.parseLong(m.group(3));
      } catch (NumberFormatException e) {
        throw new InvalidSelectorException(
            "'" + req + "' compares with '" + m.group(3) + "', beyond the 64-bit integer range");
      }
      return make(m.group(1), norm, List.of(m.group(3)));
    }
    if ((m = EQUALITY.matcher(req)).matches()) {
      return make(m.group(1), m.group(2), List.of(m.group(3)));
    }
    if (req.startsWith("!")) {
      return make(req.substring(1).strip(), "!", List.of());
    }
    return make(req, "exists", List.of());
  }

  private static LabelSelectorRequirement make(String key, String op, List<String> values) {
    String problem = LabelKeys.keyProblem(key);
    if (problem != null) {
      throw new InvalidSelectorException(problem);
    }
    return new LabelSelectorRequirement(key, op, values);
  }

  /** Commas inside (...) belong to a set, not to the AND list. */
  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
