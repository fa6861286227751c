package io.bacalhau.bench.soak;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a process's file descriptors point at, counted by kind (socket, pipe, anon_inode:[eventfd],
 * a file with its IDs and digits blanked), so a leak names what leaks.
 */
final class FdKinds {
  private FdKinds() {}

  static Map<String, Integer> of(long pid) {
    Map<String, Integer> kinds = new TreeMap<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
      for (Path fd : fds) {
        try {
          kinds.merge(kind(Files.readSymbolicLink(fd).toString()), 1, Integer::sum);
        } catch (IOException closedMeanwhile) {
          // gone between the listing and the read
        }
      }
    } catch (IOException e) {
      kinds.put("unreadable: " + e.getMessage(), 1);
    }
    return kinds;
  }

  /** The kinds whose count grew from {@code before} to {@code after}, with the growth. */
  static Map<String, Integer> growth(Map<String, Integer> before, Map<String, Integer> after) {
    Map<String, Integer> grown = new TreeMap<>();
    after.forEach(
        (k, n) -> {
          int d = n - before.getOrDefault(k, 0);
          if (d > 0) {
            grown.put(k, d);
          }
        });
    return grown;
  }

  private static String kind(String target) {
    if (target.startsWith("socket:") || target.startsWith("pipe:")) {
      return target.substring(0, target.indexOf(':'));
    }
    // Job and execution IDs become one placeholder, so one leak is one line, not one per job.
    return target.replaceAll("/[ej]-[0-9a-f-]+", "/ID").replaceAll("[0-9]+", "N");
  }
}
