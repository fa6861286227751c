package io.bacalhau.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.BasePluginRepository;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.ExtensionFinder;
import org.pf4j.InvalidPluginDescriptorException;
import org.pf4j.JarPluginLoader;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * PF4J configured for Bacalhau: plugins are loaded one path at a time by {@link PluginHost} (which
 * reports each failure itself), with isolating class loaders, the SPI-only services finder, {@code
 * Plugins.Disabled}, and {@code Plugin-Requires} checked against the core version.
 */
final class BacalhauPluginManager extends org.pf4j.DefaultPluginManager {
  private static final ClassLoader HOST = BacalhauPluginManager.class.getClassLoader();

  private final Set<String> disabledIds;
  private final String coreVersion;
  private final Map<String, String> invalid = new ConcurrentHashMap<>();

  BacalhauPluginManager(List<Path> roots, Set<String> disabledIds, String coreVersion) {
    super(roots);
    this.disabledIds = Set.copyOf(disabledIds);
    this.coreVersion = coreVersion;
    setSystemVersion(releaseOf(coreVersion));
  }

  /**
   * {@code 0.1.0-SNAPSHOT} satisfies {@code >=0.1.0}: a development build counts as the release it
   * leads to. Without a usable version (a build without stamped version) nothing is checked.
   */
  static String releaseOf(String version) {
    String release = version == null ? "" : version.strip().replaceFirst("[-+].*$", "");
    return release.matches("\\d+\\.\\d+\\.\\d+") ? release : "0.0.0";
  }

  /** Why a loaded plugin was refused ({@code Plugin-Requires}), if it was. */
  String invalidReason(String pluginId) {
    return invalid.get(pluginId);
  }

  @Override
  protected PluginRepository createPluginRepository() {
    // Paths come from PluginHost; PF4J's own repository would unzip into the plugins folder.
    return new BasePluginRepository(List.of());
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    // Called from PF4J's constructor, before our fields are set: read them when asked.
    return new PluginStatusProvider() {
      @Override
      public boolean isPluginDisabled(String pluginId) {
        return disabledIds.contains(pluginId);
      }

      @Override
      public void disablePlugin(String pluginId) {
        throw new UnsupportedOperationException("Plugins.Disabled is read from the configuration");
      }

      @Override
      public void enablePlugin(String pluginId) {
        throw new UnsupportedOperationException("Plugins.Disabled is read from the configuration");
      }
    };
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    // One finder per layout, so the real reason of a bad descriptor reaches the user.
    PluginDescriptorFinder properties = new PropertiesPluginDescriptorFinder();
    PluginDescriptorFinder manifest = new ManifestPluginDescriptorFinder();
    return new PluginDescriptorFinder() {
      @Override
      public boolean isApplicable(Path pluginPath) {
        return Files.exists(pluginPath);
      }

      @Override
      public PluginDescriptor find(Path pluginPath) {
        return Files.isDirectory(pluginPath)
            ? properties.find(pluginPath)
            : manifest.find(pluginPath);
      }
    };
  }

  @Override
  protected ExtensionFinder createExtensionFinder() {
    SpiExtensionFinder finder = new SpiExtensionFinder(this);
    addPluginStateListener(finder);
    return finder;
  }

  SpiExtensionFinder spiFinder() {
    return (SpiExtensionFinder) extensionFinder;
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new CompoundPluginLoader()
        .add(
            new JarPluginLoader(this) {
              @Override
              protected PluginClassLoader createPluginClassLoader(
                  Path pluginPath, PluginDescriptor descriptor) {
                return new IsolatingClassLoader(pluginManager, descriptor, HOST);
              }
            })
        .add(
            new DefaultPluginLoader(this) {
              @Override
              protected PluginClassLoader createPluginClassLoader(
                  Path pluginPath, PluginDescriptor descriptor) {
                return new IsolatingClassLoader(pluginManager, descriptor, HOST);
              }
            });
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new DefaultPluginFactory() {
      @Override
      public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        // Plugin-Class is optional for us: a plugin is its META-INF/services factories.
        if (className == null || className.isBlank() || className.equals(Plugin.class.getName())) {
          return new Plugin();
        }
        Plugin plugin = super.create(wrapper);
        if (plugin == null) {
          throw new PluginRuntimeException(
              "Plugin-Class '{}' cannot be loaded or is not an org.pf4j.Plugin", className);
        }
        return new ContainedPlugin(plugin);
      }
    };
  }

  @Override
  protected void validatePluginDescriptor(PluginDescriptor descriptor) {
    super.validatePluginDescriptor(descriptor);
    if (descriptor.getPluginId().equals(PluginHost.BUILTIN_ID)) {
      throw new InvalidPluginDescriptorException(
          "the id '" + PluginHost.BUILTIN_ID + "' is reserved for the providers built into core");
    }
    if (!descriptor.getDependencies().isEmpty()) {
      throw new InvalidPluginDescriptorException(
          "Plugin-Dependencies is not supported: plugins do not see each other");
    }
  }

  @Override
  protected boolean isPluginValid(PluginWrapper plugin) {
    if (disabledIds.contains(plugin.getPluginId())) {
      return true; // turned off anyway: its requirements are no concern
    }
    String requires = plugin.getDescriptor().getRequires();
    requires = requires == null ? "" : requires.strip();
    if (requires.isEmpty() || requires.equals("*") || getSystemVersion().equals("0.0.0")) {
      return true;
    }
    if (requires.matches("\\d+\\.\\d+\\.\\d+")) {
      requires = ">=" + requires;
    }
    try {
      if (getVersionManager().checkVersionConstraint(getSystemVersion(), requires)) {
        return true;
      }
      invalid.put(
          plugin.getPluginId(),
          "requires Bacalhau " + requires + " (Plugin-Requires), this is " + coreVersion);
    } catch (RuntimeException e) {
      invalid.put(
          plugin.getPluginId(),
          "bad plugin descriptor: Plugin-Requires '" + requires + "' is not a version range");
    }
    return false;
  }
}
