package io.bacalhau.core.plugin;

import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A plugins folder, cache and registry of a test's own, and the host opened on them. */
abstract class PluginHostFixture {
  @TempDir Path tmp;
  PluginHost host;
  ProviderRegistry registry;

  Path plugins() throws IOException {
    return Files.createDirectories(tmp.resolve("plugins"));
  }

  PluginHost open(Set<String> disabled) {
    return open(disabled, null);
  }

  /** Opens with a distribution's bundled plugins folder too. */
  PluginHost open(Set<String> disabled, Path bundled) {
    PluginSettings settings =
        new PluginSettings(
            bundled, tmp.resolve("plugins"), tmp.resolve("cache"), disabled, "0.1.0-SNAPSHOT");
    host = PluginHost.open(settings);
    registry = new ProviderRegistry();
    host.register(
        new ProviderLoader(
            registry, ConfigBinder.DEFAULTS, new ProviderContext(tmp, "n-1", Map.of()), Set.of()),
        registry);
    return host;
  }

  PluginHost open() {
    return open(Set.of());
  }

  @AfterEach
  void close() {
    if (registry != null) {
      registry.close();
    }
    if (host != null) {
      host.close();
    }
  }

  String warnings() {
    return String.join("\n", host.warnings());
  }
}
