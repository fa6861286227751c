package io.bacalhau.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.spi.engine.EngineFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void callsIntoAPluginRunWithItsClassLoaderAsContextClassLoader() throws IOException {
    PluginBuilder.plugin("tccl")
        .source(
            "com.example.tccl.Factory",
            """
            package com.example.tccl;

            import io.bacalhau.core.models.SpecConfig;
            import io.bacalhau.core.spi.Installation;
            import io.bacalhau.core.spi.ProviderContext;
            import io.bacalhau.core.spi.engine.Engine;
            import io.bacalhau.core.spi.engine.EngineFactory;
            import io.bacalhau.core.spi.engine.EngineResult;

            public final class Factory implements EngineFactory<Factory.Config> {
              public record Config() {}

              static boolean mine() {
                return Thread.currentThread().getContextClassLoader() == Factory.class.getClassLoader();
              }

              @Override public String type() { return "tccl"; }
              @Override public Class<Config> configType() { return Config.class; }
              @Override public String configSection() { return "Engines.Types.Tccl"; }
              @Override public Installation isInstalled(Config config) {
                return mine() ? Installation.ok() : Installation.missing("context loader is the host's");
              }
              @Override public Engine create(Config config, ProviderContext context) {
                if (!mine()) throw new IllegalStateException("create: context loader is the host's");
                return new Engine() {
                  @Override public void validate(SpecConfig spec) {
                    if (!mine()) throw new IllegalStateException("validate: context loader is the host's");
                  }
                  @Override public EngineResult run(
                      io.bacalhau.core.spi.engine.RunRequest r, io.bacalhau.core.spi.ExecutionEvents e) {
                    return EngineResult.exited(mine() ? 0 : 1);
                  }
                };
              }
            }
            """)
        .service(EngineFactory.class, "com.example.tccl.Factory")
        .jar(plugins());
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    open();

    assertEquals(List.of("noop", "tccl"), registry.installedTypes(ProviderKind.ENGINE), warnings());
    registry.engine("tccl").validate(io.bacalhau.core.models.SpecConfig.of("tccl"));
    assertSame(before, Thread.currentThread().getContextClassLoader());
  }

  @Test
  void thePseudoPluginIdBuiltinIsReserved() throws IOException {
    TestPlugins.publisher("builtin", "sneaky").jar(plugins());

    open();

    assertTrue(warnings().contains("the id 'builtin' is reserved"), warnings());
    assertFalse(registry.knows(ProviderKind.PUBLISHER, "sneaky"));
  }
}
