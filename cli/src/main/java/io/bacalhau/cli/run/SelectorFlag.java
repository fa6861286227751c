package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --constraints} in Kubernetes label-selector syntax: {@code k=v}, {@code k==v},
 * {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, {@code k gt 3},
 * {@code k lt 3} (or {@code >}/{@code <}); a comma means AND.
 */
public final class SelectorFlag {
  private static final Pattern SET = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)");
  private static final Pattern COMPARE =
      Pattern.compile("(\\S+?)\\s*(\\s+gt\\s+|\\s+lt\\s+|>|<)\\s*(\\S+)");
  private static final Pattern EQUALITY = Pattern.compile("([^=!\\s]+)\\s*(==|!=|=)\\s*(\\S*)");
  private static final String HINT =
      "Write requirements like region=eu, gpu!=none, zone in (a,b), !spot, cores gt 4;"
          + " separate them with commas.";

  private SelectorFlag() {}

  public static List<LabelSelectorRequirement> parse(String flag, String selector) {
    List<LabelSelectorRequirement> out = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return out;
    }
    for (String part : splitTopLevel(selector)) {
      String req = part.strip();
      if (req.isEmpty()) {
        throw error(flag, selector, "empty requirement");
      }
      out.add(requirement(flag, selector, req));
    }
    return out;
  }

  private static LabelSelectorRequirement requirement(String flag, String whole, String req) {
    Matcher m;
    if ((m = SET.matcher(req)).matches()) {
      List<String> values = Arrays.stream(m.group(3).split(",", -1)).map(String::strip).toList();
      if (values.stream().anyMatch(String::isEmpty)) {
        throw error(flag, whole, "'" + req + "' has an empty value in its list");
      }
      return make(flag, whole, m.group(1), m.group(2), values);
    }
    if ((m = COMPARE.matcher(req)).matches()) {
      String op = m.group(2).strip();
      String norm = op.equals(">") ? "gt" : op.equals("<") ? "lt" : op;
      if (!m.group(3).matches("-?\\d+")) {
        throw error(flag, whole, "'" + req + "' compares with a non-integer '" + m.group(3) + "'");
      }
      return make(flag, whole, m.group(1), norm, List.of(m.group(3)));
    }
    if ((m = EQUALITY.matcher(req)).matches()) {
      return make(flag, whole, m.group(1), m.group(2), List.of(m.group(3)));
    }
    if (req.startsWith("!")) {
      return make(flag, whole, req.substring(1).strip(), "!", List.of());
    }
    return make(flag, whole, req, "exists", List.of());
  }

  private static LabelSelectorRequirement make(
      String flag, String whole, String key, String op, List<String> values) {
    String problem = LabelFlag.keyProblem(key);
    if (problem != null) {
      throw error(flag, whole, problem);
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

  private static UsageException error(String flag, String whole, String problem) {
    return new UsageException(flag + " '" + whole + "': " + problem, HINT);
  }
}
