package io.bacalhau.core.results;

import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bacalhau job get}: fetches every published result of a job into {@code <out>/raw/}, then
 * (unless raw is asked for) unpacks and merges them into {@code <out>} and removes {@code raw/}.
 */
public final class ResultDownloader {
  private final ResultFetcher fetcher;

  public ResultDownloader(ProviderRegistry registry, LocalResults local, HttpFetcher http) {
    this.fetcher = new ResultFetcher(registry, local, http);
  }

  public void download(List<SpecConfig> results, Path out, boolean raw) throws Exception {
    Files.createDirectories(out);
    Path rawDir = out.resolve("raw");
    for (int i = 0; i < results.size(); i++) {
      fetcher.fetch(results.get(i), rawDir.resolve(String.valueOf(i)));
    }
    if (raw) {
      return;
    }
    ResultMerger merger = new ResultMerger(out);
    for (int i = 0; i < results.size(); i++) {
      Path download = rawDir.resolve(String.valueOf(i));
      ResultMerger.unpackArchives(download);
      merger.merge(download);
    }
    deleteTree(rawDir);
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
