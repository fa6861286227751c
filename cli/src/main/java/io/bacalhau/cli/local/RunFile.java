package io.bacalhau.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <DataDir>/bacalhau.run}: where the node serving this data dir listens, as shell lines a
 * user can {@code source} so that other tools find it, plus what clients need to judge it (its pid,
 * its build, whether it was started on demand). Written whole and moved into place, so a reader
 * never sees half of it; removed when the node stops.
 */
public final class RunFile implements AutoCloseable {
  static final String NAME = "bacalhau.run";

  private final Path file;
  private final long pid;

  private RunFile(Path file, long pid) {
    this.file = file;
    this.pid = pid;
  }

  /** Writes the record of this process's node. */
  public static RunFile write(Path dataDir, LocalNodeRecord node) {
    Path file = dataDir.resolve(NAME);
    StringBuilder text = new StringBuilder();
    text.append("export BACALHAU_API_HOST=").append(node.tls() ? "https://" : "");
    text.append(node.host()).append('\n');
    text.append("export BACALHAU_API_PORT=").append(node.port()).append('\n');
    if (node.resident()) {
      // The token stays in its own file that only the user can read; this one says where.
      text.append("export BACALHAU_API_KEY=\"$(cat ")
          .append(shellQuoted(TokenFile.path(dataDir).toString()))
          .append(")\"\n");
    }
    text.append("BACALHAU_NODE_PID=").append(node.pid()).append('\n');
    text.append("BACALHAU_NODE_BUILD=").append(node.build()).append('\n');
    text.append("BACALHAU_NODE_SETTINGS=").append(node.settings()).append('\n');
    text.append("BACALHAU_NODE_RESIDENT=").append(node.resident()).append('\n');
    try {
      Path temp = Files.createTempFile(dataDir, ".bacalhau.run", ".tmp");
      Files.writeString(temp, text);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new RunFile(file, node.pid());
  }

  /** The node the data dir's run file names, if there is a run file (its node may be gone). */
  public static Optional<LocalNodeRecord> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\n")) {
      String l = line.startsWith("export ") ? line.substring("export ".length()) : line;
      int eq = l.indexOf('=');
      if (eq > 0) {
        values.put(l.substring(0, eq), l.substring(eq + 1).strip());
      }
    }
    String host = values.getOrDefault("BACALHAU_API_HOST", "");
    boolean tls = host.startsWith("https://");
    try {
      return Optional.of(
          new LocalNodeRecord(
              tls ? host.substring("https://".length()) : host,
              Integer.parseInt(values.getOrDefault("BACALHAU_API_PORT", "")),
              tls,
              Long.parseLong(values.getOrDefault("BACALHAU_NODE_PID", "-1")),
              values.getOrDefault("BACALHAU_NODE_BUILD", ""),
              values.getOrDefault("BACALHAU_NODE_SETTINGS", ""),
              Boolean.parseBoolean(values.getOrDefault("BACALHAU_NODE_RESIDENT", "false"))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // written by hand or cut short by a crash: nobody to talk to
    }
  }

  /** Removes a run file left by a node that is gone. */
  static void removeStale(Path dataDir, long pid) {
    Optional<LocalNodeRecord> now = read(dataDir);
    if (now.isPresent() && now.get().pid() == pid) {
      delete(dataDir.resolve(NAME));
    }
  }

  private static String shellQuoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Nothing to do about it; a reader checks the pid and the port anyway.
    }
  }

  /** Removes the file, unless another node has written its own since. */
  @Override
  public void close() {
    removeStale(file.getParent(), pid);
  }
}
