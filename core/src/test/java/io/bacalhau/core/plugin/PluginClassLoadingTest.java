package io.bacalhau.core.plugin;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.spi.ProviderKind;
import io.bacalhau.core.spi.engine.EngineFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;

/** What a plugin's class loader shows it: the host's API, its own jars, the JDK, nothing else. */
class PluginClassLoadingTest extends PluginHostFixture {
  @Test
  void apiClassesComeFromTheHostEvenWhenThePluginBundlesItsOwnJackson() throws Exception {
    Path jackson =
        Path.of(
            com.fasterxml.jackson.databind.ObjectMapper.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    TestPlugins.exec().library(jackson).zip(plugins());

    open();

    ClassLoader plugin = host.classLoader("exec-engine");
    // The plugin really carries its own copy...
    assertTrue(
        ((PluginClassLoader) plugin)
                .findResource("com/fasterxml/jackson/databind/ObjectMapper.class")
            != null);
    // ...yet sees the host's, so Jackson trees and the SPI are one type on both sides.
    assertSame(
        com.fasterxml.jackson.databind.ObjectMapper.class,
        plugin.loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
    assertSame(EngineFactory.class, plugin.loadClass(EngineFactory.class.getName()));
    assertSame(org.slf4j.LoggerFactory.class, plugin.loadClass("org.slf4j.LoggerFactory"));
    assertTrue(registry.knows(ProviderKind.ENGINE, "exec"), warnings());
  }

  @Test
  void pluginsSeeNeitherEachOtherNorTheHostsOtherLibraries() throws Exception {
    TestPlugins.exec().jar(plugins());
    TestPlugins.publisher("carrier-pigeon", "pigeon").zip(plugins());

    open();

    ClassLoader exec = host.classLoader("exec-engine");
    ClassLoader pigeon = host.classLoader("carrier-pigeon");
    assertSame(exec, exec.loadClass("com.example.exec.ExecEngine").getClassLoader());
    assertThrows(
        ClassNotFoundException.class, () -> pigeon.loadClass("com.example.exec.ExecEngine"));
    assertThrows(
        ClassNotFoundException.class, () -> exec.loadClass("com.example.carrier_pigeon.Base"));
    // SQLite is core's private business, not API.
    assertThrows(ClassNotFoundException.class, () -> exec.loadClass("org.sqlite.JDBC"));
    // The JDK is there.
    assertSame(java.sql.Connection.class, exec.loadClass("java.sql.Connection"));
  }
}
