package io.bacalhau.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the API server listens and whom it lets in.
 *
 * @param host the address to bind ({@code API.Host})
 * @param port the port, 0 for any free one ({@code API.Port})
 * @param certFile PEM certificate chain served over TLS ({@code API.TLS.CertFile}), or null
 * @param keyFile PEM private key of that certificate ({@code API.TLS.KeyFile}), or null
 * @param selfSignedDir with no certificate files, where to make a self-signed one at start ({@code
 *     API.TLS.SelfSigned}), or null
 * @param users who may call the API ({@code API.Auth.Users}); empty means everyone may
 * @param agentConfig the node's configuration with secrets already masked, for {@code agent/config}
 * @param oauth2 single sign-on settings, for {@code agent/authconfig}
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param readTimeout a request's body must arrive within this, its headers within a quarter of it
 *     (Bacalhau's 20 s and 5 s), or the connection is closed
 * @param idleTimeout a connection that sends nothing for this long is closed; a followed log stream
 *     pings its client every third of it, so a quiet job's stream stays open while the client
 *     answers, and a vanished client's is closed
 */
public record ServerSettings(
    String host,
    int port,
    Path certFile,
    Path keyFile,
    Path selfSignedDir,
    List<ApiUser> users,
    Map<String, Object> agentConfig,
    Oauth2Config oauth2,
    long maxBodyBytes,
    Duration readTimeout,
    Duration idleTimeout) {

  public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

  public ServerSettings {
    users = List.copyOf(users);
    agentConfig = Map.copyOf(agentConfig);
    oauth2 = oauth2 == null ? Oauth2Config.NONE : oauth2;
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
  }

  /** Plain HTTP on {@code host:port}, open to everyone, Bacalhau's limits. */
  public static ServerSettings open(String host, int port) {
    return new ServerSettings(
        host,
        port,
        null,
        null,
        null,
        List.of(),
        Map.of(),
        Oauth2Config.NONE,
        MAX_BODY_BYTES,
        READ_TIMEOUT,
        IDLE_TIMEOUT);
  }

  public ServerSettings withTls(Path cert, Path key) {
    return new ServerSettings(
        host,
        port,
        cert,
        key,
        null,
        users,
        agentConfig,
        oauth2,
        maxBodyBytes,
        readTimeout,
        idleTimeout);
  }

  /** TLS with a certificate for localhost and 127.0.0.1 made at start in {@code dir}. */
  public ServerSettings withSelfSigned(Path dir) {
    return new ServerSettings(
        host,
        port,
        null,
        null,
        dir,
        users,
        agentConfig,
        oauth2,
        maxBodyBytes,
        readTimeout,
        idleTimeout);
  }

  public ServerSettings withUsers(List<ApiUser> others) {
    return new ServerSettings(
        host,
        port,
        certFile,
        keyFile,
        selfSignedDir,
        others,
        agentConfig,
        oauth2,
        maxBodyBytes,
        readTimeout,
        idleTimeout);
  }

  public ServerSettings withAgentConfig(Map<String, Object> config) {
    return new ServerSettings(
        host,
        port,
        certFile,
        keyFile,
        selfSignedDir,
        users,
        config,
        oauth2,
        maxBodyBytes,
        readTimeout,
        idleTimeout);
  }

  public ServerSettings withOauth2(Oauth2Config sso) {
    return new ServerSettings(
        host,
        port,
        certFile,
        keyFile,
        selfSignedDir,
        users,
        agentConfig,
        sso,
        maxBodyBytes,
        readTimeout,
        idleTimeout);
  }

  /** How long a silent connection lives; tests shorten it to see what outlives it. */
  public ServerSettings withIdleTimeout(Duration idle) {
    return new ServerSettings(
        host,
        port,
        certFile,
        keyFile,
        selfSignedDir,
        users,
        agentConfig,
        oauth2,
        maxBodyBytes,
        readTimeout,
        idle);
  }

  /** How often a followed log stream pings its client: three chances within the idle timeout. */
  Duration pingInterval() {
    return idleTimeout.dividedBy(3);
  }

  public boolean tls() {
    return (certFile != null && keyFile != null) || selfSignedDir != null;
  }
}
