package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.LabelSelectorRequirement;
import java.util.List;
import java.util.Locale;

/** Kubernetes label-selector rules for one constraint. */
final class ConstraintValidator {
  static final List<String> OPERATORS =
      List.of("=", "==", "!=", "in", "notin", "exists", "!", "gt", "lt");

  private ConstraintValidator() {}

  static void validate(LabelSelectorRequirement c, String path, List<SpecProblem> problems) {
    if (c.key().isBlank()) {
      problems.add(new SpecProblem(path + ".Key", "missing constraint key"));
    }
    String op = c.operator().strip().toLowerCase(Locale.ROOT);
    int values = c.values().size();
    switch (op) {
      case "in", "notin" -> {
        if (values == 0) {
          problems.add(
              new SpecProblem(path + ".Values", "operator '" + op + "' needs at least one value"));
        }
      }
      case "exists", "!" -> {
        if (values != 0) {
          problems.add(new SpecProblem(path + ".Values", "operator '" + op + "' takes no values"));
        }
      }
      case "=", "==", "!=", "gt", "lt" -> {
        if (values != 1) {
          problems.add(
              new SpecProblem(
                  path + ".Values",
                  "operator '" + op + "' needs exactly one value, got " + values));
        } else if ((op.equals("gt") || op.equals("lt")) && !isInteger(c.values().get(0))) {
          problems.add(
              new SpecProblem(
                  path + ".Values[0]",
                  "operator '"
                      + op
                      + "' compares whole numbers, got \""
                      + c.values().get(0)
                      + "\""));
        }
      }
      case "" ->
          problems.add(new SpecProblem(path + ".Operator", "missing operator (" + list() + ")"));
      default ->
          problems.add(
              new SpecProblem(
                  path + ".Operator",
                  "unknown operator '"
                      + TreeKinds.shorten(c.operator())
                      + "' (valid: "
                      + list()
                      + ")"));
    }
  }

  private static boolean isInteger(String s) {
    return s.strip().matches("[+-]?[0-9]{1,18}");
  }

  private static String list() {
    return String.join(", ", OPERATORS);
  }
}
