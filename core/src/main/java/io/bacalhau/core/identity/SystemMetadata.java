package io.bacalhau.core.identity;

import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <DataDir>/system_metadata.yaml}: the node's name and the data dir's instance ID, made once
 * and kept, so the node keeps its identity across runs.
 */
public record SystemMetadata(String nodeName, String instanceId) {
  private static final String FILE = "system_metadata.yaml";

  public static SystemMetadata loadOrCreate(Path dataDir) {
    return loadOrCreate(dataDir, null);
  }

  /**
   * Like {@link #loadOrCreate(Path)}; a new identity takes {@code preferredName} ({@code serve
   * --name}) when given. An existing identity is kept: the caller compares the names.
   */
  public static synchronized SystemMetadata loadOrCreate(Path dataDir, String preferredName) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Codecs.yaml().readValue(file.toFile(), Map.class);
        String name = String.valueOf(m.getOrDefault("NodeName", ""));
        String instance = String.valueOf(m.getOrDefault("InstanceID", ""));
        if (!name.isBlank() && !instance.isBlank()) {
          return new SystemMetadata(name, instance);
        }
      }
      String name = preferredName == null || preferredName.isBlank() ? Ids.node() : preferredName;
      SystemMetadata created = new SystemMetadata(name, Ids.node().replace("n-", "i-"));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("RepoVersion", 5);
      m.put("NodeName", created.nodeName());
      m.put("InstanceID", created.instanceId());
      Files.createDirectories(dataDir);
      Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
      Codecs.yaml().writeValue(tmp.toFile(), m);
      try {
        // A hard link never replaces: when two processes race, the first one's identity stays.
        Files.createLink(file, tmp);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // Another process made it first; read theirs.
      } finally {
        Files.deleteIfExists(tmp);
      }
      return loadOrCreate(dataDir, preferredName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
