package io.bacalhau.core.builtin.localdir;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Compute.AllowListedLocalPaths}: the host folders jobs may mount, each {@code path}, {@code
 * path:ro} (the default) or {@code path:rw}. A trailing {@code /*} or {@code /**} is accepted and
 * means the folder and everything under it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AllowList(@JsonProperty("AllowListedLocalPaths") List<String> entries) {
  public AllowList {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /** One allowed folder and whether jobs may write to it. */
  record Entry(Path folder, boolean readWrite) {}

  List<Entry> parsed() {
    List<Entry> parsed = new ArrayList<>();
    for (String raw : entries) {
      String text = raw.strip();
      boolean rw = false;
      if (text.endsWith(":rw") || text.endsWith(":ro")) {
        rw = text.endsWith(":rw");
        text = text.substring(0, text.length() - 3);
      }
      text = text.replaceFirst("/\\*\\*?$", "");
      if (!text.isEmpty()) {
        parsed.add(new Entry(real(Path.of(text)), rw));
      }
    }
    return parsed;
  }

  /** The most permissive entry whose folder holds {@code path}, symlinks resolved. */
  Optional<Entry> covering(Path path) {
    Path real = real(path);
    return parsed().stream()
        .filter(e -> real.startsWith(e.folder()))
        .max((a, b) -> Boolean.compare(a.readWrite(), b.readWrite()));
  }

  /**
   * The path with every existing part's symlinks resolved, so a link inside an allowed folder
   * cannot lead out of it.
   */
  static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}
