package io.bacalhau.core.plugin;

import io.bacalhau.core.version.BuildInfo;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where plugins come from and which are turned off. A plain record so that the plugin host does not
 * depend on how configuration is read.
 *
 * @param bundledDir the distribution's {@code plugins/} folder, or null when not running from a
 *     distribution (tests, IDE)
 * @param pluginsDir {@code Plugins.Dir}: third-party plugin jars and zips, or null for none
 * @param cacheDir where plugin zips are unpacked; private to the user (never a shared temp dir,
 *     where someone else could plant code)
 * @param disabled {@code Plugins.Disabled}: plugin ids that are not loaded
 * @param coreVersion the version {@code Plugin-Requires} is checked against
 */
public record PluginSettings(
    Path bundledDir, Path pluginsDir, Path cacheDir, Set<String> disabled, String coreVersion) {

  /** The system property the launcher sets to the distribution's folder. */
  public static final String HOME_PROPERTY = "bacalhau.home";

  public PluginSettings {
    disabled = Set.copyOf(disabled);
  }

  /**
   * The defaults for a data dir: bundled plugins from {@code ${bacalhau.home}/plugins}, third-party
   * ones from {@code <DataDir>/plugins}, nothing disabled.
   */
  public static PluginSettings defaults(Path dataDir) {
    return new PluginSettings(
        distributionPlugins(),
        dataDir.resolve("plugins"),
        dataDir.resolve("cache").resolve("plugins"),
        Set.of(),
        BuildInfo.current().version());
  }

  /** The distribution's plugins folder, or null when the launcher did not say where it is. */
  public static Path distributionPlugins() {
    String home = System.getProperty(HOME_PROPERTY);
    return home == null || home.isBlank() ? null : Path.of(home, "plugins").toAbsolutePath();
  }

  public PluginSettings withPluginsDir(Path dir) {
    return new PluginSettings(bundledDir, dir, cacheDir, disabled, coreVersion);
  }

  public PluginSettings withDisabled(Set<String> ids) {
    return new PluginSettings(bundledDir, pluginsDir, cacheDir, ids, coreVersion);
  }

  public PluginSettings withBundledDir(Path dir) {
    return new PluginSettings(dir, pluginsDir, cacheDir, disabled, coreVersion);
  }

  public PluginSettings withCoreVersion(String version) {
    return new PluginSettings(bundledDir, pluginsDir, cacheDir, disabled, version);
  }
}
