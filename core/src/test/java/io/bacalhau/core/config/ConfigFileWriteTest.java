package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code config set} puts its edit on disk. */
class ConfigFileWriteTest {
  @TempDir Path dir;

  private static final ConfigKey PORT = ConfigCatalog.get().require("API.Port");

  private List<String> namesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void missingDataDirAndFileAreCreatedAndTheNewFileIsPrivate() throws Exception {
    Path file = dir.resolve("a/b/config.yaml");
    ConfigFileEditor.set(file, PORT, 4321);
    assertEquals("API:\n  Port: 4321\n", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void theFileIsReplacedWholeNeverRewrittenInPlace() throws Exception {
    // A hard link keeps the old inode: if the edit were written into the file, it would change too.
    Path file = Files.writeString(dir.resolve("config.yaml"), "# keep\nAPI:\n  Port: 1\n");
    Path oldInode = Files.createLink(dir.resolve("before.yaml"), file);
    ConfigFileEditor.set(file, PORT, 2);
    assertEquals("# keep\nAPI:\n  Port: 2\n", Files.readString(file));
    assertEquals("# keep\nAPI:\n  Port: 1\n", Files.readString(oldInode));
    assertEquals(
        List.of(".config.yaml.lock", "before.yaml", "config.yaml"),
        namesIn(dir),
        "no temp file left behind");
  }

  @Test
  void existingPermissionsSurviveTheEdit() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "API:\n  Port: 1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    ConfigFileEditor.set(file, PORT, 2);
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aSymlinkedConfigStaysALinkAndItsTargetChanges() throws Exception {
    Path real = Files.writeString(dir.resolve("dotfiles.yaml"), "API:\n  Port: 1\n");
    Path link = Files.createSymbolicLink(dir.resolve("config.yaml"), real);
    ConfigFileEditor.set(link, PORT, 2);
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("API:\n  Port: 2\n", Files.readString(real));
  }

  @Test
  void aFileThatCannotBeParsedIsLeftExactlyAsItWas() throws Exception {
    String broken = "API:\n  Port: [1,\n";
    Path file = Files.writeString(dir.resolve("config.yaml"), broken);
    assertThrows(BacalhauException.class, () -> ConfigFileEditor.set(file, PORT, 2));
    assertEquals(broken, Files.readString(file));
    assertEquals(List.of(".config.yaml.lock", "config.yaml"), namesIn(dir));
  }

  @Test
  void aDirectoryInTheFilesPlaceIsAnErrorNamingItAndNothingIsLeftBehind() throws Exception {
    Path blocker = Files.createDirectories(dir.resolve("config.yaml/inside")).getParent();
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> ConfigFileEditor.set(blocker, PORT, 2));
    assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
    assertEquals(List.of(".config.yaml.lock", "config.yaml"), namesIn(dir));
    assertEquals(List.of("inside"), namesIn(blocker));
  }

  @Test
  void concurrentSetsOfDifferentKeysAllLand() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "# shared\n");
    List<String> keys =
        List.of(
            "API.Port",
            "Orchestrator.Port",
            "Compute.Network.PortRangeStart",
            "Compute.Network.PortRangeEnd",
            "Publishers.Types.Local.Port",
            "InputSources.MaxRetryCount",
            "Orchestrator.EvaluationBroker.MaxRetryCount",
            "Orchestrator.Scheduler.MaxRetries");
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < keys.size(); i++) {
        ConfigKey key = ConfigCatalog.get().require(keys.get(i));
        int value = 100 + i;
        pool.submit(
            () -> {
              ConfigFileEditor.set(file, key, value);
              return null;
            });
      }
    }
    BacalhauConfig c =
        new ConfigLoader()
            .load(
                new ConfigInputs(
                    java.util.Map.of(), dir, List.of(file.toString()), null, null, null));
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(100 + i, c.value(keys.get(i)), keys.get(i));
    }
    assertTrue(Files.readString(file).startsWith("# shared\n"));
  }
}
