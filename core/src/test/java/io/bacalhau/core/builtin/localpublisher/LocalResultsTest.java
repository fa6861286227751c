package io.bacalhau.core.builtin.localpublisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a download URL maps back to an archive of this data dir, which job get reads from disk. */
class LocalResultsTest {
  @TempDir Path dir;

  private LocalResults withArchive(String executionId) throws Exception {
    LocalResults local = new LocalResults(dir, new LocalPublisherConfig(null, 0));
    Files.createDirectories(local.folder());
    Files.writeString(local.archive(executionId), "archive");
    return local;
  }

  @Test
  void anArchiveOfThisDataDirIsFoundWhateverAddressAndPortItsUrlNames() throws Exception {
    LocalResults local = withArchive("e-1");
    assertEquals(
        Optional.of(local.archive("e-1")),
        local.fileFor(URI.create("http://results.example:7123/e-1.tar.gz")));
    assertEquals(
        Optional.of(local.archive("e-1")), local.fileFor(local.url("e-1")), "the default URL");
  }

  @Test
  void otherUrlsAreLeftToBeDownloaded() throws Exception {
    LocalResults local = withArchive("e-1");
    Files.writeString(dir.resolve("outside.tar.gz"), "not a result");
    for (String url :
        new String[] {
          "http://127.0.0.1:6001/e-2.tar.gz",
          "http://127.0.0.1:6001/results/e-1.tar.gz",
          "http://127.0.0.1:6001/../../../outside.tar.gz",
          "http://127.0.0.1:6001/..%2F..%2F..%2Foutside.tar.gz",
          "http://127.0.0.1:6001/e-1.tar.gz.partial",
          "ftp://127.0.0.1/e-1.tar.gz"
        }) {
      assertTrue(local.fileFor(URI.create(url)).isEmpty(), url);
    }
  }
}
