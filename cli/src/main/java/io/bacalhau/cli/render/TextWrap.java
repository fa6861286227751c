package io.bacalhau.cli.render;

import java.util.ArrayList;
import java.util.List;

/** Soft wrapping of cell text: keeps the text's own newlines, breaks at spaces where it can. */
final class TextWrap {
  private TextWrap() {}

  static List<String> wrap(String text, int limit) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (limit <= 0 || paragraph.length() <= limit) {
        lines.add(paragraph);
        continue;
      }
      String rest = paragraph;
      while (rest.length() > limit) {
        int cut = rest.lastIndexOf(' ', limit);
        if (cut <= 0) {
          lines.add(rest.substring(0, limit));
          rest = rest.substring(limit);
        } else {
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut + 1);
        }
      }
      lines.add(rest);
    }
    return lines;
  }
}
