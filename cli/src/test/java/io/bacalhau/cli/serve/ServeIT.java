package io.bacalhau.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import io.bacalhau.cli.CliRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code bacalhau serve} process on 127.0.0.1, with curl as its client. */
class ServeIT {
  @TempDir Path dir;

  private Process serve(Path dataDir, int port, String log, String... config) throws Exception {
    Path out = dir.resolve(log);
    // kill -9 leaves the previous process's file behind; wait for this one's.
    Files.deleteIfExists(dataDir.resolve("bacalhau.run"));
    List<String> args = new ArrayList<>(List.of("--api-port", String.valueOf(port)));
    for (String c : config) {
      args.addAll(List.of("-c", c));
    }
    args.add("serve");
    Process p = ChildCli.start(dataDir, out, out, args.toArray(String[]::new));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(dataDir.resolve("bacalhau.run"))) {
      assertTrue(p.isAlive(), "serve exited: " + Files.readString(out));
      assertTrue(System.nanoTime() < deadline, "serve never started: " + Files.readString(out));
      Thread.sleep(100);
    }
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String curl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "curl " + cmd + ": " + out);
    return out;
  }

  private static String field(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return m.group(1);
  }

  private static void awaitState(String base, String id, String state) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String job = "";
    while (System.nanoTime() < deadline) {
      job = curl(base + "/api/v1/orchestrator/jobs/" + id);
      if (job.contains("\"StateType\":\"" + state + "\"")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + id + " never " + state + ": " + job);
  }

  @Test
  void aJobAcknowledgedBeforeAKillCompletesAfterTheRestart() throws Exception {
    Path data = dir.resolve("data");
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    Process first = serve(data, port, "first.log");
    assertTrue(
        Files.readString(data.resolve("bacalhau.run"))
            .startsWith(
                "export BACALHAU_API_HOST=127.0.0.1\nexport BACALHAU_API_PORT=" + port + "\n"));
    String put =
        curl(
            "-X",
            "PUT",
            base + "/api/v1/orchestrator/jobs",
            "--data",
            "{\"Job\": {\"Name\": \"survivor\", \"Type\": \"batch\", \"Tasks\": [{\"Name\":"
                + " \"main\", \"Engine\": {\"Type\": \"noop\", \"Params\": {\"SleepMillis\":"
                + " 3000}}}]}}");
    String id = field(put, "JobID");
    awaitState(base, id, "Running");

    first.destroyForcibly().waitFor(); // kill -9 mid-job
    Process second = serve(data, port, "second.log");
    try {
      awaitState(base, id, "Completed");
      String quick =
          curl(
              "-X",
              "PUT",
              base + "/api/v1/orchestrator/jobs",
              "--data",
              "{\"Job\": {\"Name\": \"after\", \"Type\": \"batch\", \"Tasks\": [{\"Name\":"
                  + " \"main\", \"Engine\": {\"Type\": \"noop\"}}]}}");
      awaitState(base, field(quick, "JobID"), "Completed");
    } finally {
      second.destroy(); // SIGTERM: a graceful stop
      assertTrue(second.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
    }
    assertFalse(Files.exists(data.resolve("bacalhau.run")), "bacalhau.run removed on exit");
  }

  @Test
  void aSelfSignedServerIsReachedByAnInsecureClient() throws Exception {
    Path data = dir.resolve("tls");
    int port = freePort();
    Process p = serve(data, port, "tls.log", "API.TLS.SelfSigned=true");
    try {
      String[] remote = {"--api-host", "https://127.0.0.1", "--api-port", String.valueOf(port)};
      CliRunner client = new CliRunner(dir.resolve("client"));
      CliRunner.Result insecure =
          client.run(concat(remote, "-c", "API.TLS.Insecure=true", "agent", "alive"));
      assertEquals(0, insecure.exitCode(), insecure.toString());
      assertTrue(insecure.out().contains("OK"), insecure.toString());
      CliRunner.Result checking = client.run(concat(remote, "agent", "alive"));
      assertEquals(1, checking.exitCode(), "the certificate is not trusted: " + checking);
      assertTrue(Files.exists(data.resolve("tls/api-self-signed.p12")));
      // Whoever sources bacalhau.run talks TLS to it.
      assertTrue(
          Files.readString(data.resolve("bacalhau.run"))
              .startsWith(
                  "export BACALHAU_API_HOST=https://127.0.0.1\nexport BACALHAU_API_PORT="
                      + port
                      + "\n"));
      CliRunner.Result sourced =
          new CliRunner(dir.resolve("sourced"))
              .env("BACALHAU_API_HOST", "https://127.0.0.1")
              .env("BACALHAU_API_PORT", String.valueOf(port))
              .run("-c", "API.TLS.Insecure=true", "agent", "alive");
      assertEquals(0, sourced.exitCode(), sourced.toString());
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String[] concat(String[] first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  @Test
  void aDefaultServeStartsNoBrokerAndOpensNoNatsPort() throws Exception {
    Path data = dir.resolve("alone");
    Process p = serve(data, freePort(), "alone.log");
    try {
      List<String> children = p.descendants().map(h -> h.info().command().orElse("")).toList();
      assertTrue(children.stream().noneMatch(c -> c.contains("nats-server")), children.toString());
      assertFalse(Files.readString(dir.resolve("alone.log")).contains("NATS"));
      assertFalse(Files.exists(data.resolve("orchestrator/nodes.json")));
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecondServeOfTheSameDataDirIsRefused() throws Exception {
    Path data = dir.resolve("shared");
    Process first = serve(data, freePort(), "a.log");
    try {
      Path out = dir.resolve("b.log");
      Process second =
          ChildCli.start(data, out, out, "--api-port", String.valueOf(freePort()), "serve");
      assertTrue(second.waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, second.exitValue());
      String err = Files.readString(out);
      assertTrue(err.contains("already served by another bacalhau serve process"), err);
      assertTrue(err.contains(data.toString()) && err.contains("pid " + first.pid()), err);
    } finally {
      first.destroy();
      first.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
