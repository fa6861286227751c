package io.bacalhau.bench.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code PRAGMA integrity_check} on a copy of the killed node's store (database and its WAL), so
 * that the check itself neither replays nor checkpoints what the next start will find.
 */
final class StoreIntegrity {
  private StoreIntegrity() {}

  /** "ok", or what SQLite found wrong. */
  static String check(Path dataDir, Path scratch) throws IOException {
    Path db = dataDir.resolve("orchestrator").resolve("jobs.db");
    if (!Files.exists(db)) {
      return "ok"; // killed before the store was made
    }
    Files.createDirectories(scratch);
    Path copy = scratch.resolve("jobs.db");
    for (String suffix : new String[] {"", "-wal"}) {
      Path from = Path.of(db + suffix);
      Path to = Path.of(copy + suffix);
      Files.deleteIfExists(to);
      if (Files.exists(from)) {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.deleteIfExists(Path.of(copy + "-shm"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(out.isEmpty() ? "" : "; ").append(rs.getString(1));
      }
      return out.toString();
    } catch (SQLException e) {
      return "cannot open: " + e.getMessage();
    }
  }
}
