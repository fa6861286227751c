package io.bacalhau.core.builtin.localpublisher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the local publisher keeps archives ({@code <DataDir>/compute/results/local-publisher}) and
 * how their download URLs map back to files, so that {@code job get} on the same data dir reads
 * them from disk without any HTTP server running.
 */
public record LocalResults(Path dataDir, LocalPublisherConfig config) {
  /**
   * One archive's file name: an execution ID plus {@code .tar.gz}; nothing that leaves a folder.
   */
  private static final Pattern ARCHIVE_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.tar\\.gz");

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

  /** Whether a file name can be one of our archives (and so, safely, a name in the folder). */
  public static boolean isArchiveName(String name) {
    return ARCHIVE_NAME.matcher(name).matches();
  }

  /**
   * The archive a URL of ours points at, when it is on this data dir. Matched by name, whatever
   * host and port the URL names: execution IDs are unique, and the address a node was configured to
   * publish under (another port, a public name) need not be served, or reachable, from here.
   */
  public Optional<Path> fileFor(URI url) {
    String scheme = url.getScheme();
    String path = url.getRawPath();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || path == null
        || !path.startsWith("/")
        || !isArchiveName(path.substring(1))) {
      return Optional.empty();
    }
    Path file = folder().resolve(path.substring(1));
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(file)
        : Optional.empty();
  }
}
