package io.bacalhau.transport.nats.link;

import java.time.Duration;
import java.util.List;

/**
 * Where and how to reach the broker: its URLs ({@code nats://host:port}), the token (empty for
 * none), a name the broker shows for this connection, how long to wait for it, and its TLS.
 */
public record LinkSettings(
    List<String> urls, String token, String connectionName, Duration connectTimeout, LinkTls tls) {

  public LinkSettings(
      List<String> urls, String token, String connectionName, Duration connectTimeout) {
    this(urls, token, connectionName, connectTimeout, LinkTls.NONE);
  }

  public LinkSettings {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one NATS URL is needed");
    }
    token = token == null ? "" : token;
    connectionName = connectionName == null ? "" : connectionName;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    tls = tls == null ? LinkTls.NONE : tls;
  }

  public LinkSettings withTls(LinkTls linkTls) {
    return new LinkSettings(urls, token, connectionName, connectTimeout, linkTls);
  }

  public static LinkSettings of(String url, String token, String name) {
    return new LinkSettings(List.of(url), token, name, null);
  }
}
