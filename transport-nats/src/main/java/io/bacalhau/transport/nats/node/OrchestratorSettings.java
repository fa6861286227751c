package io.bacalhau.transport.nats.node;

import io.bacalhau.core.config.BacalhauConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The orchestrator's side of the cluster as configured: where its broker listens ({@code
 * Orchestrator.Host}/{@code Port}), the address compute nodes are told to use ({@code
 * Orchestrator.Advertise}), the token they must present ({@code Orchestrator.Auth.Token}), and how
 * it treats nodes ({@code Orchestrator.NodeManager.DisconnectTimeout} and {@code ManualApproval}).
 * Node memberships are kept in {@code <DataDir>/orchestrator/nodes.json}.
 */
public record OrchestratorSettings(
    String host,
    int port,
    String advertise,
    String token,
    Duration disconnectTimeout,
    boolean manualApproval,
    Path dataDir) {

  public static OrchestratorSettings from(BacalhauConfig config) {
    return new OrchestratorSettings(
        config.string("Orchestrator.Host").strip(),
        config.integer("Orchestrator.Port", 4222),
        config.string("Orchestrator.Advertise").strip(),
        config.string("Orchestrator.Auth.Token"),
        config.duration("Orchestrator.NodeManager.DisconnectTimeout", Duration.ofMinutes(1)),
        config.bool("Orchestrator.NodeManager.ManualApproval"),
        config.dataDir());
  }

  /**
   * Whether a hybrid node should also accept compute nodes of other processes: only when some
   * orchestrator network setting was given, so that the default node (and the resident one a client
   * starts) never opens a broker port nor needs nats-server.
   */
  public static boolean configured(BacalhauConfig config) {
    return config.isSet("Orchestrator.Host")
        || config.isSet("Orchestrator.Port")
        || config.isSet("Orchestrator.Advertise")
        || config.isSet("Orchestrator.Auth.Token");
  }

  public Path membershipFile() {
    return dataDir.resolve("orchestrator").resolve("nodes.json");
  }

  public Path brokerDir() {
    return dataDir.resolve("orchestrator").resolve("nats");
  }
}
