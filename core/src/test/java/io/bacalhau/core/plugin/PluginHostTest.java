package io.bacalhau.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.spi.ConfigBinder;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.ProviderKind;
import io.bacalhau.core.spi.ProviderLoader;
import io.bacalhau.core.spi.ProviderRegistry;
import io.bacalhau.core.spi.engine.EngineFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

class PluginHostTest {
  @TempDir Path tmp;
  private PluginHost host;
  private ProviderRegistry registry;

  private Path plugins() throws IOException {
    return Files.createDirectories(tmp.resolve("plugins"));
  }

  private PluginHost open(Set<String> disabled) {
    PluginSettings settings =
        new PluginSettings(
            null, tmp.resolve("plugins"), tmp.resolve("cache"), disabled, "0.1.0-SNAPSHOT");
    host = PluginHost.open(settings);
    registry = new ProviderRegistry();
    host.register(
        new ProviderLoader(
            registry, ConfigBinder.DEFAULTS, new ProviderContext(tmp, "n-1", Map.of()), Set.of()),
        registry);
    return host;
  }

  private PluginHost open() {
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

  private String warnings() {
    return String.join("\n", host.warnings());
  }

  @Test
  void jarsAndZipsDroppedIntoThePluginsFolderProvideTheirTypes() throws IOException {
    TestPlugins.exec().jar(plugins());
    TestPlugins.publisher("carrier-pigeon", "pigeon").zip(plugins());

    open();

    assertEquals(List.of(), host.warnings());
    assertEquals(List.of("exec", "noop"), registry.installedTypes(ProviderKind.ENGINE));
    assertTrue(registry.knows(ProviderKind.PUBLISHER, "PIGEON"));
    PluginInfo exec = host.plugin("exec-engine").orElseThrow();
    assertEquals(PluginStatus.STARTED, exec.status());
    assertEquals("1.0.0", exec.version());
    assertEquals("Runs a host command", exec.description());
    assertEquals(
        List.of("engine:exec"), exec.provides().stream().map(ProvidedType::label).toList());
    assertEquals("exec-engine", registry.require(ProviderKind.ENGINE, "exec").source());
    assertEquals(
        List.of("builtin", "carrier-pigeon", "exec-engine"),
        host.plugins().stream().map(PluginInfo::id).toList());
    assertTrue(
        host.plugin("builtin").orElseThrow().provides().stream()
            .anyMatch(p -> p.label().equals("engine:noop")));
  }

  @Test
  void aTypeNobodyProvidesIsRefusedWithTheAvailableOnes() throws IOException {
    TestPlugins.exec().jar(plugins());
    open();

    BacalhauException e =
        assertThrows(
            BacalhauException.class, () -> registry.require(ProviderKind.ENGINE, "flibble"));
    assertEquals("no engine 'flibble'; available: exec, noop", e.getMessage());
  }

  @Test
  void disabledPluginsAreListedButProvideNothing() throws IOException {
    TestPlugins.exec().jar(plugins());
    open(Set.of("exec-engine"));

    assertEquals(List.of(), host.warnings());
    assertFalse(registry.knows(ProviderKind.ENGINE, "exec"));
    PluginInfo exec = host.plugin("exec-engine").orElseThrow();
    assertEquals(PluginStatus.DISABLED, exec.status());
    assertEquals("turned off by Plugins.Disabled", exec.reason());
  }

  @Test
  void corruptArchivesAreReportedByFileNameAndTheRestLoads() throws IOException {
    Files.writeString(plugins().resolve("truncated.jar"), "PK\u0003\u0004 not really a jar");
    Files.writeString(plugins().resolve("garbage.zip"), "not a zip at all");
    Files.writeString(plugins().resolve("README.txt"), "ignored: neither a jar nor a zip");
    TestPlugins.exec().jar(plugins());

    open();

    assertTrue(registry.knows(ProviderKind.ENGINE, "exec"), warnings());
    assertEquals(2, host.warnings().size(), warnings());
    assertTrue(
        warnings()
            .contains(
                "plugin 'truncated.jar' ("
                    + plugins().resolve("truncated.jar")
                    + "): not a valid jar or zip"),
        warnings());
    assertTrue(warnings().contains("plugin 'garbage.zip' ("), warnings());
    assertEquals(PluginStatus.FAILED, host.plugin("garbage.zip").orElseThrow().status());
  }

  @Test
  void badDescriptorsAreReportedWithTheMissingField() throws IOException {
    TestPlugins.publisher("no-id", "a").descriptor("Plugin-Id", null).jar(plugins());
    TestPlugins.publisher("no-version", "b").descriptor("Plugin-Version", null).jar(plugins());
    TestPlugins.publisher("zip-no-version", "c").descriptor("Plugin-Version", null).zip(plugins());
    TestPlugins.publisher("bad-range", "d")
        .descriptor("Plugin-Requires", "newest please")
        .jar(plugins());
    TestPlugins.publisher("fine", "e").jar(plugins());

    open();

    String w = warnings();
    assertTrue(w.contains("plugin 'no-id.jar' ") && w.contains("has no Plugin-Id"), w);
    assertTrue(
        w.contains("plugin 'no-version.jar' (")
            && w.contains("bad plugin descriptor: Field 'version' cannot be empty"),
        w);
    assertTrue(w.contains("plugin 'zip-no-version.zip' ("), w);
    assertTrue(
        w.contains("plugin 'bad-range' (")
            && w.contains("Plugin-Requires 'newest please' is not a version range"),
        w);
    assertEquals(4, host.warnings().size(), w);
    assertEquals(
        List.of("e"),
        registry.installedTypes(ProviderKind.PUBLISHER).stream()
            .filter(t -> t.length() == 1)
            .toList());
  }

  @Test
  void aPluginForANewerCoreIsRefused() throws IOException {
    TestPlugins.publisher("future", "future")
        .descriptor("Plugin-Requires", ">=99.0.0")
        .jar(plugins());
    TestPlugins.publisher("exact", "exact").descriptor("Plugin-Requires", "0.1.0").jar(plugins());

    open();

    assertEquals(1, host.warnings().size(), warnings());
    assertTrue(
        warnings()
            .contains(
                "plugin 'future' ("
                    + plugins().resolve("future.jar")
                    + "): requires Bacalhau >=99.0.0 (Plugin-Requires), this is 0.1.0-SNAPSHOT"),
        warnings());
    assertEquals(PluginStatus.FAILED, host.plugin("future").orElseThrow().status());
    assertFalse(registry.knows(ProviderKind.PUBLISHER, "future"));
    assertTrue(registry.knows(ProviderKind.PUBLISHER, "exact"), "a dev build counts as 0.1.0");
  }

  @Test
  void aFactoryThatThrowsOrMissesAClassFailsOnlyItsPlugin() throws IOException {
    TestPlugins.throwingFactory().jar(plugins());
    TestPlugins.missingClass().zip(plugins());
    TestPlugins.publisher("bad-class", "x")
        .descriptor("Plugin-Class", "com.example.NoSuchPlugin")
        .jar(plugins());
    TestPlugins.exec().jar(plugins());

    open();

    String w = warnings();
    assertTrue(
        w.contains("plugin 'throwing' (")
            && w.contains(
                "factory com.example.bad.ThrowingFactory failed: IllegalStateException: cannot"
                    + " reach the licence server"),
        w);
    assertTrue(
        w.contains("plugin 'missing-class' (") && w.contains("missing class com.example.gone.Base"),
        w);
    assertTrue(w.contains("plugin 'bad-class' (") && w.contains("did not start"), w);
    assertEquals(3, host.warnings().size(), w);
    assertEquals(PluginStatus.FAILED, host.plugin("throwing").orElseThrow().status());
    assertTrue(registry.knows(ProviderKind.ENGINE, "exec"));
    assertFalse(registry.knows(ProviderKind.PUBLISHER, "thrown"));
  }

  @Test
  void aTypeAlreadyProvidedKeepsItsFirstProvider() throws IOException {
    TestPlugins.publisher("impostor", "noop").jar(plugins());

    open();

    assertEquals("builtin", registry.require(ProviderKind.PUBLISHER, "noop").source());
    assertTrue(
        warnings().contains("plugin 'impostor' (")
            && warnings().contains("publisher 'noop' is already provided by 'builtin'"),
        warnings());
  }

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
  void closingUnloadsPluginsAndClosesTheirClassLoaders() throws IOException {
    TestPlugins.exec().jar(plugins());
    open();
    PluginClassLoader loader = (PluginClassLoader) host.classLoader("exec-engine");
    registry.engine("exec");

    registry.close();
    host.close();

    assertTrue(loader.isClosed());
    registry = null;
    host = null;
  }

  @Test
  void zipsAreUnpackedOnceAndReused() throws IOException {
    TestPlugins.publisher("carrier-pigeon", "pigeon").zip(plugins());
    open();
    close();
    List<Path> first;
    try (var list = Files.list(tmp.resolve("cache"))) {
      first = list.toList();
    }

    open();

    try (var list = Files.list(tmp.resolve("cache"))) {
      assertEquals(first, list.toList());
    }
    assertEquals(1, first.size());
    assertTrue(registry.knows(ProviderKind.PUBLISHER, "pigeon"));
  }

  @Test
  void aZipWhoseEntriesEscapeItsFolderIsRefusedAndWritesNothingOutside() throws IOException {
    Path zip = plugins().resolve("sneaky.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("plugin.properties"));
      out.write("plugin.id=sneaky\nplugin.version=1.0.0\n".getBytes());
      out.putNextEntry(new java.util.zip.ZipEntry("../../escaped.txt"));
      out.write("gotcha".getBytes());
    }

    open();

    assertTrue(
        warnings().contains("plugin 'sneaky.zip' (")
            && warnings().contains("'../../escaped.txt' would be written outside the plugin"),
        warnings());
    assertFalse(Files.exists(tmp.resolve("escaped.txt")));
    assertFalse(Files.exists(tmp.resolve("cache").getParent().resolve("escaped.txt")));
  }

  @Test
  void processesStartingTogetherShareOneUnpackedZip() throws Exception {
    TestPlugins.publisher("carrier-pigeon", "pigeon").zip(plugins());
    PluginSettings settings =
        new PluginSettings(
            null, tmp.resolve("plugins"), tmp.resolve("cache"), Set.of(), "0.1.0-SNAPSHOT");

    List<java.util.concurrent.Future<PluginInfo>> opened;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      java.util.concurrent.Callable<PluginInfo> task =
          () -> {
            try (PluginHost h = PluginHost.open(settings)) {
              assertEquals(List.of(), h.warnings());
              return h.plugin("carrier-pigeon").orElseThrow();
            }
          };
      opened = pool.invokeAll(List.of(task, task, task, task));
    }

    for (var f : opened) {
      assertEquals(PluginStatus.STARTED, f.get().status());
    }
    try (var list = Files.list(tmp.resolve("cache"))) {
      assertEquals(1, list.count(), "one unpacked copy, no half-written leftovers");
    }
  }

  @Test
  void aReplacedZipIsUnpackedAgainAndItsOldCopyRemoved() throws IOException {
    Path zip = TestPlugins.publisher("carrier-pigeon", "pigeon").zip(plugins());
    open();
    close();
    TestPlugins.publisher("carrier-pigeon", "pigeon2").zip(plugins());
    Files.setLastModifiedTime(
        zip,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(zip).toMillis() + 5_000));

    open();

    assertTrue(registry.knows(ProviderKind.PUBLISHER, "pigeon2"), warnings());
    assertFalse(registry.knows(ProviderKind.PUBLISHER, "pigeon"));
    try (var list = Files.list(tmp.resolve("cache"))) {
      assertEquals(1, list.count());
    }
  }
}
