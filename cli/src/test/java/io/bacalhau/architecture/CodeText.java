package io.bacalhau.architecture;

/**
 * A source file's text with comments, string and character literals and text blocks blanked out.
 * Line breaks stay where they were, so offsets into the result give the original line numbers.
 */
final class CodeText {
  private CodeText() {}

  static String of(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = blank(source, i, source.indexOf('\n', i), out);
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = blank(source, i, end < 0 ? -1 : end + 2, out);
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        while (end > 0 && escaped(source, end)) {
          end = source.indexOf("\"\"\"", end + 1);
        }
        i = blank(source, i, end < 0 ? -1 : end + 3, out);
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && (source.charAt(end) != c || escaped(source, end))) {
          end++;
        }
        i = blank(source, i, Math.min(end + 1, n), out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Whether the character at {@code at} follows an odd number of backslashes. */
  private static boolean escaped(String s, int at) {
    int backslashes = 0;
    for (int j = at - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** Appends {@code [from, to)} as spaces, keeping line breaks; {@code to < 0} means the end. */
  private static int blank(String s, int from, int to, StringBuilder out) {
    int end = to < 0 ? s.length() : to;
    for (int j = from; j < end; j++) {
      out.append(s.charAt(j) == '\n' ? '\n' : ' ');
    }
    return end;
  }
}
