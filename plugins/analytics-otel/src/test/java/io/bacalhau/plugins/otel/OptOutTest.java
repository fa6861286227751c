package io.bacalhau.plugins.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.config.ConfigCatalog;
import io.bacalhau.core.config.ConfigFileEditor;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.models.JobStateType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's four ways to opt out, each with a collector listening on the configured endpoint: it
 * must see no connection and no byte, and the OpenTelemetry SDK must not even start.
 */
class OptOutTest {
  @TempDir Path home;
  @TempDir Path dataDir;

  @Test
  void configSetDisableAnalytics() throws Exception {
    // What `bacalhau config set DisableAnalytics true` does: write the key to the config file.
    Path target =
        new ConfigLoader()
            .load(
                new ConfigInputs(
                    Map.of("HOME", home.toString()),
                    home,
                    List.of(),
                    dataDir.toString(),
                    null,
                    null))
            .writeTarget();
    ConfigFileEditor.set(target, ConfigCatalog.get().require("DisableAnalytics"), true);
    assertNothingSent(Map.of(), List.of());
  }

  @Test
  void environmentVariable() throws Exception {
    assertNothingSent(Map.of("BACALHAU_DISABLEANALYTICS", "true"), List.of());
  }

  @Test
  void lowerCaseKeyInTheConfigFile() throws Exception {
    // echo 'disableanalytics: true' >> ~/.bacalhau/config.yaml
    Files.writeString(dataDir.resolve("config.yaml"), "disableanalytics: true\n");
    assertNothingSent(Map.of(), List.of());
  }

  @Test
  void configFlag() throws Exception {
    assertNothingSent(Map.of(), List.of("DisableAnalytics=true"));
  }

  private void assertNothingSent(Map<String, String> env, List<String> args) throws Exception {
    Set<String> threadsBefore = otelThreads();
    try (OtlpHttpReceiver collector = OtlpHttpReceiver.start()) {
      Map<String, String> withEndpoint = new java.util.HashMap<>(env);
      withEndpoint.put("BACALHAU_ANALYTICS_ENDPOINT", collector.endpoint());
      try (AnalyticsNode node = new AnalyticsNode(home, dataDir, withEndpoint, args)) {
        assertTrue(node.config.bool("DisableAnalytics"), "the route did not turn analytics off");
        assertEquals(collector.endpoint(), node.config.string("Analytics.Endpoint"));
        assertEquals(JobStateType.COMPLETED, node.run("quiet", Map.of()).stateType());
        assertFalse(node.client.node().analytics().enabled());
        assertEquals(Set.of(), difference(otelThreads(), threadsBefore), "SDK threads started");
      }
      Thread.sleep(300); // anything in flight would have connected by now
      assertEquals(0, collector.connections(), "connections to the collector");
      assertEquals(0, collector.bytes(), "bytes sent to the collector");
    }
    assertFalse(
        Files.exists(home.resolve("xdg/bacalhau/installation_id")),
        "no installation ID is made when analytics is off");
  }

  /** The batch processor's worker and OkHttp's threads: what an initialised SDK leaves running. */
  static Set<String> otelThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(
            n ->
                n.contains("BatchLogRecordProcessor")
                    || n.contains("OkHttp")
                    || n.startsWith("bacalhau-analytics"))
        .collect(Collectors.toSet());
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toSet());
  }
}
