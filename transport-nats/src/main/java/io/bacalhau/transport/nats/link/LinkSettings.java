package io.bacalhau.transport.nats.link;

import java.time.Duration;
import java.util.List;

/**
 * Where and how to reach the broker: its URLs ({@code nats://host:port}), the token (empty for
 * none), a name the broker shows for this connection, and how long to wait for it.
 */
public record LinkSettings(
    List<String> urls, String token, String connectionName, Duration connectTimeout) {

  public LinkSettings {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one NATS URL is needed");
    }
    token = token == null ? "" : token;
    connectionName = connectionName == null ? "" : connectionName;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
  }

  public static LinkSettings of(String url, String token, String name) {
    return new LinkSettings(List.of(url), token, name, null);
  }
}
