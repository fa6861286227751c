package io.bacalhau.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java source file as the architecture rules see it: its package and every Bacalhau package it
 * names in code, by import (static and wildcard ones too) or by fully qualified name. Comments and
 * string literals are not code: a class name in a Javadoc link or in a class loader's list of
 * packages is no dependency.
 */
record JavaSource(Path file, String packageName, List<Reference> references) {
  private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
  // A name starts at io.bacalhau; its package is the lower-case segments before the first type.
  private static final Pattern NAME = Pattern.compile("\\bio\\.bacalhau(?:\\s*\\.\\s*[a-z_]\\w*)*");

  /** A package named on a line of the file. */
  record Reference(String packageName, int line) {}

  static JavaSource read(Path file) throws IOException {
    String code = CodeText.of(Files.readString(file));
    Matcher p = PACKAGE.matcher(code);
    String pkg = p.find() ? p.group(1) : "";
    List<Reference> refs = new ArrayList<>();
    Matcher m = NAME.matcher(code);
    while (m.find()) {
      if (p.hasMatch() && m.start() >= p.start() && m.end() <= p.end()) {
        continue; // the package declaration itself
      }
      String named = m.group().replaceAll("\\s+", "");
      refs.add(new Reference(named, lineOf(code, m.start())));
    }
    return new JavaSource(file, pkg, List.copyOf(refs));
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** {@code path:line}, for messages. */
  String where(Path root, Reference ref) {
    return root.relativize(file) + ":" + ref.line();
  }
}
