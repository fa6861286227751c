package io.bacalhau.transport.nats.node;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.transport.nats.link.LinkTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A compute node's side of the cluster as configured: the orchestrators' NATS URLs ({@code
 * Compute.Orchestrators}), its token ({@code Compute.Auth.Token}), and how often it says it is
 * alive and sends its full description ({@code Compute.Heartbeat.Interval}, {@code
 * InfoUpdateInterval}), and TLS ({@code Compute.TLS.CACert}: the CA the broker's certificate must
 * chain to; {@code Compute.TLS.RequireTLS}: TLS with the system's CAs when no CA file is given).
 * Its place in the orchestrator's stream is kept in {@code <DataDir>/compute/}.
 */
public record ComputeSettings(
    List<String> orchestrators,
    String token,
    Duration heartbeatInterval,
    Duration infoUpdateInterval,
    Path dataDir,
    LinkTls tls) {

  public ComputeSettings {
    orchestrators = List.copyOf(orchestrators);
    tls = tls == null ? LinkTls.NONE : tls;
  }

  public static ComputeSettings from(BacalhauConfig config) {
    List<String> urls =
        config.list("Compute.Orchestrators").stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(ComputeSettings::withScheme)
            .toList();
    return new ComputeSettings(
        urls.isEmpty() ? List.of("nats://127.0.0.1:4222") : urls,
        config.string("Compute.Auth.Token"),
        config.duration("Compute.Heartbeat.Interval", Duration.ofSeconds(15)),
        config.duration("Compute.Heartbeat.InfoUpdateInterval", Duration.ofMinutes(1)),
        config.dataDir(),
        new LinkTls(
            TlsFiles.file(config, "Compute.TLS.CACert"),
            config.bool("Compute.TLS.RequireTLS"),
            "Compute.TLS.CACert"));
  }

  /** Bacalhau accepts {@code host:port} as well as {@code nats://host:port}. */
  static String withScheme(String url) {
    return url.contains("://") ? url : "nats://" + url;
  }

  public Path checkpointFile() {
    return dataDir.resolve("compute").resolve("orchestrator-seq");
  }
}
