package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code JobAdmissionControl.ProbeExec} as Bacalhau runs it: a real {@code bash -c} command. */
class ProbeExecTest {
  private static final String PATH = System.getenv("PATH");

  @TempDir Path dir;

  @Test
  void theCommandGetsTheBidRequestOnStdinAndInItsVariableAndOnlyPathBesides() throws Exception {
    String json = ProbeData.json("n-1", EmbeddedNodeTestSupport.noopJob("probe", Map.of()));
    Path stdin = dir.resolve("stdin");
    Path env = dir.resolve("env");
    ProbeExec probe =
        new ProbeExec("cat > '" + stdin + "'; env > '" + env + "'", PATH, Duration.ofSeconds(10));

    assertNull(probe.rejection(json));

    assertEquals(json, Files.readString(stdin));
    var request = io.bacalhau.core.codec.Codecs.json().readTree(json);
    assertEquals("n-1", request.get("NodeID").asText(), json);
    assertEquals("probe", request.get("Job").get("Name").asText(), json);
    Map<String, String> seen = new java.util.HashMap<>();
    for (String line : Files.readAllLines(env)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        seen.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    assertEquals(json, seen.get(ProbeExec.DATA_VARIABLE));
    assertEquals(PATH, seen.get("PATH"));
    // bash adds its own (PWD, SHLVL, _); nothing of the node's environment gets through.
    seen.keySet().removeAll(java.util.Set.of("PWD", "SHLVL", "_", "OLDPWD"));
    assertEquals(java.util.Set.of("PATH", ProbeExec.DATA_VARIABLE), seen.keySet());
  }

  @Test
  void aNonZeroExitWithoutStderrNamesTheCommandAndItsExitCode() throws Exception {
    assertEquals(
        "this node does not accept jobs where external command \"exit 4\" returns exit code 4",
        new ProbeExec("exit 4", PATH, Duration.ofSeconds(10)).rejection("{}"));
  }

  @Test
  void aCommandThatDoesNotReadItsInputStillDecides() throws Exception {
    // More than a pipe holds: writing it blocks until the command exits, then breaks.
    String big = "{\"pad\":\"" + "x".repeat(100_000) + "\"}";
    assertNull(new ProbeExec("true", PATH, Duration.ofSeconds(10)).rejection(big));
    assertEquals(
        "this node does not accept jobs where external command \"exit 1\" returns exit code 1",
        new ProbeExec("exit 1", PATH, Duration.ofSeconds(10)).rejection(big));
  }

  @Test
  void aProbeThatHangsIsARefusalAfterTheTimeoutAndIsKilled() throws Exception {
    Path marker = dir.resolve("still-running");
    long start = System.nanoTime();
    String reason =
        new ProbeExec("sleep 3; touch '" + marker + "'", PATH, Duration.ofMillis(500))
            .rejection("{}");
    assertTrue(reason.contains("did not answer within"), reason);
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
    Thread.sleep(3500);
    assertTrue(Files.notExists(marker), "the probe kept running after its timeout");
  }
}
