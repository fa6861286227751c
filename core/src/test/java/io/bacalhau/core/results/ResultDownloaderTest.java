package io.bacalhau.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.builtin.localpublisher.LocalPublisherConfig;
import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.net.AddressPolicy;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderKind;
import io.bacalhau.core.spi.ProviderRegistry;
import io.bacalhau.core.spi.publisher.Publisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultDownloaderTest {
  @TempDir Path dir;

  /** Hands back a result folder as S3 (plain) and IPFS downloads do: unpacked, in place. */
  private static final class FolderPublisher implements Publisher {
    @Override
    public SpecConfig publish(
        io.bacalhau.core.spi.publisher.PublishRequest request,
        io.bacalhau.core.spi.ExecutionEvents events) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void download(SpecConfig published, Path into) throws Exception {
      String run = String.valueOf(published.param("Run"));
      Files.createDirectories(into.resolve("copies"));
      Files.writeString(into.resolve("copies").resolve(run + ".bin"), "bytes of " + run);
      Files.writeString(into.resolve("stdout"), run + " out\n");
      Files.writeString(into.resolve("exitCode"), "0");
    }
  }

  @Test
  void resultFoldersOfPublisherDownloadsKeepTheirPlaceAndStreamsAreAppended() throws Exception {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(
        ProviderKind.PUBLISHER, "folder", "test", Installation.ok(), FolderPublisher::new);
    Path out = dir.resolve("job-x");
    new ResultDownloader(
            registry,
            new LocalResults(dir.resolve("data"), new LocalPublisherConfig(null, 0)),
            new HttpFetcher(DownloadSettings.defaults(), AddressPolicy.unrestricted()))
        .download(
            List.of(
                SpecConfig.of("folder", Map.of("Run", "a")),
                SpecConfig.of("folder", Map.of("Run", "b"))),
            out,
            false);

    assertEquals("bytes of a", Files.readString(out.resolve("copies/a.bin")));
    assertEquals("bytes of b", Files.readString(out.resolve("copies/b.bin")));
    assertEquals("a out\nb out\n", Files.readString(out.resolve("stdout")));
    assertEquals(false, Files.exists(out.resolve("raw")));
  }
}
