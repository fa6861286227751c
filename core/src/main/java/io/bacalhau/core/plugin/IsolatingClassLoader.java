package io.bacalhau.core.plugin;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader. The API a plugin talks to the host with (Bacalhau core and its SPI,
 * Jackson, SLF4J, PF4J) always comes from the host, even when the plugin bundles its own copy, so
 * that a factory the host loads is the host's {@code EngineFactory} and a Jackson tree passed
 * across is one type. Everything else comes from the plugin's own jars first, then the JDK: a
 * plugin does not see the host's other libraries, nor another plugin.
 */
final class IsolatingClassLoader extends PluginClassLoader {
  /** Package prefixes shared with the host (parent-first). */
  static final List<String> API_PACKAGES =
      List.of("io.bacalhau.core.", "com.fasterxml.jackson.", "org.slf4j.", "org.pf4j.");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader host;

  IsolatingClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
    // The JDK's platform loader as parent: a plugin's fallback is the JDK, not the host classpath.
    super(manager, descriptor, ClassLoader.getPlatformClassLoader(), ClassLoadingStrategy.PDA);
    this.host = host;
  }

  static boolean isApi(String className) {
    for (String prefix : API_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Class<?> loadClass(String className) throws ClassNotFoundException {
    if (isApi(className)) {
      try {
        return host.loadClass(className);
      } catch (ClassNotFoundException e) {
        // Not part of the host (e.g. a Jackson module the host lacks): the plugin's own copy.
        if (className.startsWith("org.pf4j.")) {
          throw e;
        }
      }
    }
    return super.loadClass(className);
  }
}
