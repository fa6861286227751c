package io.bacalhau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.local.BuildId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code version} and {@code --help} answered without the command tree print exactly what the tree
 * prints, and a help text recorded by another build is never shown.
 */
class QuickCommandsTest {
  @TempDir Path dir;

  @Test
  void versionAlonePrintsTheClientTableOfTheTree() {
    CliRunner cli = new CliRunner(dir);
    CliRunner.Result quick = cli.run("version");
    CliRunner.Result tree = cli.run("version", "--client");
    assertEquals(0, quick.exitCode(), quick.toString());
    assertEquals(tree.out(), quick.out());
  }

  @Test
  void helpRecordedByThisBuildIsPrintedAsTheTreePrintsIt() throws Exception {
    String tree = new CliRunner(dir).run("--help").out();
    Path home = Files.createDirectories(dir.resolve("home"));
    QuickCommands.writeHelp(home, "recorded help\n", "recorded colour help\n");
    assertEquals("recorded help\n", helpWith(home));

    Files.writeString(home.resolve("help.txt"), "another-build\nstale help\n");
    assertEquals(tree, helpWith(home), "a help text of another build was printed");
  }

  /** {@code bacalhau --help} in a process of its own whose distribution is {@code home}. */
  private String helpWith(Path home) throws Exception {
    Path out = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dbacalhau.home=" + home,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "--help"))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(out));
    assertTrue(!BuildId.current().isEmpty());
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
