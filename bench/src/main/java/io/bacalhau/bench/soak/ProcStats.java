package io.bacalhau.bench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One look at a Linux process: resident memory, OS threads and open file descriptors. */
public record ProcStats(long millis, long rssKb, int threads, int fds) {

  /** Reads {@code /proc/<pid>}; the process must be alive. */
  public static ProcStats of(long pid, long millis) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      long rss = -1;
      for (String line : Files.readAllLines(proc.resolve("status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
      return new ProcStats(millis, rss, count(proc.resolve("task")), count(proc.resolve("fd")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + proc + " (is the node still running?)", e);
    }
  }

  private static int count(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return (int) entries.count();
    }
  }
}
