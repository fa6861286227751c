package io.bacalhau.cli.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasm run} arguments become the job spec; --dry-run needs no node. */
class WasmRunCommandTest {
  static final Path HELLO = Path.of("../plugins/engine-wasm/examples/hello.wasm").toAbsolutePath();

  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    Files.copy(HELLO, dataDir.resolve("hello.wasm"));
    cli = new CliRunner(dataDir).workingDir(dataDir);
  }

  @Test
  void localModuleIsSentInlineAndArgsBecomeParameters() {
    CliRunner.Result r =
        cli.run("wasm", "run", "--dry-run", "-e", "GREETING=hi", "hello.wasm", "--", "a", "-b");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    String yaml = r.out();
    assertTrue(yaml.contains("Type: wasm"), yaml);
    assertTrue(yaml.contains("EntryModule: hello.wasm"), yaml);
    assertTrue(yaml.contains("Entrypoint: _start"), yaml);
    assertTrue(yaml.matches("(?s).*Parameters:\\s+- a\\s+- \"?-b\"?\\s.*"), yaml);
    assertTrue(yaml.contains("Type: inline"), yaml);
    assertTrue(yaml.contains("data:application/gzip;base64,H4sI"), yaml);
    assertTrue(yaml.contains("Target: hello.wasm"), yaml);
    assertTrue(yaml.contains("GREETING: hi"), yaml);
  }

  @Test
  void localModuleTargetMayBeChosen() {
    CliRunner.Result r = cli.run("wasm", "run", "--dry-run", "hello.wasm:/app/main.wasm");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(r.out().contains("EntryModule: /app/main.wasm"), r.out());
    assertTrue(r.out().contains("Target: /app/main.wasm"), r.out());
  }

  @Test
  void uriModuleBecomesAnInputAtMainWasm() {
    CliRunner.Result r =
        cli.run("wasm", "run", "--dry-run", "--entry-point", "run", "https://example.org/m.wasm");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(r.out().contains("EntryModule: main.wasm"), r.out());
    assertTrue(r.out().contains("Entrypoint: run"), r.out());
    assertTrue(r.out().contains("URL: https://example.org/m.wasm"), r.out());
  }

  @Test
  void otherwiseTheModuleIsAnInputsTargetPath() {
    CliRunner.Result r =
        cli.run(
            "wasm",
            "run",
            "--dry-run",
            "-i",
            "https://example.org/mods/:/mods",
            "-I",
            "/mods/lib.wasm",
            "/mods/main.wasm");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(r.out().contains("EntryModule: /mods/main.wasm"), r.out());
    assertTrue(r.out().matches("(?s).*ImportModules:\\s*\\n\\s*- /mods/lib.wasm.*"), r.out());
    assertFalse(r.out().contains("Type: inline"), r.out());
  }

  @Test
  void localImportModuleWithoutTargetIsRefused() {
    CliRunner.Result r = cli.run("wasm", "run", "--dry-run", "-I", "hello.wasm", "hello.wasm");
    assertNotEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(
        r.err()
            .contains(
                "--import-modules 'hello.wasm': a module given as a file or URI"
                    + " needs a :target"),
        r.err());
  }

  @Test
  void aMissingModuleWithNoInputToHoldItIsAUsageErrorBeforeSubmitting() {
    CliRunner.Result r = cli.run("wasm", "run", "helo.wasm");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("ENTRY-MODULE 'helo.wasm' is not a file in " + dataDir), r.err());
    assertEquals("", r.out());
    assertEquals("[]", cli.run("job", "list", "--output", "json").out().strip());
  }
}
