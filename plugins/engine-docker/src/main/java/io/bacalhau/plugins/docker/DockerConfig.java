package io.bacalhau.plugins.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The {@code Engines.Types.Docker} config section.
 *
 * @param host the daemon to use; blank means {@code DOCKER_HOST}, else the default socket
 * @param pullPolicy when images are pulled
 * @param username registry user; blank means {@code DOCKER_USERNAME}
 * @param password registry password; blank means {@code DOCKER_PASSWORD}
 * @param allowReadWriteInputs whether an input its source marks read-write is mounted so; off makes
 *     every input read-only
 */
@JsonIgnoreProperties(ignoreUnknown = true) // ManifestCache.* belongs to the bid-time image check
public record DockerConfig(
    @JsonProperty("Host") String host,
    @JsonProperty("PullPolicy") PullPolicy pullPolicy,
    @JsonProperty("Username") String username,
    @JsonProperty("Password") String password,
    @JsonProperty("AllowReadWriteInputs") Boolean allowReadWriteInputs) {

  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  public DockerConfig {
    host = host == null ? "" : host.strip();
    pullPolicy = pullPolicy == null ? PullPolicy.IF_NOT_PRESENT : pullPolicy;
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    allowReadWriteInputs = allowReadWriteInputs == null || allowReadWriteInputs;
  }

  public static DockerConfig defaults() {
    return new DockerConfig(null, null, null, null, null);
  }

  /** The daemon address: config, then {@code DOCKER_HOST}, then the default socket. */
  public String resolveHost(Map<String, String> env) {
    if (!host.isBlank()) {
      return host;
    }
    String fromEnv = env.getOrDefault("DOCKER_HOST", "");
    return fromEnv.isBlank() ? DEFAULT_HOST : fromEnv.strip();
  }

  /** Registry credentials from config, else the environment; null when there are none. */
  public RegistryAuth resolveAuth(Map<String, String> env) {
    String user = username.isBlank() ? env.getOrDefault("DOCKER_USERNAME", "") : username;
    String pass = password.isBlank() ? env.getOrDefault("DOCKER_PASSWORD", "") : password;
    return user.isBlank() ? null : new RegistryAuth(user, pass);
  }

  /** Credentials for a registry; never printed. */
  public record RegistryAuth(String username, String password) {
    @Override
    public String toString() {
      return "RegistryAuth[" + username + ", ********]";
    }
  }
}
