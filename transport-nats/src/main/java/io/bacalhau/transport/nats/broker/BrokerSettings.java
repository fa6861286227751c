package io.bacalhau.transport.nats.broker;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the orchestrator's broker is: a {@code nats-server} it starts on {@code host:port}
 * (Orchestrator.Host and Orchestrator.Port; port 0 picks a free one) with the token of
 * Orchestrator.Auth.Token, or, when {@code externalUrl} is set, a NATS server someone else runs.
 */
public record BrokerSettings(
    String host,
    int port,
    String token,
    String externalUrl,
    Path workDir,
    Duration startTimeout,
    BrokerTls tls) {

  public BrokerSettings(
      String host,
      int port,
      String token,
      String externalUrl,
      Path workDir,
      Duration startTimeout) {
    this(host, port, token, externalUrl, workDir, startTimeout, BrokerTls.NONE);
  }

  public BrokerSettings {
    host = host == null || host.isBlank() ? "0.0.0.0" : host;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Orchestrator.Port must be 0..65535, got " + port);
    }
    token = token == null ? "" : token;
    externalUrl = externalUrl == null ? "" : externalUrl.strip();
    startTimeout = startTimeout == null ? Duration.ofSeconds(10) : startTimeout;
    tls = tls == null ? BrokerTls.NONE : tls;
  }

  /** The same broker with TLS (a supervised one only: an external one has its own settings). */
  public BrokerSettings withTls(BrokerTls brokerTls) {
    return new BrokerSettings(host, port, token, externalUrl, workDir, startTimeout, brokerTls);
  }

  /** A broker started here, on loopback, with this token, in {@code workDir}. */
  public static BrokerSettings supervised(String host, int port, String token, Path workDir) {
    return new BrokerSettings(host, port, token, "", workDir, null);
  }

  /** A NATS server that already runs at {@code url}. */
  public static BrokerSettings external(String url, String token) {
    return new BrokerSettings(null, 0, token, url, null, null);
  }

  public boolean isExternal() {
    return !externalUrl.isEmpty();
  }
}
