package io.bacalhau.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.providers.ProviderKind;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;

/** Plugins found in the plugins folder, registered after the built-in providers. */
class PluginHostTest extends PluginHostFixture {
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
}
