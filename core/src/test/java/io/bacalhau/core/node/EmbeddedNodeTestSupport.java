package io.bacalhau.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.builtin.localpublisher.LocalPublisherConfig;
import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.orchestrator.JobDefaults;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.results.ResultDownloader;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds embedded nodes with the built-in providers, and jobs for them, for tests. */
public final class EmbeddedNodeTestSupport {
  private EmbeddedNodeTestSupport() {}

  public static ProviderRegistry builtinRegistry(Path dataDir) {
    return NodeProviders.open(NodeSetup.builtinOnly(dataDir)).registry();
  }

  public static NodeOptions options(Path dataDir, SchedulerSettings scheduler) {
    NodeOptions d = NodeOptions.defaults(dataDir, Map.of());
    return new NodeOptions(
        dataDir, Map.of(), d.capacity(), List.of(), Map.of(), JobDefaults.BUILT_IN, scheduler);
  }

  public static EmbeddedNodeClient client(Path dataDir) {
    return client(dataDir, new SchedulerSettings(2, Duration.ofMillis(200)));
  }

  public static EmbeddedNodeClient client(Path dataDir, SchedulerSettings scheduler) {
    return client(dataDir, builtinRegistry(dataDir), scheduler);
  }

  /** A node on the data dir with these providers (the built-in ones plus what a test added). */
  public static EmbeddedNodeClient client(
      Path dataDir, ProviderRegistry registry, SchedulerSettings scheduler) {
    return new EmbeddedNodeClient(
        NodeSetup.builtinOnly(dataDir).withOptions(options(dataDir, scheduler)),
        () -> registry,
        () -> {});
  }

  /** Binds the same values into every provider's config section. */
  public static ConfigBinder everySection(Map<String, ?> values) {
    return new ConfigBinder() {
      @Override
      public <T> T bind(String section, Class<T> type) {
        return Codecs.json().convertValue(values, type);
      }
    };
  }

  /** {@code job get}'s downloader for results of a node on this data dir. */
  public static ResultDownloader downloader(Path dataDir, ProviderRegistry registry) {
    return new ResultDownloader(
        registry,
        new LocalResults(dataDir, new LocalPublisherConfig(null, 0)),
        new HttpFetcher(DownloadSettings.defaults(), AddressPolicy.unrestricted()));
  }

  /** A batch job on the noop engine with the given engine params. */
  public static Job noopJob(String name, Map<String, Object> params) {
    return Job.builder()
        .name(name)
        .type(JobType.BATCH)
        .count(1)
        .task(Task.builder().name("main").engine(SpecConfig.of("noop", params)).build())
        .build();
  }

  /** Waits until the job is terminal, or fails the test after the timeout. */
  public static Job awaitTerminal(NodeClient client, String jobId, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Job job = client.job(jobId, "");
      if (job.stateType().isTerminal()) {
        return job;
      }
      client.awaitChange(Duration.ofMillis(200));
    }
    throw new AssertionError(
        "job "
            + jobId
            + " not terminal after "
            + timeout
            + ": "
            + client.job(jobId, "").stateType());
  }

  /**
   * Runs a job on a node with these providers, expects it Completed with one published result of
   * {@code resultType}, and downloads that into {@code downloads/job-<id>} as {@code job get} does.
   */
  public static Path runAndGet(
      Path dataDir, ProviderRegistry registry, Job job, String resultType, Path downloads)
      throws Exception {
    try (EmbeddedNodeClient client =
        client(dataDir, registry, new SchedulerSettings(2, Duration.ofMillis(200)))) {
      String id = client.submit(job, false).jobId();
      Job ended = awaitTerminal(client, id, Duration.ofSeconds(60));
      assertEquals(
          JobStateType.COMPLETED,
          ended.stateType(),
          () -> String.valueOf(client.history(id, HistoryQuery.everything())));
      List<SpecConfig> results = client.results(id, "");
      assertEquals(1, results.size(), results::toString);
      assertEquals(resultType, results.getFirst().type());
      Path out = downloads.resolve("job-" + id);
      downloader(dataDir, registry).download(results, out, false);
      return out;
    }
  }

  static boolean isTerminal(JobStateType s) {
    return s.isTerminal();
  }
}
