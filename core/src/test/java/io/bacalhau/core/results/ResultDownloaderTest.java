package io.bacalhau.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.builtin.localpublisher.LocalPublisherConfig;
import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.net.AddressPolicy;
import io.bacalhau.core.spi.publisher.Publisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /** Hands back whatever files the test puts in {@code contents}, as a publisher plugin might. */
  private record ScriptedPublisher(Map<String, byte[]> contents, Path linkTo) implements Publisher {
    @Override
    public SpecConfig publish(
        io.bacalhau.core.spi.publisher.PublishRequest request,
        io.bacalhau.core.spi.ExecutionEvents events) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void download(SpecConfig published, Path into) throws Exception {
      for (var e : contents.entrySet()) {
        Path file = into.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, e.getValue());
      }
      if (linkTo != null) {
        Files.createDirectories(into);
        Files.createSymbolicLink(into.resolve("link"), linkTo);
      }
    }
  }

  private List<String> get(Publisher publisher, Path out) throws Exception {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(
        ProviderKind.PUBLISHER, "scripted", "test", Installation.ok(), () -> publisher);
    new ResultDownloader(
            registry,
            new LocalResults(dir.resolve("data"), new LocalPublisherConfig(null, 0)),
            new HttpFetcher(DownloadSettings.defaults(), AddressPolicy.unrestricted()))
        .download(List.of(SpecConfig.of("scripted", Map.of())), out, false);
    return listing(out);
  }

  private static List<String> listing(Path out) throws java.io.IOException {
    try (var walk = Files.walk(out)) {
      return walk.map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  /** The downloads once sat in {@code <out>/raw}, which was deleted after merging: with this. */
  @Test
  void aResultFolderNamedRawIsKept() throws Exception {
    Path out = dir.resolve("job-x");
    List<String> files =
        get(new ScriptedPublisher(Map.of("raw/data.txt", "kept".getBytes()), null), out);
    assertEquals(List.of("", "raw", "raw/data.txt"), files);
    assertEquals("kept", Files.readString(out.resolve("raw/data.txt")));
  }

  /** A local publisher's archive, read from disk as job get does on the node's own data dir. */
  @Test
  void anArchiveWithAnEscapingEntryLeavesNothingInTheOutputFolderOrOutsideIt() throws Exception {
    LocalResults local = new LocalResults(dir.resolve("data"), new LocalPublisherConfig(null, 0));
    Files.createDirectories(local.folder());
    Files.write(
        local.archive("e-1"),
        tarGz(
            "outputs/good.txt", "fine",
            "stdout", "out",
            "outputs/../../../../escaped", "boom"));
    Path out = dir.resolve("job-x");
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                new ResultDownloader(
                        new ProviderRegistry(),
                        local,
                        new HttpFetcher(DownloadSettings.defaults(), AddressPolicy.unrestricted()))
                    .download(
                        List.of(
                            SpecConfig.of(
                                "urlDownload", Map.of("URL", local.url("e-1").toString()))),
                        out,
                        false));
    assertTrue(e.getMessage().contains("escapes its folder"), e.getMessage());
    assertEquals(List.of(""), listing(out));
    assertFalse(Files.exists(dir.resolve("escaped")));
  }

  /**
   * A node whose Publishers.Types.Local names another port (or address) once sent job get on its
   * own data dir to that URL, where nothing listens unless the node serves: the file is right here.
   */
  @Test
  void jobGetOnTheNodesDataDirReadsAnArchivePublishedUnderAConfiguredPort() throws Exception {
    int closedPort;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    LocalResults published =
        new LocalResults(dir.resolve("data"), new LocalPublisherConfig("127.0.0.1", closedPort));
    Files.createDirectories(published.folder());
    Files.write(published.archive("e-1"), tarGz("stdout", "from disk\n", "exitCode", "0"));
    Path out = dir.resolve("job-x");
    ResultDownloader.forJobGet(new ProviderRegistry(), dir.resolve("data"), Duration.ofSeconds(5))
        .download(
            List.of(SpecConfig.of("urlDownload", Map.of("URL", published.url("e-1").toString()))),
            out,
            false);
    assertEquals("from disk\n", Files.readString(out.resolve("stdout")));
  }

  @Test
  void aLinkInADownloadIsRefusedAndWhatItPointsAtStaysWhereItIs() throws Exception {
    Path precious = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(precious.resolve("keys"), "secret");
    Path out = dir.resolve("job-x");
    assertThrows(
        BacalhauException.class, () -> get(new ScriptedPublisher(Map.of(), precious), out));
    assertEquals("secret", Files.readString(precious.resolve("keys")));
    assertFalse(Files.exists(out.resolve("keys")));
  }

  /** Name, content, name, content...: in this order, without the checks our own packer makes. */
  private static byte[] tarGz(String... namesAndContents) throws java.io.IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var tar =
        new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
            new java.util.zip.GZIPOutputStream(bytes))) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        byte[] data = namesAndContents[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var entry =
            new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
                namesAndContents[i], true);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
