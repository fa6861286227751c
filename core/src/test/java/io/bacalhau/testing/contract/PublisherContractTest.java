package io.bacalhau.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bacalhau.core.builtin.localpublisher.LocalPublisherConfig;
import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.results.ResultDownloader;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.net.AddressPolicy;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Publisher} promises: what it publishes, {@code bacalhau job get} fetches back
 * byte for byte (odd file names, binary files and empty files included), each execution's results
 * stay its own, the results folder is left as it was, and bad params are refused naming the param.
 * A publisher that keeps nothing (noop) says so with a result of no type, which {@code job get}
 * skips.
 *
 * <p>An implementation's test extends this class and starts the real server its publisher talks to.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class PublisherContractTest {
  @TempDir protected Path dir;

  /** The publisher under test, created through its factory. */
  protected abstract Publisher publisher();

  /** The job's {@code Publisher} spec: type and params. */
  protected abstract SpecConfig publisherSpec();

  /** Whether results can be fetched back; false for a publisher that keeps nothing. */
  protected boolean keepsResults() {
    return true;
  }

  /** Params {@link Publisher#validate} must refuse, naming the param; empty when it has none. */
  protected Optional<InvalidParams> invalidParams() {
    return Optional.empty();
  }

  /** Where {@code job get} looks for local publisher archives (the node's data dir). */
  protected LocalResults localResults() {
    return new LocalResults(dir.resolve("data"), new LocalPublisherConfig(null, 0));
  }

  /**
   * Params that are wrong, and the param the error must name.
   *
   * @param param as users see it, e.g. {@code Publisher.Params.Bucket}
   */
  public record InvalidParams(SpecConfig spec, String param) {}

  /** A results folder as the compute node leaves it, with names and bytes that break codecs. */
  protected Path results(String name) throws Exception {
    Path results = Files.createDirectories(dir.resolve(name));
    Files.writeString(results.resolve("stdout"), "hello from " + name + "\n");
    Files.writeString(results.resolve("stderr"), "");
    Files.writeString(results.resolve("exitCode"), "0");
    Path outputs = Files.createDirectories(results.resolve("outputs/with space/ünïcödé 日本"));
    Files.write(outputs.resolve("data.bin"), FileTree.binary(300_000, name.hashCode()));
    Files.writeString(outputs.resolve("a+b&c=d%20e #1.txt"), "url-ish name\n");
    Files.write(results.resolve("outputs/empty.txt"), new byte[0]);
    return results;
  }

  protected SpecConfig publish(Path results, String executionId) throws Exception {
    Job job =
        Job.builder()
            .id("j-contract")
            .name("contract")
            .type("batch")
            .count(1)
            .task(
                Task.builder()
                    .name("main")
                    .engine(SpecConfig.of("noop"))
                    .publisher(publisherSpec())
                    .build())
            .build();
    SpecConfig published =
        publisher()
            .publish(
                new PublishRequest(job, executionId, "n-contract", publisherSpec(), results),
                ExecutionEvents.NONE);
    assertNotNull(published, "publish returns where the results went");
    return published;
  }

  /** Fetches one published result back as {@code bacalhau job get} does. */
  protected Path fetch(SpecConfig published) throws Exception {
    ProviderRegistry registry = new ProviderRegistry();
    Publisher publisher = publisher();
    registry.register(
        ProviderKind.PUBLISHER, published.type(), "contract", Installation.ok(), () -> publisher);
    Path out = dir.resolve("got-" + UUID.randomUUID());
    new ResultDownloader(
            registry,
            localResults(),
            new HttpFetcher(DownloadSettings.defaults(), AddressPolicy.unrestricted()))
        .download(List.of(published), out, false);
    return out;
  }

  @Test
  void publishedResultsComeBackByteForByte() throws Exception {
    assumeTrue(keepsResults(), "this publisher keeps nothing to fetch back");
    Path results = results("results");
    SpecConfig published = publish(results, "e-" + UUID.randomUUID());
    assertTrue(!published.type().isBlank(), "a kept result says its type: " + published);
    assertEquals(FileTree.of(results), FileTree.of(fetch(published)));
  }

  @Test
  void aResultFolderTheTaskLeftEmptyDoesNotFailPublishing() throws Exception {
    Path results = Files.createDirectories(dir.resolve("quiet"));
    Files.writeString(results.resolve("stdout"), "");
    Files.writeString(results.resolve("stderr"), "");
    Files.writeString(results.resolve("exitCode"), "0");
    Files.createDirectories(results.resolve("outputs"));
    SpecConfig published = publish(results, "e-" + UUID.randomUUID());
    if (keepsResults()) {
      assertEquals(FileTree.of(results), FileTree.of(fetch(published)));
    }
  }

  @Test
  void eachExecutionsResultsStayItsOwn() throws Exception {
    assumeTrue(keepsResults(), "this publisher keeps nothing to fetch back");
    Path first = results("first");
    Path second = results("second");
    SpecConfig one = publish(first, "e-" + UUID.randomUUID());
    SpecConfig two = publish(second, "e-" + UUID.randomUUID());
    assertNotEquals(one, two);
    assertEquals(FileTree.of(first), FileTree.of(fetch(one)));
    assertEquals(FileTree.of(second), FileTree.of(fetch(two)));
  }

  @Test
  void publishingLeavesTheResultsFolderAsItWas() throws Exception {
    Path results = results("results");
    var before = FileTree.of(results);
    publish(results, "e-" + UUID.randomUUID());
    assertEquals(before, FileTree.of(results));
  }

  @Test
  void aPublisherThatKeepsNothingReturnsAResultOfNoType() throws Exception {
    assumeTrue(!keepsResults(), "this publisher keeps results");
    assertEquals("", publish(results("results"), "e-1").type());
  }

  @Test
  void theJobsSpecPassesValidation() {
    publisher().validate(publisherSpec());
  }

  @Test
  void invalidParamsAreRefusedNamingTheParam() {
    Optional<InvalidParams> invalid = invalidParams();
    assumeTrue(invalid.isPresent(), "this publisher takes no params");
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> publisher().validate(invalid.get().spec()));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code(), e.getMessage());
    assertTrue(
        e.getMessage().contains(invalid.get().param()),
        "the error names " + invalid.get().param() + ": " + e.getMessage());
  }
}
