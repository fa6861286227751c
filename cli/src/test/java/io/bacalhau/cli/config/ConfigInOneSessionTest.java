package io.bacalhau.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.cli.CliContext;
import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shell runs many command lines in one session; each must see the config as it is now. */
class ConfigInOneSessionTest {
  @TempDir Path dataDir;

  @Test
  void aSetIsSeenByTheNextLineAndEachLinesOwnFlagsCount() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    CliContext context =
        new CliContext(
            print,
            print,
            InputStream.nullInputStream(),
            Map.of("HOME", dataDir.toString(), "BACALHAU_DIR", dataDir.toString()),
            dataDir,
            false);
    try (CliSession session = new CliSession(context)) {
      CommandLine shell = Main.commandLine(session);
      assertEquals(ExitCode.OK, shell.execute("config", "get", "API.Port"));
      assertEquals(ExitCode.OK, shell.execute("config", "set", "API.Port=5"));
      assertEquals(ExitCode.OK, shell.execute("config", "get", "API.Port"));
      assertEquals(ExitCode.OK, shell.execute("-c", "API.Port=7", "config", "get", "API.Port"));
      assertEquals(ExitCode.OK, shell.execute("config", "get", "API.Port"));
    }
    assertEquals(
        "1234\nWriting config to " + dataDir.resolve("config.yaml") + "\n5\n7\n5\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
