package io.bacalhau.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.providers.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way a plugin can be broken costs one warning naming it and the reason, nothing more. */
class PluginFailuresTest extends PluginHostFixture {
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
    TestPlugins.publisher("needy", "f")
        .descriptor("Plugin-Dependencies", "other@1.0.0")
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
    assertTrue(
        w.contains("plugin 'needy.jar' (")
            && w.contains("Plugin-Dependencies is not supported: plugins do not see each other"),
        w);
    assertEquals(5, host.warnings().size(), w);
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
  void aFactoryWhoseMethodsOverflowTheStackFailsOnlyItsPlugin() throws IOException {
    List<String> methods = List.of("type", "configType", "configSection", "isInstalled");
    for (String method : methods) {
      TestPlugins.overflowing("deep-" + method.toLowerCase(Locale.ROOT), method).jar(plugins());
    }
    TestPlugins.exec().jar(plugins());

    open();
    List<PluginInfo> listed = host.plugins();

    String w = warnings();
    for (String method : List.of("type", "configType", "configSection")) {
      assertTrue(
          w.contains("plugin 'overflow-" + method + "' (")
              && w.contains("StackOverflowError in EngineFactory." + method + "()"),
          w);
      assertEquals(PluginStatus.FAILED, host.plugin("overflow-" + method).orElseThrow().status());
    }
    assertEquals(3, host.warnings().size(), w);
    // A probe that overflows says so where the plugin is listed, like a probe that throws.
    ProvidedType probed =
        listed.stream()
            .filter(p -> p.id().equals("overflow-isInstalled"))
            .findFirst()
            .orElseThrow()
            .provides()
            .getFirst();
    assertFalse(probed.installed());
    assertTrue(
        probed.reason().contains("StackOverflowError in EngineFactory.isInstalled()"),
        probed.reason());
    assertTrue(registry.installedTypes(ProviderKind.ENGINE).contains("exec"));
  }

  @Test
  void aProviderThatOverflowsTheStackWhenCreatedIsAnErrorOfThatProviderOnly() throws IOException {
    TestPlugins.overflowing("deep-create", "create").jar(plugins());

    open();

    BacalhauException e =
        assertThrows(BacalhauException.class, () -> registry.engine("deep-create"));
    assertTrue(
        e.getMessage().contains("StackOverflowError in EngineFactory.create()"), e.getMessage());
    assertTrue(e.getMessage().contains("overflow-create"), e.getMessage());
    assertTrue(registry.installedTypes(ProviderKind.ENGINE).contains("deep-create"));
  }

  @Test
  void aPluginClassWhoseStartOverflowsTheStackFailsOnlyItsPlugin() throws IOException {
    TestPlugins.publisher("deep-start", "deep")
        .descriptor("Plugin-Class", "com.example.deep_start.Starter")
        .source(
            "com.example.deep_start.Starter",
            """
            package com.example.deep_start;

            public final class Starter extends org.pf4j.Plugin {
              @Override public void start() { start(); }
            }
            """)
        .jar(plugins());
    TestPlugins.exec().jar(plugins());

    open();

    assertEquals(
        List.of(
            "plugin 'deep-start' ("
                + plugins().resolve("deep-start.jar")
                + "): it did not start: com.example.deep_start.Starter.start() failed"
                + " (StackOverflowError)"),
        host.warnings());
    assertTrue(registry.knows(ProviderKind.ENGINE, "exec"));
  }

  @Test
  void aThirdPartyCopyOfABundledPluginIsIgnoredWithAWarning() throws IOException {
    Path bundled = Files.createDirectories(tmp.resolve("dist/plugins"));
    TestPlugins.publisher("carrier-pigeon", "pigeon").zip(bundled);
    TestPlugins.publisher("carrier-pigeon", "pigeon").jar(plugins());

    open(Set.of(), bundled);

    assertEquals(
        List.of(
            "plugin 'carrier-pigeon.jar' ("
                + plugins().resolve("carrier-pigeon.jar")
                + "): a plugin with id 'carrier-pigeon' is already loaded from "
                + bundled.resolve("carrier-pigeon.zip")
                + "; this one is ignored"),
        host.warnings());
    assertEquals(
        bundled.resolve("carrier-pigeon.zip").toString(),
        host.plugin("carrier-pigeon").orElseThrow().path());
    assertTrue(registry.knows(ProviderKind.PUBLISHER, "pigeon"));
  }

  @Test
  void aDisabledPluginIsNotCheckedAtAll() throws IOException {
    TestPlugins.publisher("future", "future")
        .descriptor("Plugin-Requires", ">=99.0.0")
        .jar(plugins());

    open(Set.of("future"));

    assertEquals(List.of(), host.warnings());
    assertEquals(PluginStatus.DISABLED, host.plugin("future").orElseThrow().status());
  }
}
