package io.bacalhau.cli.job;

import io.bacalhau.cli.errors.UsageException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go's text/template that job specs use: {@code {{.Name}}} (spaces allowed) replaced by
 * a variable; a variable that is not given is an error, as with {@code missingkey=error}.
 */
final class SpecTemplate {
  private static final Pattern FIELD =
      Pattern.compile("\\{\\{-?\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*-?}}");

  private SpecTemplate() {}

  static String render(String text, Map<String, String> vars) {
    Matcher m = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = vars.get(name);
      if (value == null) {
        int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
        throw new UsageException(
            "template: line " + line + ": map has no entry for key \"" + name + "\"",
            "Pass it with -V " + name + "=<value>, or use --no-template.");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
