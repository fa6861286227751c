package io.bacalhau.transport.nats.node;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.transport.nats.broker.BrokerTls;
import io.bacalhau.transport.nats.link.LinkTls;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The orchestrator's side of the cluster as configured: where its broker listens ({@code
 * Orchestrator.Host}/{@code Port}), the address compute nodes are told to use ({@code
 * Orchestrator.Advertise}), the token they must present ({@code Orchestrator.Auth.Token}), how it
 * treats nodes ({@code Orchestrator.NodeManager.DisconnectTimeout} and {@code ManualApproval}), and
 * the broker's TLS ({@code Orchestrator.TLS.ServerCert}, {@code ServerKey}, {@code ServerTimeout};
 * {@code Orchestrator.TLS.CACert} is the CA its own connection trusts, the server certificate
 * itself when unset). With {@code Orchestrator.NATS.URL} it starts no broker and uses the NATS
 * server there (with the same token, and {@code Orchestrator.TLS.CACert}). Node memberships are
 * kept in {@code <DataDir>/orchestrator/nodes.json}.
 */
public record OrchestratorSettings(
    String host,
    int port,
    String advertise,
    String token,
    Duration disconnectTimeout,
    boolean manualApproval,
    Path dataDir,
    BrokerTls tls,
    Path caCert,
    String natsUrl) {

  public OrchestratorSettings {
    tls = tls == null ? BrokerTls.NONE : tls;
    natsUrl = natsUrl == null ? "" : natsUrl.strip();
  }

  public static OrchestratorSettings from(BacalhauConfig config) {
    Path cert = TlsFiles.file(config, "Orchestrator.TLS.ServerCert");
    Path key = TlsFiles.file(config, "Orchestrator.TLS.ServerKey");
    TlsFiles.pair(cert, "Orchestrator.TLS.ServerCert", key, "Orchestrator.TLS.ServerKey");
    int timeout = config.integer("Orchestrator.TLS.ServerTimeout", 0);
    BrokerTls tls = new BrokerTls(cert, key, timeout > 0 ? Duration.ofSeconds(timeout) : null);
    return new OrchestratorSettings(
        config.string("Orchestrator.Host").strip(),
        config.integer("Orchestrator.Port", 4222),
        config.string("Orchestrator.Advertise").strip(),
        config.string("Orchestrator.Auth.Token"),
        config.duration("Orchestrator.NodeManager.DisconnectTimeout", Duration.ofMinutes(1)),
        config.bool("Orchestrator.NodeManager.ManualApproval"),
        config.dataDir(),
        tls,
        TlsFiles.file(config, "Orchestrator.TLS.CACert"),
        externalUrl(config, tls));
  }

  /** {@code Orchestrator.NATS.URL}: an existing NATS server, whose own config holds its TLS. */
  private static String externalUrl(BacalhauConfig config, BrokerTls tls) {
    String url = config.string("Orchestrator.NATS.URL").strip();
    if (!url.isEmpty() && tls.enabled()) {
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR,
              "Orchestrator.TLS.ServerCert is for the nats-server the orchestrator starts, and"
                  + " Orchestrator.NATS.URL says it starts none")
          .component("NATS")
          .hint(
              "set TLS in that NATS server's own configuration, and Orchestrator.TLS.CACert to"
                  + " the CA the orchestrator should trust for it")
          .build();
    }
    return url.isEmpty() || url.contains("://") ? url : "nats://" + url;
  }

  /** Whether the orchestrator uses an existing NATS server rather than starting one. */
  public boolean external() {
    return !natsUrl.isEmpty();
  }

  /**
   * How the orchestrator's own connection to its broker uses TLS: trusting {@code
   * Orchestrator.TLS.CACert}, or else the broker's certificate itself (it is this process's).
   */
  public LinkTls linkTls() {
    if (caCert != null) {
      return LinkTls.trusting(caCert, "Orchestrator.TLS.CACert");
    }
    return tls.enabled()
        ? LinkTls.trusting(tls.certFile(), "Orchestrator.TLS.CACert")
        : LinkTls.NONE;
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
        || config.isSet("Orchestrator.Auth.Token")
        || config.isSet("Orchestrator.TLS.ServerCert")
        || config.isSet("Orchestrator.NATS.URL");
  }

  public Path membershipFile() {
    return dataDir.resolve("orchestrator").resolve("nodes.json");
  }

  public Path brokerDir() {
    return dataDir.resolve("orchestrator").resolve("nats");
  }
}
