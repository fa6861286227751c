package io.bacalhau.core.builtin.localpublisher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local publisher keeps archives ({@code <DataDir>/compute/results/local-publisher}) and
 * how their download URLs map back to files, so that {@code job get} on the same data dir reads
 * them from disk without any HTTP server running.
 */
public record LocalResults(Path dataDir, LocalPublisherConfig config) {

  public Path folder() {
    return dataDir.resolve("compute").resolve("results").resolve("local-publisher");
  }

  public Path archive(String executionId) {
    return folder().resolve(executionId + ".tar.gz");
  }

  public URI url(String executionId) {
    return URI.create(
        "http://" + config.address() + ":" + config.port() + "/" + executionId + ".tar.gz");
  }

  /** The archive a URL of ours points at, when it is on this data dir. */
  public Optional<Path> fileFor(URI url) {
    if (!"http".equalsIgnoreCase(url.getScheme())
        || !config.address().equalsIgnoreCase(url.getHost())
        || url.getPort() != config.port()) {
      return Optional.empty();
    }
    String name = url.getPath() == null ? "" : url.getPath().replaceFirst("^/", "");
    if (!name.matches("[A-Za-z0-9._-]+\\.tar\\.gz")) {
      return Optional.empty();
    }
    Path file = folder().resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
