package io.bacalhau.core.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.builtin.localdir.AllowList;
import io.bacalhau.core.builtin.localdir.LocalDirectoryFactory;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryTest {
  @TempDir Path dir;

  private InputSourceProvider source(String... allowed) {
    return LocalDirectoryFactory.local()
        .create(new AllowList(List.of(allowed)), new ProviderContext(dir, "n", Map.of()));
  }

  private PreparedInput prepare(InputSourceProvider source, Map<String, Object> params)
      throws Exception {
    InputSource input = new InputSource(SpecConfig.of("local", params), "", "/inputs");
    return source.prepare(
        new PrepareRequest(Job.builder().build(), "e-1", input, dir.resolve("staging")),
        ExecutionEvents.NONE);
  }

  @Test
  void allowListedPathIsMountedInPlaceReadOnly() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data/set"));
    PreparedInput in =
        prepare(source(dir.resolve("data") + ":ro"), Map.of("SourcePath", data.toString()));
    assertEquals(data, in.hostPath());
    assertFalse(in.readWrite());
  }

  @Test
  void pathsOutsideTheAllowListAreRefusedWithAHint() {
    Path other = dir.resolve("other");
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                prepare(
                    source(dir.resolve("data").toString()),
                    Map.of("SourcePath", other.toString())));
    assertTrue(
        e.getMessage().contains("is not under Compute.AllowListedLocalPaths"), e.getMessage());
    assertTrue(e.hint().contains("config set Compute.AllowListedLocalPaths"), e.hint());
  }

  @Test
  void dotDotCannotClimbOutOfAnAllowedFolder() {
    String sneaky = dir.resolve("data") + "/../secrets";
    assertThrows(
        BacalhauException.class,
        () -> prepare(source(dir.resolve("data").toString()), Map.of("SourcePath", sneaky)));
  }

  @Test
  void symlinkInsideAnAllowedFolderCannotLeadOut() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    Files.createSymbolicLink(data.resolve("link"), secrets);
    assertThrows(
        BacalhauException.class,
        () ->
            prepare(
                source(data.toString()), Map.of("SourcePath", data.resolve("link").toString())));
  }

  @Test
  void readWriteNeedsAnRwEntry() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                prepare(
                    source(data + ":ro"),
                    Map.of("SourcePath", data.toString(), "ReadWrite", true)));
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    assertTrue(
        prepare(source(data + ":rw"), Map.of("SourcePath", data.toString(), "ReadWrite", "true"))
            .readWrite());
  }

  @Test
  void missingPathIsCreatedOnlyWhenAskedAndWritable() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path fresh = data.resolve("fresh");
    assertThrows(
        BacalhauException.class,
        () -> prepare(source(data + ":rw"), Map.of("SourcePath", fresh.toString())));
    prepare(
        source(data + ":rw"),
        Map.of("SourcePath", fresh.toString(), "ReadWrite", true, "CreateAs", "Dir"));
    assertTrue(Files.isDirectory(fresh));
  }

  @Test
  void emptyAllowListMeansNotInstalled() {
    assertFalse(LocalDirectoryFactory.local().isInstalled(new AllowList(List.of())).installed());
  }
}
