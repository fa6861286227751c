package io.bacalhau.plugins.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a module can and cannot do with files: inputs, results, and nothing else of the host. */
class WasmFilesTest {
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

  private Path inputFolder() throws Exception {
    Path in = Files.createDirectories(dir.resolve("host-inputs"));
    Files.writeString(in.resolve("data.txt"), "line one\nline two\n");
    return in;
  }

  /**
   * A result path name with '../' once mounted a host folder outside the execution's folder, and
   * the module wrote there. The node validates names, but the engine must refuse such a request
   * too.
   */
  @Test
  void resultNameThatClimbsOutOfTheResultsFolderIsRefusedAndNothingIsWritten() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("probe.wasm", "/app/probe.wasm")
            .result("../escaped", "/outputs")
            .param("EntryModule", "/app/probe.wasm")
            .param("Parameters", List.of("w:/outputs/x"));
    BacalhauException e = assertThrows(BacalhauException.class, () -> task.run(engine));
    assertTrue(e.getMessage().contains("result path name '../escaped'"), e.getMessage());
    assertTrue(e.failsExecution());
    assertFalse(Files.exists(dir.resolve("escaped/x")));
    assertEquals("", task.out() + task.err());
  }

  @Test
  void catCopiesAnInputFileIntoAResultFolder() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("cat.wasm", "/app/cat.wasm")
            .input(inputFolder(), "/inputs")
            .result("outputs", "/outputs")
            .param("EntryModule", "/app/cat.wasm")
            .param("Parameters", List.of("/inputs/data.txt", "/outputs/copy.txt"));
    assertEquals(EngineResult.exited(0), task.run(engine), task.err());
    assertEquals(
        "line one\nline two\n",
        Files.readString(task.resultsDir().resolve("outputs").resolve("copy.txt")));
  }

  @Test
  void resultFolderIsAlsoMountedAtItsName() throws Exception {
    WasmTask task =
        new WasmTask(dir)
            .module("cat.wasm", "/app/cat.wasm")
            .input(inputFolder(), "/inputs")
            .result("out", "/data/out")
            .param("EntryModule", "/app/cat.wasm")
            .param("Parameters", List.of("/inputs/data.txt", "/out/by-name.txt"));
    assertEquals(EngineResult.exited(0), task.run(engine), task.err());
    assertTrue(Files.exists(task.resultsDir().resolve("out/by-name.txt")));
  }

  @Test
  void singleFileInputIsReadableAtItsTarget() throws Exception {
    Path file = Files.writeString(dir.resolve("poem.txt"), "cosmic computer\n");
    WasmTask task =
        new WasmTask(dir)
            .module("cat.wasm", "/app/cat.wasm")
            .input(file, "/poem.txt")
            .param("EntryModule", "/app/cat.wasm")
            .param("Parameters", List.of("/poem.txt"));
    assertEquals(EngineResult.exited(0), task.run(engine), task.err());
    assertEquals("cosmic computer\n", task.out());
  }

  @Test
  void inputsAreReadOnlyAndTheHostIsOutOfReach() throws Exception {
    Path in = inputFolder();
    Path secret = Files.writeString(dir.resolve("secret.txt"), "host secret\n");
    Files.createSymbolicLink(in.resolve("escape"), secret);
    Files.createSymbolicLink(in.resolve("up"), dir);
    WasmTask task =
        new WasmTask(dir)
            .module("probe.wasm", "/app/probe.wasm")
            .input(in, "/inputs")
            .result("outputs", "/outputs")
            .param("EntryModule", "/app/probe.wasm")
            .param(
                "Parameters",
                List.of(
                    "r:/inputs/data.txt",
                    "w:/inputs/new.txt",
                    "w:/inputs/data.txt",
                    "d:/inputs/data.txt",
                    "r:/inputs/escape",
                    "r:/inputs/up/secret.txt",
                    "r:/inputs/../../secret.txt",
                    "r:" + secret,
                    "r:/etc/hostname",
                    "w:/tmp/x.txt",
                    "w:/outputs/ok.txt"));
    assertEquals(EngineResult.exited(0), task.run(engine), task.err());
    assertEquals(
        String.join(
            "\n",
            "r:/inputs/data.txt: ok",
            "w:/inputs/new.txt: denied",
            "w:/inputs/data.txt: denied",
            "d:/inputs/data.txt: denied",
            "r:/inputs/escape: denied",
            "r:/inputs/up/secret.txt: denied",
            "r:/inputs/../../secret.txt: denied",
            "r:" + secret + ": denied",
            "r:/etc/hostname: denied",
            "w:/tmp/x.txt: denied",
            "w:/outputs/ok.txt: ok",
            ""),
        task.out());
    assertEquals("line one\nline two\n", Files.readString(in.resolve("data.txt")));
    assertFalse(Files.exists(in.resolve("new.txt")));
    assertEquals("x", Files.readString(task.resultsDir().resolve("outputs/ok.txt")));
  }
}
