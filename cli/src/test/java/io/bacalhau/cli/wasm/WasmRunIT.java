package io.bacalhau.cli.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bacalhau wasm run} through the packaged distribution (cli/target/bacalhau), as the
 * README's first command runs it: no daemon, the bundled engine-wasm plugin, the module's output
 * printed.
 */
class WasmRunIT {
  @TempDir Path dataDir;

  private record Run(int exitCode, String out, String err) {}

  private Run bacalhau(String... args) throws IOException, InterruptedException {
    Path dist = Path.of(System.getProperty("bacalhau.dist", "target/bacalhau")).toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Dbacalhau.home=" + dist);
    command.add("-cp");
    command.add(dist.resolve("lib") + "/*");
    command.add("io.bacalhau.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dataDir.toFile());
    pb.environment().put("BACALHAU_DIR", dataDir.resolve("data").toString());
    pb.environment().put("HOME", dataDir.toString());
    Path out = dataDir.resolve("out.txt");
    Path err = dataDir.resolve("err.txt");
    Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "bacalhau " + String.join(" ", args));
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void helloRunsAndPrintsItsOutputTwiceWithTheCompiledModuleCached() throws Exception {
    Files.copy(WasmRunCommandTest.HELLO, dataDir.resolve("hello.wasm"));
    Run first = bacalhau("wasm", "run", "-f", "hello.wasm", "--", "one", "two");
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("Hello, world!\narg 1: one\narg 2: two\n"), first.toString());
    try (var files = Files.walk(dataDir.resolve("data/engine/wasm/compiled"))) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".jar")), "no compiled module cached");
    }
    Run second = bacalhau("wasm", "run", "--id-only", "hello.wasm", "--", "exit", "3");
    assertEquals(0, second.exitCode(), second.toString());
    Run logs = bacalhau("job", "logs", second.out().strip());
    assertTrue(logs.out().startsWith("Hello, world!\n"), logs.toString());
  }

  @Test
  void trapFailsTheJob() throws Exception {
    Files.copy(
        Path.of("../plugins/engine-wasm/src/test/resources/wasm/trap.wasm"),
        dataDir.resolve("trap.wasm"));
    Run r = bacalhau("wasm", "run", "trap.wasm");
    assertTrue(r.exitCode() != 0, r.toString());
    assertTrue((r.out() + r.err()).contains("wasm trap"), r.toString());
  }
}
