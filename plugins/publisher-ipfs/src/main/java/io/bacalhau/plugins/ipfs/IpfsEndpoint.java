package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.net.URI;

/**
 * The address of a node's RPC API, written as a multiaddr ({@code /ip4/127.0.0.1/tcp/5001}, {@code
 * /dns4/host/tcp/5001/https}) or a URL ({@code http://127.0.0.1:5001}).
 */
record IpfsEndpoint(URI baseUrl) {

  static IpfsEndpoint parse(String text, String configKey) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      throw BacalhauException.builder(ErrorCode.CONFIGURATION_ERROR, configKey + " is not set")
          .component("IPFS")
          .hint(setHint(configKey))
          .build();
    }
    if (s.startsWith("http://") || s.startsWith("https://")) {
      URI uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      if (uri.getHost() == null) {
        throw invalid(configKey, s, "has no host");
      }
      return new IpfsEndpoint(uri);
    }
    String[] parts = s.split("/");
    // "", proto, host, "tcp", port[, "http"|"https"]
    if (parts.length < 5 || !parts[0].isEmpty() || !parts[3].equals("tcp")) {
      throw invalid(configKey, s, "is not a multiaddr like /ip4/127.0.0.1/tcp/5001 or a URL");
    }
    String host =
        switch (parts[1]) {
          case "ip4", "dns", "dns4", "dns6" -> parts[2];
          case "ip6" -> "[" + parts[2] + "]";
          default ->
              throw invalid(configKey, s, "uses '" + parts[1] + "'; expected ip4, ip6 or dns");
        };
    int port;
    try {
      port = Integer.parseInt(parts[4]);
    } catch (NumberFormatException e) {
      throw invalid(configKey, s, "has port '" + parts[4] + "', not a number");
    }
    String scheme = parts.length > 5 && parts[5].equals("https") ? "https" : "http";
    return new IpfsEndpoint(URI.create(scheme + "://" + host + ":" + port));
  }

  private static BacalhauException invalid(String key, String value, String why) {
    return BacalhauException.builder(ErrorCode.CONFIGURATION_ERROR, key + " '" + value + "' " + why)
        .component("IPFS")
        .hint(setHint(key))
        .build();
  }

  private static String setHint(String key) {
    return "Set "
        + key
        + " to the node's RPC API, e.g. 'bacalhau config set "
        + key
        + "=/ip4/127.0.0.1/tcp/5001'";
  }

  URI api(String command, String query) {
    return URI.create(baseUrl + "/api/v0/" + command + (query.isEmpty() ? "" : "?" + query));
  }

  @Override
  public String toString() {
    return baseUrl.toString();
  }
}
