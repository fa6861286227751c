package io.bacalhau.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node named by flag, environment or config file is the node commands talk to: when it does not
 * answer, the command says so naming the address, and never falls back to the embedded node.
 */
class NamedNodeTest {
  @TempDir Path dataDir;

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aNamedNodeThatDoesNotAnswerIsAnErrorNamingItsAddress() throws Exception {
    int port = closedPort();
    CliRunner.Result byFlag =
        new CliRunner(dataDir)
            .run("--api-host", "127.0.0.1", "--api-port", "" + port, "job", "list");
    assertEquals(ExitCode.ERROR, byFlag.exitCode(), byFlag.toString());
    assertTrue(
        byFlag.err().contains("Error: no Bacalhau node answers at http://127.0.0.1:" + port),
        byFlag.toString());
    assertTrue(byFlag.err().contains("Hint: "), byFlag.toString());
    assertFalse(
        Files.exists(dataDir.resolve("orchestrator").resolve("jobs.db")),
        "no embedded node was opened");

    CliRunner.Result byEnv =
        new CliRunner(dataDir).env("BACALHAU_API_PORT", "" + port).run("job", "list");
    assertEquals(ExitCode.ERROR, byEnv.exitCode(), byEnv.toString());
    assertTrue(byEnv.err().contains("http://127.0.0.1:" + port), byEnv.toString());
  }

  @Test
  void httpsInTheHostAndUseTlsBothMeanHttps() throws Exception {
    int port = closedPort();
    CliRunner.Result result =
        new CliRunner(dataDir)
            .run("--api-host", "https://localhost", "--api-port", "" + port, "job", "list");
    assertEquals(ExitCode.ERROR, result.exitCode(), result.toString());
    assertTrue(result.err().contains("https://localhost:" + port), result.toString());
  }

  @Test
  void withNothingNamedTheEmbeddedNodeAnswers() {
    CliRunner.Result result = new CliRunner(dataDir).run("job", "list");
    assertEquals(ExitCode.OK, result.exitCode(), result.toString());
  }
}
