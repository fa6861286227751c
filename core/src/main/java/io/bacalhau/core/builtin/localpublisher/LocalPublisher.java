package io.bacalhau.core.builtin.localpublisher;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.archive.TarGz;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Packs an execution's results into {@code <execID>.tar.gz} under the data dir and reports a {@code
 * urlDownload} result pointing at it, as Bacalhau's local publisher does. That shape (rather than a
 * {@code local} type of our own) is what Bacalhau's clients know how to download; {@code bacalhau
 * serve} answers the URL, and {@code job get} on this data dir finds the file by its name instead
 * (see {@link LocalResults#fileFor}), so an embedded node needs no server.
 */
final class LocalPublisher implements Publisher {
  private final LocalResults results;

  LocalPublisher(LocalResults results) {
    this.results = results;
  }

  @Override
  public SpecConfig publish(PublishRequest request, ExecutionEvents events) throws Exception {
    Path archive = results.archive(request.executionId());
    Files.createDirectories(archive.getParent());
    // Written aside and renamed, so a reader never sees half an archive.
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      TarGz.pack(request.resultsDir(), out);
    }
    Files.move(
        partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return SpecConfig.of(
        "urlDownload", Map.of("URL", results.url(request.executionId()).toString()));
  }
}
