package io.bacalhau.core.results;

import io.bacalhau.core.builtin.localpublisher.LocalPublisherConfig;
import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bacalhau job get}: fetches every published result of a job into {@code <out>/raw/} when
 * raw is asked for; otherwise into a hidden folder in {@code <out>}, from which they are unpacked
 * and merged into {@code <out>}, and which is then removed. Hidden and uniquely named so that no
 * result name (a result folder called {@code raw}, say) can clash with it.
 */
public final class ResultDownloader {
  private final ResultFetcher fetcher;

  public ResultDownloader(ProviderRegistry registry, LocalResults local, HttpFetcher http) {
    this.fetcher = new ResultFetcher(registry, local, http);
  }

  /**
   * What {@code job get} uses on this machine: the providers here, the local publisher's files in
   * {@code dataDir}, and URLs fetched for the user (any address they can reach is fine).
   *
   * @param stallTimeout how long a download may go without receiving anything
   */
  public static ResultDownloader forJobGet(
      ProviderRegistry registry, Path dataDir, Duration stallTimeout) {
    return new ResultDownloader(
        registry,
        new LocalResults(dataDir, new LocalPublisherConfig(null, 0)),
        new HttpFetcher(
            new DownloadSettings(stallTimeout.toMillis() + "ms", null, null),
            AddressPolicy.unrestricted()));
  }

  public void download(List<SpecConfig> results, Path out, boolean raw) throws Exception {
    Files.createDirectories(out);
    if (raw) {
      fetchAll(results, out.resolve("raw"));
      return;
    }
    Path downloads = Files.createTempDirectory(out, ".downloading-");
    try {
      fetchAll(results, downloads);
      ResultMerger merger = new ResultMerger(out);
      for (int i = 0; i < results.size(); i++) {
        Path download = downloads.resolve(String.valueOf(i));
        ResultMerger.unpackArchives(download);
        merger.merge(download);
      }
    } finally {
      deleteTree(downloads);
    }
  }

  private void fetchAll(List<SpecConfig> results, Path into) throws Exception {
    for (int i = 0; i < results.size(); i++) {
      fetcher.fetch(results.get(i), into.resolve(String.valueOf(i)));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
