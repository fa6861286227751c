package io.bacalhau.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.cli.ChildCli;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.codec.Codecs;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a client of a real {@code bacalhau serve} process: the job commands go over the REST
 * API and end with the same output and exit codes as on the embedded node.
 */
class RemoteCliIT {
  @TempDir Path dir;
  private Process server;
  private int port;
  private int resultsPort;

  @BeforeEach
  void serve() throws Exception {
    Path data = dir.resolve("server");
    port = freePort();
    resultsPort = freePort();
    Path log = dir.resolve("serve.log");
    server =
        ChildCli.start(
            data,
            log,
            log,
            "--api-port",
            String.valueOf(port),
            "-c",
            "Publishers.Types.Local.Port=" + resultsPort,
            "serve");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(data.resolve("bacalhau.run"))) {
      assertTrue(server.isAlive(), "serve exited: " + Files.readString(log));
      assertTrue(System.nanoTime() < deadline, "serve never started: " + Files.readString(log));
      Thread.sleep(100);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.destroy();
    server.waitFor(20, TimeUnit.SECONDS);
    ChildCli.stopAllOn(dir);
  }

  /** A client with a data dir of its own: nothing it does can reach the server's store. */
  private CliRunner.Result cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--api-port";
    all[1] = String.valueOf(port);
    System.arraycopy(args, 0, all, 2, args.length);
    return new CliRunner(dir.resolve("client")).run(all);
  }

  private Path spec(String name, String params) throws Exception {
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        "Name: "
            + name
            + "\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n"
            + "      Params: "
            + params
            + "\n");
  }

  @Test
  void jobCommandsWorkOverTheApi() throws Exception {
    CliRunner.Result run = cli("job", "run", spec("hello", "{Stdout: \"hi there\\n\"}").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Completed successfully"), run.toString());

    CliRunner.Result list = cli("job", "list");
    assertEquals(ExitCode.OK, list.exitCode(), list.toString());
    assertTrue(list.out().contains("hello"), list.toString());

    CliRunner.Result describe = cli("job", "describe", "hello");
    assertEquals(ExitCode.OK, describe.exitCode(), describe.toString());
    assertTrue(describe.out().contains("Completed"), describe.toString());

    CliRunner.Result logs = cli("job", "logs", "hello");
    assertEquals("hi there\n", logs.out(), logs.toString());

    CliRunner.Result executions = cli("job", "executions", "hello");
    assertTrue(executions.out().contains("Completed"), executions.toString());

    CliRunner.Result exits = cli("job", "run", spec("exits", "{ExitCode: 4}").toString());
    assertEquals(ExitCode.TASK_FAILED, exits.exitCode(), exits.toString());

    CliRunner.Result version = cli("version");
    assertTrue(version.out().contains("SERVER"), version.toString());
    assertTrue(
        Files.notExists(dir.resolve("client").resolve("orchestrator")),
        "the client opened no node of its own");
  }

  private Path labelled(String name, String labels, String stdout) throws Exception {
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        "Name: "
            + name
            + "\nType: batch\nCount: 1\nLabels: "
            + labels
            + "\nTasks:\n  - Name: main\n    Engine: {Type: noop, Params: {Stdout: \""
            + stdout
            + "\\n\"}}\n");
  }

  @Test
  void listFlagsWorkOverTheApi() throws Exception {
    assertEquals(
        ExitCode.OK,
        cli("job", "run", labelled("web", "{env: prod}", "one").toString()).exitCode());
    assertEquals(
        ExitCode.OK,
        cli("job", "run", labelled("web", "{env: prod}", "two").toString()).exitCode());
    assertEquals(
        ExitCode.OK, cli("job", "run", labelled("dev", "{env: dev}", "x").toString()).exitCode());

    // GET /jobs?labels=...: the server selects.
    CliRunner.Result prod = cli("job", "list", "--labels", "env in (prod, qa)");
    assertTrue(prod.out().contains("web") && !prod.out().contains("dev"), prod.toString());
    CliRunner.Result notProd = cli("job", "list", "--labels", "env!=prod");
    assertTrue(notProd.out().contains("dev") && !notProd.out().contains("web"), notProd.toString());

    // One execution a version (the served node is one node): page over both versions.
    CliRunner.Result page =
        cli("job", "executions", "web", "--all-versions", "--limit", "1", "--order-reversed");
    assertTrue(page.out().contains("To fetch more records use:"), page.toString());
    String token = page.out().replaceAll("(?s).*--next-token (\\S+).*", "$1").strip();
    CliRunner.Result next =
        cli(
            "job",
            "executions",
            "web",
            "--all-versions",
            "--limit",
            "1",
            "--order-reversed",
            "--next-token",
            token);
    assertEquals(ExitCode.OK, next.exitCode(), next.toString());
    assertTrue(!next.out().contains("To fetch more"), next.toString());
    assertEquals(
        2,
        cli("job", "executions", "web", "--all-versions", "--no-style", "--hide-header")
            .out()
            .strip()
            .lines()
            .count());

    CliRunner.Result jobEvents = cli("job", "history", "web", "--event-type", "job", "-v", "1");
    assertTrue(!jobEvents.out().contains("ExecutionLevel"), jobEvents.toString());
    assertTrue(jobEvents.out().contains("Job submitted"), jobEvents.toString());
    CliRunner.Result newest = cli("job", "history", "web", "--order-reversed", "--limit", "1");
    assertTrue(newest.out().contains("Completed"), newest.toString());
    assertTrue(newest.out().contains("--next-token"), newest.toString());

    assertEquals("one\n", cli("job", "logs", "web", "-v", "1").out());
    assertEquals("two\n", cli("job", "logs", "web").out());

    // PUT /jobs/diff against the stored version.
    CliRunner.Result diff =
        cli("job", "run", "--dry-run", labelled("web", "{env: prod}", "three").toString());
    assertEquals(ExitCode.OK, diff.exitCode(), diff.toString());
    assertTrue(
        diff.out().lines().anyMatch(l -> l.startsWith("+") && l.contains("three")),
        diff.toString());
    assertTrue(
        diff.out().lines().anyMatch(l -> l.startsWith("-") && l.contains("two")), diff.toString());
    CliRunner.Result grouped =
        cli("job", "run", "--group-events", labelled("grouped", "{}", "g").toString());
    assertTrue(grouped.err().contains(" Execution e-"), grouped.toString());
  }

  @Test
  void anInvalidSpecIsRefusedByTheServerWithEveryProblem() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "Type: batch\nCount: -1\nTasks:\n  - Name: main\n    Engine: {Type: noop}\n"
                + "    ResultPaths: [{Name: ../up, Path: /outputs}]\n");
    CliRunner.Result run = cli("job", "run", bad.toString());
    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Count"), run.toString());
    assertTrue(run.err().contains("Tasks[0].ResultPaths[0].Name"), run.toString());
  }

  @Test
  void aLongJobIsStoppedOverTheApi() throws Exception {
    CliRunner.Result run =
        cli("job", "run", "--wait=false", spec("long", "{SleepMillis: 60000}").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    CliRunner.Result stop = cli("job", "stop", "long");
    assertEquals(ExitCode.OK, stop.exitCode(), stop.toString());
    CliRunner.Result describe = cli("job", "describe", "long");
    assertTrue(describe.out().contains("Stopped"), describe.toString());
  }

  @Test
  void nodeAgentAndAuthCommandsWorkOverTheApi() throws Exception {
    CliRunner.Result list = cli("node", "list", "--no-style");
    assertEquals(ExitCode.OK, list.exitCode(), list.toString());
    assertTrue(
        list.out().contains("APPROVED") && list.out().contains("CONNECTED"), list.toString());
    assertTrue(list.out().contains("os_type="), "serve's automatic labels: " + list);

    CliRunner.Result json = cli("node", "list", "--output", "json");
    String id =
        io.bacalhau.core.codec.Codecs.json()
            .readTree(json.out())
            .get(0)
            .path("Info")
            .path("NodeID")
            .asText();
    CliRunner.Result describe = cli("node", "describe", id.substring(0, 6));
    assertEquals(ExitCode.OK, describe.exitCode(), describe.toString());
    assertTrue(describe.out().contains("NodeID: " + id), describe.toString());
    // What serve's GPU search found travels with the node's info over the API.
    assertTrue(describe.out().contains("    GPUDiscovery: "), describe.toString());
    assertTrue(
        cli("node", "list", "--filter-approval", "pending", "--no-style", "--hide-header")
            .out()
            .isEmpty());

    CliRunner.Result approve = cli("node", "approve", id);
    assertEquals(ExitCode.ERROR, approve.exitCode(), approve.toString());
    assertTrue(
        approve.err().contains("Failed to approve node " + id + ": node " + id + " is already"),
        approve.toString());

    assertEquals("Status: OK\n", cli("agent", "alive").out());
    CliRunner.Result version = cli("agent", "version");
    assertEquals(ExitCode.OK, version.exitCode(), version.toString());
    assertTrue(version.out().startsWith("Bacalhau v"), version.toString());
    assertTrue(version.out().contains("\nBuildDate 2"), version.toString());
    assertTrue(cli("agent", "node").out().contains("NodeID: " + id));
    assertTrue(cli("agent", "node").out().contains("GPUDiscovery: "));
    CliRunner.Result config = cli("agent", "config");
    assertEquals(ExitCode.OK, config.exitCode(), config.toString());
    assertTrue(config.out().contains("Port: " + port), config.toString());

    CliRunner.Result auth = cli("auth", "info");
    assertTrue(
        auth.out().startsWith("Endpoint:              http://127.0.0.1:" + port), auth.toString());
    assertTrue(
        Files.notExists(dir.resolve("client").resolve("orchestrator")),
        "the client opened no node of its own");
  }

  /**
   * The local publisher's archive is on the server's data dir only: the client downloads it from
   * the URL the node published, which the node serves, as Bacalhau's own clients do.
   */
  @Test
  void jobGetDownloadsALocalPublisherResultFromTheServingNode() throws Exception {
    Path spec =
        Files.writeString(
            dir.resolve("published.yaml"),
            "Name: published\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
                + "      Type: noop\n      Params: {Stdout: \"from the node\\n\"}\n"
                + "    Publisher: {Type: local}\n");
    CliRunner.Result run = cli("job", "run", spec.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());

    HttpResponse<String> results =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/api/v1/orchestrator/jobs/published/results"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode item = Codecs.json().readTree(results.body()).path("Items").path(0);
    assertEquals("urlDownload", item.path("Type").asText(), results.body());
    String url = item.path("Params").path("URL").asText();
    assertTrue(url.startsWith("http://127.0.0.1:" + resultsPort + "/e-"), url);

    Path out = dir.resolve("downloaded");
    CliRunner.Result get = cli("job", "get", "published", "--output-dir", out.toString());
    assertEquals(ExitCode.OK, get.exitCode(), get.toString());
    assertEquals("from the node\n", Files.readString(out.resolve("stdout")));
    assertTrue(
        Files.notExists(dir.resolve("client").resolve("compute")),
        "the client had no archive of its own to read");
  }
}
