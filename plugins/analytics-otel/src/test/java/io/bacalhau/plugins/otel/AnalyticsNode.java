package io.bacalhau.plugins.otel;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A local node configured the way the CLI configures one (real config loading: files, {@code
 * BACALHAU_*} environment, {@code -c} values), with the otel plugin's factory registered as the
 * plugin host registers it.
 */
final class AnalyticsNode implements AutoCloseable {
  final BacalhauConfig config;
  final Map<String, String> env;
  final EmbeddedNodeClient client;
  private final ProviderRegistry registry;

  AnalyticsNode(Path home, Path dataDir, Map<String, String> extraEnv, List<String> configArgs) {
    Map<String, String> e = new HashMap<>();
    e.put("HOME", home.toString());
    e.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    e.putAll(extraEnv);
    this.env = Map.copyOf(e);
    this.config =
        new ConfigLoader()
            .load(new ConfigInputs(env, home, configArgs, dataDir.toString(), null, null));
    NodeSetup setup =
        new NodeSetup(
            EmbeddedNodeTestSupport.options(
                dataDir, new SchedulerSettings(2, Duration.ofMillis(200))),
            config,
            null,
            Set.of(),
            AddressPolicy.embedded(),
            env,
            config.bool("DisableAnalytics"));
    this.registry =
        NodeProviders.open(
                setup,
                new NodeProviders.InCode(
                    "analytics-otel", config, List.of(new OtelAnalyticsFactory())))
            .registry();
    this.client = new EmbeddedNodeClient(setup, () -> registry, () -> {});
  }

  /** Runs a noop job to its end. */
  Job run(String name, Map<String, Object> params) throws InterruptedException {
    Job job =
        Job.builder()
            .name(name)
            .type(JobType.BATCH)
            .count(1)
            .task(
                Task.builder()
                    .name("main")
                    .engine(SpecConfig.of("noop", params))
                    .env(Map.of("API_TOKEN", "s3cr3t-token-value"))
                    .build())
            .build();
    String id = client.submit(job, false).jobId();
    return EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
  }

  private boolean closed;

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    client.close();
    registry.close();
  }
}
