package io.bacalhau.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident local node, with real processes: a command that needs a node and finds none starts
 * one in the background, and later commands talk to it.
 */
class ResidentNodeTest {
  @TempDir Path dataDir;

  @AfterEach
  void stopNodes() throws InterruptedException {
    ChildCli.stopAllOn(dataDir);
  }

  @Test
  void theFirstCommandStartsANodeAndTheNextReusesIt() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    ResidentCli.Run first = cli.run("job", "list");
    assertEquals(0, first.exitCode(), first.out());
    LocalNodeRecord node = cli.node().orElseThrow();
    assertTrue(node.resident() && node.alive(), node.toString());
    assertEquals("127.0.0.1", node.host());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dataDir.resolve("bacalhau.token"))));

    ResidentCli.Run second = cli.run("job", "run", spec("noop"));
    assertEquals(0, second.exitCode(), second.out());
    assertTrue(second.out().contains("Completed successfully"), second.out());
    assertEquals(node.pid(), cli.node().orElseThrow().pid(), "the second command started another");
    assertEquals(1, cli.serveProcesses().size());
  }

  /**
   * A command served by the resident node is a thin client: the node's libraries (plugins, SQLite,
   * docker-java, Chicory, Helidon, OpenTelemetry) stay out of its process, which keeps it quick to
   * start and small.
   */
  @Test
  void aClientOfTheNodeLoadsNoneOfTheNodesLibraries() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    assertEquals(0, cli.run("job", "run", spec("first")).exitCode());
    Path classes = dataDir.resolve("classes.txt");
    ResidentCli thin = new ResidentCli(dataDir).jvm("-Xlog:class+load:file=" + classes);
    for (String[] args :
        List.of(
            new String[] {"job", "list"},
            new String[] {"job", "describe", "first"},
            new String[] {"job", "run", spec("second")})) {
      ResidentCli.Run run = thin.run(args);
      assertEquals(0, run.exitCode(), run.out());
      List<String> heavy =
          Files.readAllLines(classes).stream()
              .filter(
                  l ->
                      l.matches(
                          ".*\\] (org\\.sqlite|org\\.pf4j|com\\.github\\.dockerjava|com\\.dylibso"
                              + "|io\\.helidon|io\\.opentelemetry|io\\.nats|io\\.bacalhau\\.transport"
                              + "|io\\.bacalhau\\.core\\.(store|node"
                              + "|plugin|orchestrator|compute))\\..*"))
              .toList();
      assertEquals(List.of(), heavy, String.join(" ", args));
    }
  }

  /**
   * The resident node is plain http: its clients never start the JDK's TLS (its security providers
   * and JSSE), which an {@code SSLContext.getInstance} for the HttpClient's sake used to, at 60-200
   * ms of every command's start. And a client that ends does not start the JDK's logging, which
   * {@code System.exit} does to log the exit: in {@code version} (which makes no HttpClient, whose
   * debug logger starts it too) some 35 classes and a look-up of logging providers.
   */
  @Test
  void aClientSetsUpNeitherTlsNorLoggingNorAMapperItDoesNotUse() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    assertEquals(0, cli.run("job", "run", spec("first")).exitCode());
    Path classes = dataDir.resolve("classes.txt");
    ResidentCli thin = new ResidentCli(dataDir).jvm("-Xlog:class+load:file=" + classes);
    ResidentCli.Run list = thin.run("job", "list");
    assertEquals(0, list.exitCode(), list.out());
    assertTrue(list.out().contains("first"), list.out());
    assertEquals(List.of(), loaded(classes, "sun\\.security\\.ssl|sun\\.security\\.jca"));
    // job list, the command read most, reads the answer's tree with jackson-core alone: building
    // databind's ObjectMapper (some 300 classes) would be a large part of its start. What building
    // one loads: introspection, (de)serializers, modules (the tree's nodes load one feature
    // interface of databind.cfg, which is no sign of a mapper).
    assertEquals(
        List.of(),
        loaded(
            classes, "com\\.fasterxml\\.jackson\\.(databind\\.(introspect|ser|deser)|datatype)"));
    ResidentCli.Run version = thin.run("version");
    assertEquals(0, version.exitCode(), version.out());
    assertTrue(version.out().contains("CLIENT"), version.out());
    assertEquals(
        List.of(),
        loaded(classes, "jdk\\.internal\\.logger|sun\\.util\\.logging|java\\.util\\.logging"));
  }

  private static List<String> loaded(Path classLog, String packages) throws java.io.IOException {
    return Files.readAllLines(classLog).stream()
        .filter(l -> l.matches(".*\\] (" + packages + ")\\..*"))
        .toList();
  }

  @Test
  void theNodeRefusesARequestWithoutItsToken() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    assertEquals(0, cli.run("job", "list").exitCode());
    LocalNodeRecord node = cli.node().orElseThrow();
    ResidentCli.Run anonymous =
        cli.env("BACALHAU_API_HOST", "127.0.0.1")
            .env("BACALHAU_API_PORT", String.valueOf(node.port()))
            .run("job", "list");
    assertEquals(1, anonymous.exitCode(), anonymous.out());
  }

  @Test
  void anIdleNodeStopsByItself() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir).env("BACALHAU_LOCALNODE_IDLETIMEOUT", "5s");
    assertEquals(0, cli.run("job", "list").exitCode());
    List<ProcessHandle> nodes = cli.serveProcesses();
    assertEquals(1, nodes.size(), nodes.toString());
    nodes.get(0).onExit().get(60, TimeUnit.SECONDS);
    assertFalse(Files.exists(dataDir.resolve("bacalhau.run")), "the run file outlived the node");
    assertFalse(Files.exists(dataDir.resolve("bacalhau.token")), "the token outlived the node");
  }

  @Test
  void aRunFileLeftByAKilledNodeIsReplaced() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    assertEquals(0, cli.run("job", "list").exitCode());
    long killed = cli.node().orElseThrow().pid();
    ProcessHandle process = ProcessHandle.of(killed).orElseThrow();
    process.destroyForcibly(); // kill -9: the run file stays
    process.onExit().get(30, TimeUnit.SECONDS);
    assertTrue(Files.exists(dataDir.resolve("bacalhau.run")));

    ResidentCli.Run after = cli.run("job", "list");
    assertEquals(0, after.exitCode(), after.out());
    LocalNodeRecord node = cli.node().orElseThrow();
    assertNotEquals(killed, node.pid());
    assertTrue(node.alive());
  }

  @Test
  void twoFirstCommandsAtOnceEndWithOneNode() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    Process a = cli.start(dataDir.resolve("a.log"), "job", "list");
    Process b = cli.start(dataDir.resolve("b.log"), "job", "list");
    assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, a.exitValue(), Files.readString(dataDir.resolve("a.log")));
    assertEquals(0, b.exitValue(), Files.readString(dataDir.resolve("b.log")));
    List<ProcessHandle> nodes = cli.serveProcesses();
    assertEquals(1, nodes.size(), nodes.toString());
    assertEquals(nodes.get(0).pid(), cli.node().orElseThrow().pid());
  }

  @Test
  void aNodeOfAnOlderBuildIsReplacedAndItsJobsAreKept() throws Exception {
    ResidentCli old = new ResidentCli(dataDir).build("older");
    ResidentCli.Run submitted = old.run("job", "run", "--wait=false", "--id-only", spec("kept"));
    assertEquals(0, submitted.exitCode(), submitted.out());
    String jobId = submitted.out().strip().lines().reduce((x, y) -> y).orElseThrow();
    LocalNodeRecord older = old.node().orElseThrow();
    assertEquals("older", older.build());

    ResidentCli current = new ResidentCli(dataDir);
    ResidentCli.Run described = current.run("job", "describe", jobId);
    assertEquals(0, described.exitCode(), described.out());
    LocalNodeRecord node = current.node().orElseThrow();
    assertNotEquals("older", node.build());
    assertNotEquals(older.pid(), node.pid());
    assertTrue(ProcessHandle.of(older.pid()).isEmpty() || !older.alive(), "the old node lives");
    assertEquals(1, current.serveProcesses().size());
  }

  @Test
  void aJobSubmittedWithoutWaitingRunsOnTheNode() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    ResidentCli.Run submitted = cli.run("job", "run", "--wait=false", "--id-only", spec("later"));
    assertEquals(0, submitted.exitCode(), submitted.out());
    String jobId = submitted.out().strip().lines().reduce((x, y) -> y).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String state = "";
    while (System.nanoTime() < deadline && !state.contains("Completed")) {
      state = cli.run("job", "describe", jobId).out();
    }
    assertTrue(state.contains("Completed"), state);
    assertFalse(Files.exists(dataDir.resolve("worker.log")), "a worker was started");
    assertEquals(1, cli.serveProcesses().size());
  }

  @Test
  void inProcessModeStartsNoNode() throws Exception {
    ResidentCli byEnv = new ResidentCli(dataDir).env("BACALHAU_IN_PROCESS", "1");
    ResidentCli.Run run = byEnv.run("job", "run", spec("here"));
    assertEquals(0, run.exitCode(), run.out());
    ResidentCli byConfig = new ResidentCli(dataDir);
    ResidentCli.Run listed = byConfig.run("-c", "LocalNode.Mode=in-process", "job", "list");
    assertEquals(0, listed.exitCode(), listed.out());
    assertTrue(listed.out().contains("here"), listed.out());
    assertFalse(Files.exists(dataDir.resolve("bacalhau.run")));
    assertEquals(List.of(), byConfig.serveProcesses());
  }

  @Test
  void aServeTheUserStartedIsUsed() throws Exception {
    ResidentCli cli = new ResidentCli(dataDir);
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process serve =
        cli.start(dataDir.resolve("serve.log"), "--api-port", String.valueOf(port), "serve");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (cli.node().isEmpty()) {
      assertTrue(serve.isAlive(), Files.readString(dataDir.resolve("serve.log")));
      assertTrue(System.nanoTime() < deadline, "serve never started");
      Thread.sleep(100);
    }
    try {
      ResidentCli.Run listed = cli.run("job", "list");
      assertEquals(0, listed.exitCode(), listed.out());
      assertEquals(serve.pid(), cli.node().orElseThrow().pid());
      assertFalse(cli.node().orElseThrow().resident());
      assertEquals(List.of(), cli.serveProcesses(), "a resident node was started beside it");
      assertFalse(Files.exists(dataDir.resolve("bacalhau.token")));
    } finally {
      serve.destroyForcibly();
    }
  }

  private String spec(String name) throws Exception {
    Path file = dataDir.resolve(name + ".yaml");
    Files.writeString(
        file,
        "Name: "
            + name
            + "\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n");
    return file.toString();
  }
}
