package io.bacalhau.cli.serve;

import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.server.ApiUser;
import io.bacalhau.server.Oauth2Config;
import io.bacalhau.server.ServerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The server's settings from the configuration: {@code API.Host}/{@code Port}, {@code API.TLS.*},
 * {@code API.Auth.Oauth2.*} and {@code API.Auth.Users}, a list of entries such as {@code {Username:
 * alice, Password: "$2a$...", Capabilities: [read:job]}} or {@code {APIKey: ..., Capabilities:
 * [{Actions: [read:*]}]}}.
 */
final class ServerConfig {
  private ServerConfig() {}

  static ServerSettings from(BacalhauConfig config, Function<String, Path> resolve) {
    ServerSettings settings =
        ServerSettings.open(config.string("API.Host"), config.integer("API.Port", 1234))
            .withUsers(users(config.value("API.Auth.Users")))
            .withAgentConfig(config.asTree())
            .withOauth2(oauth2(config));
    String cert = config.string("API.TLS.CertFile").strip();
    String key = config.string("API.TLS.KeyFile").strip();
    if (cert.isEmpty() != key.isEmpty()) {
      throw new CommandFailedException(
          ExitCode.USAGE,
          "API.TLS.CertFile and API.TLS.KeyFile go together, but only one is set",
          "Set both to PEM files of one certificate and its key, or neither.");
    }
    if (!cert.isEmpty()) {
      return settings.withTls(resolve.apply(cert), resolve.apply(key));
    }
    // Files given win over SelfSigned, as in Bacalhau.
    return config.bool("API.TLS.SelfSigned")
        ? settings.withSelfSigned(config.dataDir().resolve("tls"))
        : settings;
  }

  /** {@code API.Auth.Oauth2.*}, for {@code agent/authconfig}. */
  static Oauth2Config oauth2(BacalhauConfig config) {
    String p = "API.Auth.Oauth2.";
    return new Oauth2Config(
        config.string(p + "ProviderID"),
        config.string(p + "ProviderName"),
        config.string(p + "TokenEndpoint"),
        config.string(p + "JWKSUri"),
        config.string(p + "Issuer"),
        config.string(p + "DeviceClientID"),
        config.string(p + "Audience"),
        config.list(p + "Scopes"),
        config.string(p + "DeviceAuthorizationEndpoint"),
        config.integer(p + "PollingInterval", 0));
  }

  static List<ApiUser> users(Object value) {
    List<Object> entries = new ArrayList<>();
    if (value instanceof List<?> list) {
      entries.addAll(list);
    } else if (value instanceof Map<?, ?> map) {
      entries.addAll(map.values()); // keyed by alias
    } else if (value != null && !String.valueOf(value).isBlank()) {
      throw invalid("a list of users");
    }
    List<ApiUser> users = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        throw invalid(
            "entry " + i + " to be a mapping with Username/Password, APIKey, Capabilities");
      }
      ApiUser user =
          new ApiUser(
              text(entry, "Username"),
              text(entry, "Password"),
              text(entry, "APIKey"),
              capabilities(get(entry, "Capabilities")));
      if (user.apiKey().isEmpty() && (user.username().isEmpty() || user.password().isEmpty())) {
        throw invalid("entry " + i + " to have a Username and Password, or an APIKey");
      }
      users.add(user);
    }
    return users;
  }

  private static List<String> capabilities(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object c : list) {
        if (c instanceof Map<?, ?> m && get(m, "Actions") instanceof List<?> actions) {
          actions.forEach(a -> out.add(String.valueOf(a)));
        } else if (c != null) {
          out.add(String.valueOf(c));
        }
      }
    }
    return out;
  }

  private static Object get(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (String.valueOf(e.getKey()).equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String text(Map<?, ?> map, String key) {
    Object v = get(map, key);
    return v == null ? "" : String.valueOf(v);
  }

  private static CommandFailedException invalid(String expected) {
    // Never the value itself: it holds passwords and keys.
    return new CommandFailedException(
        ExitCode.USAGE,
        "API.Auth.Users: expected " + expected,
        "See the README's 'Server mode' section for the shape of API.Auth.Users.");
  }
}
