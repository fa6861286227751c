package io.bacalhau.cli.profile;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.client.ApiEndpoint;
import io.bacalhau.core.models.GoDuration;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** A profile's endpoint ({@code host:port} or a URL) as the client's address. */
public final class ProfileEndpoint {
  private ProfileEndpoint() {}

  /** {@code http(s)://host:port}; a bare {@code host:port} is http, a missing port is 1234. */
  static URI parse(String endpoint, String what) {
    String text = endpoint.strip();
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      throw new UsageException(what + ": '" + endpoint + "' is not host:port or a URL", null);
    }
    String scheme = uri.getScheme();
    boolean pathless =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath());
    if (!("http".equals(scheme) || "https".equals(scheme))
        || uri.getHost() == null
        || !pathless
        || uri.getRawQuery() != null) {
      throw new UsageException(
          what + ": '" + endpoint + "' is not host:port or an http(s)://host:port URL",
          "e.g. 127.0.0.1:1234 or https://bacalhau.example:443");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 1234;
    String host = uri.getHost().equals("0.0.0.0") ? "127.0.0.1" : uri.getHost();
    return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
  }

  /**
   * Where a profile points, with its timeout and TLS choice; credentials from the environment when
   * given there (they win), else the profile's token.
   */
  public static ApiEndpoint of(String name, Profile profile, Map<String, String> env, Path caFile) {
    URI base = parse(profile.endpoint(), "profile " + name + " endpoint");
    String fromEnv = ApiEndpoint.authorization(env);
    String authorization =
        fromEnv != null ? fromEnv : profile.token().isEmpty() ? null : "Bearer " + profile.token();
    return new ApiEndpoint(
        base, authorization, caFile, profile.insecure(), GoDuration.parse(profile.timeout()));
  }
}
