package io.bacalhau.client;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Where a node's API answers and how to talk to it: its base address, the credentials to send, and
 * how to trust its certificate.
 *
 * @param base {@code http(s)://host:port}, without a path
 * @param authorization the {@code Authorization} header value, or null to send none
 * @param caFile a PEM bundle to trust instead of the JDK's, or null
 * @param insecure trust any certificate (API.TLS.Insecure)
 * @param timeout how long a request may take
 */
public record ApiEndpoint(
    URI base, String authorization, Path caFile, boolean insecure, Duration timeout) {

  /** How long a request may take unless the endpoint says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The node the configuration names: {@code API.Host} (which may carry {@code https://}) and
   * {@code API.Port}; https when {@code API.TLS.UseTLS}. Credentials from {@code BACALHAU_API_KEY}
   * (a bearer token) or {@code BACALHAU_API_USERNAME}/{@code _PASSWORD}.
   */
  public static ApiEndpoint from(BacalhauConfig config, Map<String, String> env) {
    String host = config.string("API.Host").strip();
    boolean tls = config.bool("API.TLS.UseTLS");
    if (host.startsWith("https://")) {
      tls = true;
      host = host.substring("https://".length());
    } else if (host.startsWith("http://")) {
      host = host.substring("http://".length());
    }
    if (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.equals("0.0.0.0")) {
      host = "127.0.0.1"; // a server listening everywhere is reached here on loopback
    }
    int port = config.integer("API.Port", 1234);
    URI base;
    try {
      String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
      base = URI.create((tls ? "https" : "http") + "://" + authority + ":" + port);
    } catch (IllegalArgumentException e) {
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR, "API.Host '" + host + "' is not a host name")
          .component("Client")
          .hint("Give a host name or address, e.g. --api-host 127.0.0.1")
          .build();
    }
    String ca = config.string("API.TLS.CAFile").strip();
    return new ApiEndpoint(
        base,
        authorization(env),
        ca.isEmpty() ? null : Path.of(ca),
        config.bool("API.TLS.Insecure"),
        DEFAULT_TIMEOUT);
  }

  /**
   * The {@code Authorization} header the environment asks for: {@code BACALHAU_API_KEY} as a bearer
   * token, else {@code BACALHAU_API_USERNAME}/{@code _PASSWORD} as basic auth; null for none.
   */
  public static String authorization(Map<String, String> env) {
    String key = env.getOrDefault("BACALHAU_API_KEY", "").strip();
    if (!key.isEmpty()) {
      return "Bearer " + key;
    }
    String user = env.getOrDefault("BACALHAU_API_USERNAME", "");
    String password = env.getOrDefault("BACALHAU_API_PASSWORD", "");
    if (!user.isEmpty()) {
      String pair = user + ":" + password;
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /** The address users know the node by, for messages (never the credentials). */
  public String display() {
    return base.toString();
  }

  @Override
  public String toString() {
    return "ApiEndpoint[" + display() + "]"; // keeps the credentials out of logs
  }
}
