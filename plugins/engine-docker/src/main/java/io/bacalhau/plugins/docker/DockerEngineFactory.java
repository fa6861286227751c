package io.bacalhau.plugins.docker;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineFactory;
import java.time.Duration;
import java.util.Map;

/** The {@code docker} engine: jobs run as containers on the local (or configured) daemon. */
public final class DockerEngineFactory implements EngineFactory<DockerConfig> {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  @Override
  public String type() {
    return "docker";
  }

  @Override
  public Class<DockerConfig> configType() {
    return DockerConfig.class;
  }

  @Override
  public String configSection() {
    return "Engines.Types.Docker";
  }

  @Override
  public Installation isInstalled(DockerConfig config) {
    return probe(config, System.getenv());
  }

  /** Pings the daemon and says where it looked when it does not answer. */
  public static Installation probe(DockerConfig config, Map<String, String> env) {
    String host = config.resolveHost(env);
    try (DockerApi api = DockerApi.connect(host, PROBE_TIMEOUT)) {
      api.ping();
      return Installation.ok();
    } catch (RuntimeException | LinkageError e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return Installation.missing(
          "Docker daemon not reachable at "
              + host
              + " ("
              + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage())
              + "); set DOCKER_HOST or Engines.Types.Docker.Host, or start dockerd");
    }
  }

  @Override
  public Engine create(DockerConfig config, ProviderContext context) {
    DockerEngine engine =
        new DockerEngine(
            DockerApi.connect(config.resolveHost(context.hostEnv()), Duration.ZERO),
            config,
            context);
    engine.cleanLeftovers();
    return engine;
  }
}
