package io.bacalhau.transport.nats.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bacalhau's cluster keys reach the transport's settings, with Bacalhau's defaults. */
class ClusterSettingsTest {
  @TempDir Path home;

  private BacalhauConfig config(String... overrides) {
    return new ConfigLoader()
        .load(
            new ConfigInputs(
                Map.of("HOME", home.toString()), home, List.of(overrides), null, null, null));
  }

  @Test
  void defaultsAreBacalhaus() {
    OrchestratorSettings o = OrchestratorSettings.from(config());
    assertEquals("0.0.0.0", o.host());
    assertEquals(4222, o.port());
    assertEquals(Duration.ofMinutes(1), o.disconnectTimeout());
    assertFalse(o.manualApproval());
    ComputeSettings c = ComputeSettings.from(config());
    assertEquals(List.of("nats://127.0.0.1:4222"), c.orchestrators());
    assertEquals(Duration.ofSeconds(15), c.heartbeatInterval());
    assertEquals(Duration.ofMinutes(1), c.infoUpdateInterval());
  }

  @Test
  void everyClusterKeyIsRead() {
    BacalhauConfig config =
        config(
            "Orchestrator.Host=127.0.0.1",
            "Orchestrator.Port=4333",
            "Orchestrator.Advertise=10.0.0.5",
            "Orchestrator.Auth.Token=t0k",
            "Orchestrator.NodeManager.DisconnectTimeout=3s",
            "Orchestrator.NodeManager.ManualApproval=true",
            "Compute.Orchestrators=127.0.0.1:4333,nats://10.0.0.6:4222",
            "Compute.Auth.Token=t0k",
            "Compute.Heartbeat.Interval=500ms",
            "Compute.Heartbeat.InfoUpdateInterval=5s");
    OrchestratorSettings o = OrchestratorSettings.from(config);
    assertEquals(
        new OrchestratorSettings(
            "127.0.0.1",
            4333,
            "10.0.0.5",
            "t0k",
            Duration.ofSeconds(3),
            true,
            config.dataDir(),
            null,
            null,
            ""),
        o);
    ComputeSettings c = ComputeSettings.from(config);
    assertEquals(List.of("nats://127.0.0.1:4333", "nats://10.0.0.6:4222"), c.orchestrators());
    assertEquals("t0k", c.token());
    assertEquals(Duration.ofMillis(500), c.heartbeatInterval());
    assertEquals(Duration.ofSeconds(5), c.infoUpdateInterval());
  }

  @Test
  void aHybridOpensItsBrokerOnlyWhenAnOrchestratorNetworkKeyIsGiven() {
    assertFalse(OrchestratorSettings.configured(config()));
    assertFalse(OrchestratorSettings.configured(config("Compute.Heartbeat.Interval=1s")));
    assertTrue(OrchestratorSettings.configured(config("Orchestrator.Port=4223")));
    assertTrue(OrchestratorSettings.configured(config("Orchestrator.Auth.Token=x")));
  }
}
