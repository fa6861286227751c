package io.bacalhau.core.plugin;

import io.bacalhau.core.spi.analytics.AnalyticsFactory;
import io.bacalhau.core.spi.engine.EngineFactory;
import io.bacalhau.core.spi.publisher.PublisherFactory;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.ServiceProviderExtensionFinder;

/**
 * PF4J's {@code META-INF/services} finder, narrowed to what a Bacalhau plugin provides: only the
 * SPI's service files, only from the plugin's own jars (not the host's, not a bundled library's
 * unrelated services), and never the application classpath (PF4J scans it by default; the built-in
 * providers are registered by core, not discovered).
 */
final class SpiExtensionFinder extends ServiceProviderExtensionFinder {
  static final List<Class<?>> SPI =
      List.of(
          EngineFactory.class,
          PublisherFactory.class,
          InputSourceFactory.class,
          AnalyticsFactory.class);

  private final Map<String, String> unreadable = new ConcurrentHashMap<>();

  SpiExtensionFinder(PluginManager manager) {
    super(manager);
  }

  @Override
  public Map<String, Set<String>> readClasspathStorages() {
    return Map.of();
  }

  @Override
  public Map<String, Set<String>> readPluginsStorages() {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (PluginWrapper plugin : pluginManager.getPlugins()) {
      Set<String> names = new LinkedHashSet<>();
      if (plugin.getPluginClassLoader() instanceof PluginClassLoader loader) {
        for (Class<?> spi : SPI) {
          try {
            for (URL url : Collections.list(loader.findResources(servicesFile(spi)))) {
              read(url, names);
            }
          } catch (IOException e) {
            unreadable.put(plugin.getPluginId(), servicesFile(spi) + ": " + e.getMessage());
          }
        }
      }
      result.put(plugin.getPluginId(), names);
    }
    return result;
  }

  /** Why a plugin's service files could not be read, if they could not. */
  String unreadable(String pluginId) {
    return unreadable.get(pluginId);
  }

  static String servicesFile(Class<?> spi) {
    return "META-INF/services/" + spi.getName();
  }

  private static void read(URL url, Set<String> names) throws IOException {
    var connection = url.openConnection();
    // Jar URL connections cache open jars by default; the plugin's jar must be closable on unload.
    connection.setUseCaches(false);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int comment = line.indexOf('#');
        String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
  }
}
