package io.bacalhau.core.results;

import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ExecutionEvents;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Brings one published result into a fresh folder: a {@code urlDownload} result as the file it
 * points at (read straight from disk when it is this data dir's local publisher archive), any other
 * kind through the publisher that made it.
 */
final class ResultFetcher {
  private final ProviderRegistry registry;
  private final LocalResults local;
  private final HttpFetcher http;

  ResultFetcher(ProviderRegistry registry, LocalResults local, HttpFetcher http) {
    this.registry = registry;
    this.local = local;
    this.http = http;
  }

  void fetch(SpecConfig result, Path into) throws Exception {
    Files.createDirectories(into);
    if (result.type().equalsIgnoreCase("urlDownload")) {
      URI url = URI.create(String.valueOf(result.param("URL")));
      Path onDisk = local.fileFor(url).orElse(null);
      if (onDisk != null) {
        Files.copy(onDisk, into.resolve(onDisk.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      } else {
        http.fetch(url, into, ExecutionEvents.NONE);
      }
      return;
    }
    // A publisher hands back the result folder itself; like an unpacked archive, it goes in a
    // folder of its own so that merging keeps its result folders intact.
    registry.publisher(result.type()).download(result, into.resolve("result"));
  }
}
