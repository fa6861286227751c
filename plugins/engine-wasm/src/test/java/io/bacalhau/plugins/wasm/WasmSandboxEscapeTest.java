package io.bacalhau.plugins.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.bacalhau.core.spi.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules that call WASI directly, with no libc to tidy their paths, trying to leave their mounts.
 */
class WasmSandboxEscapeTest {
  /** WASI's EACCES. */
  private static final String ACCESS_DENIED = "2";

  static Engine engine;

  @TempDir Path dir;

  @BeforeAll
  static void start(@TempDir Path data) {
    engine = WasmTask.engine(data);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /**
   * Links made through other links are no way out: the runtime resolves a link's target from the
   * mount's root, so {@code ..} beyond it is refused before the link exists.
   */
  @Test
  void linksTheModuleMakesCannotPointOutOfTheMount() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    WasmTask task =
        new WasmTask(dir)
            .module("symlink-escape.wasm", "/app/escape.wasm")
            .writableInput(data, "/data")
            .param("EntryModule", "/app/escape.wasm");
    assertEquals(0, task.run(engine).exitCode(), task.err());
    List<String> errnos = task.out().lines().toList();
    assertEquals(List.of("0", ACCESS_DENIED, ACCESS_DENIED, "0"), errnos, task.out());
    assertFalse(Files.exists(dir.resolve("escaped.txt")), "written outside the mount");
    assertEquals("pwned\n", Files.readString(data.resolve("t")), "t is an ordinary file inside");
  }

  /**
   * A dangling link already in a writable mount (a folder allow-listed {@code :rw}, which a Docker
   * job may have written) that points outside: the runtime follows links itself, asking the sandbox
   * for each target, which refuses one outside the mount, so nothing is created there.
   */
  @Test
  void aDanglingLinkInAWritableMountCannotCreateAFileOutsideIt() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(data.resolve("t"), outside.resolve("escaped.txt"));
    WasmTask task =
        new WasmTask(dir)
            .module("symlink-escape.wasm", "/app/escape.wasm")
            .writableInput(data, "/data")
            .param("EntryModule", "/app/escape.wasm");
    assertEquals(0, task.run(engine).exitCode(), task.err());
    List<String> errnos = task.out().lines().toList();
    assertEquals(4, errnos.size(), task.out());
    assertFalse(Files.exists(outside.resolve("escaped.txt")), "written outside the mount");
    assertNotEquals("0", errnos.get(3), "creating t through the dangling link: " + task.out());
  }
}
