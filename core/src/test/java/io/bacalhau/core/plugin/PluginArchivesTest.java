package io.bacalhau.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.providers.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plugin zips: unpacked once, safely, and shared between processes. */
class PluginArchivesTest extends PluginHostFixture {
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
    // Several rounds on fresh caches: the race (two unpackers, one rename wins) must happen.
    for (int round = 0; round < 5; round++) {
      Path cache = tmp.resolve("cache-" + round);
      PluginSettings settings =
          new PluginSettings(null, tmp.resolve("plugins"), cache, Set.of(), "0.1.0-SNAPSHOT");
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
      java.util.concurrent.Callable<PluginInfo> task =
          () -> {
            start.await();
            try (PluginHost h = PluginHost.open(settings)) {
              assertEquals(List.of(), h.warnings());
              return h.plugin("carrier-pigeon").orElseThrow();
            }
          };
      List<java.util.concurrent.Future<PluginInfo>> opened;
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
        opened = pool.invokeAll(List.of(task, task, task, task));
      }
      for (var f : opened) {
        assertEquals(PluginStatus.STARTED, f.get().status());
      }
      try (var list = Files.list(cache)) {
        assertEquals(1, list.count(), "one unpacked copy, no half-written leftovers");
      }
    }
  }
}
