package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.client.ApiEndpoint;
import io.bacalhau.client.HttpNodeClient;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.testing.RealServices;
import io.bacalhau.transport.nats.broker.NatsServerBinary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bacalhau devstack}: a real nats-server, an orchestrator and three compute processes on
 * 127.0.0.1, driven as a user would, through the exports it prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevstackIT {
  @TempDir static Path dir;
  private Process devstack;
  private List<ProcessHandle> nodes;
  private CliRunner client;
  private HttpNodeClient api;

  @BeforeAll
  void startDevstack() throws Exception {
    RealServices.require(
        NatsServerBinary.find().isPresent(),
        "nats-server (Debian: apt-get install nats-server) on the PATH or in /usr/sbin");
    Path out = dir.resolve("devstack.out");
    Path err = dir.resolve("devstack.err");
    devstack =
        ChildCli.start(
            dir.resolve("devstack-data"),
            out,
            err,
            "-c",
            "Compute.Heartbeat.Interval=500ms",
            "-c",
            "Orchestrator.NodeManager.DisconnectTimeout=3s",
            "devstack",
            "--random-ports",
            "--stack-repo",
            dir.resolve("stack").toString());
    Pattern port = Pattern.compile("export BACALHAU_API_PORT=(\\d+)");
    String printed =
        ClusterFixture.await(
            "devstack ready",
            () -> {
              assertTrue(devstack.isAlive(), "devstack exited: " + Files.readString(err));
              return Files.readString(out);
            },
            s -> port.matcher(s).find());
    assertTrue(printed.contains("export BACALHAU_API_HOST=127.0.0.1"), printed);
    Matcher m = port.matcher(printed);
    assertTrue(m.find());
    client =
        new CliRunner(dir.resolve("client"))
            .env("BACALHAU_API_HOST", "127.0.0.1")
            .env("BACALHAU_API_PORT", m.group(1));
    api =
        new HttpNodeClient(
            new ApiEndpoint(
                URI.create("http://127.0.0.1:" + m.group(1)),
                null,
                null,
                false,
                ClusterFixture.WAIT),
            (r, o, raw, s) -> {});
    nodes = devstack.descendants().toList();
  }

  @AfterAll
  void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (devstack != null && devstack.isAlive()) {
      devstack.destroyForcibly();
      devstack.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  private String run(String yaml) throws Exception {
    Path spec = Files.createTempFile(dir, "job", ".yaml");
    Files.writeString(spec, yaml);
    CliRunner.Result r = client.run("job", "run", spec.toString(), "--id-only");
    assertEquals(0, r.exitCode(), r.toString());
    return r.out().strip();
  }

  @Test
  void nodeListShowsTheThreeComputeNodesApprovedAndConnected() {
    CliRunner.Result r = client.run("node", "list");
    assertEquals(0, r.exitCode(), r.toString());
    for (String name : List.of("compute-1", "compute-2", "compute-3")) {
      assertTrue(
          r.out()
              .lines()
              .anyMatch(l -> l.contains(name) && l.contains("APPROVED") && l.contains("CONNECTED")),
          r.out());
    }
  }

  @Test
  void countThreeRunsOnThreeDistinctNodes() throws Exception {
    String id =
        run(
            """
            Name: spread
            Type: batch
            Count: 3
            Tasks:
              - Name: main
                Engine: {Type: noop}
            """);
    Job job =
        ClusterFixture.await(
            "job " + id + " completed",
            () -> api.job(id, "default"),
            j -> j.stateType() == JobStateType.COMPLETED);
    List<String> where =
        api.describe(job.id(), "default", 0).executions().stream()
            .map(Execution::nodeId)
            .sorted()
            .toList();
    assertEquals(List.of("compute-1", "compute-2", "compute-3"), where);
  }

  @Test
  void aLabelConstraintPlacesOnTheMatchingNode() throws Exception {
    String id =
        run(
            """
            Name: pinned
            Type: batch
            Constraints:
              - {Key: name, Operator: "=", Values: [compute-2]}
            Tasks:
              - Name: main
                Engine: {Type: noop}
            """);
    ClusterFixture.await(
        "job " + id + " completed",
        () -> api.job(id, "default"),
        j -> j.stateType() == JobStateType.COMPLETED);
    List<String> where =
        api.describe(id, "default", 0).executions().stream().map(Execution::nodeId).toList();
    assertEquals(List.of("compute-2"), where);
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it stops the stack the other tests use
  void sigtermStopsEveryNodeAndTheBroker() throws Exception {
    // The orchestrator, three compute nodes and the orchestrator's nats-server.
    assertTrue(nodes.size() >= 5, "devstack's processes: " + nodes);
    devstack.destroy(); // SIGTERM, as Ctrl-C or a service manager would
    assertTrue(devstack.waitFor(30, TimeUnit.SECONDS), "devstack stops on SIGTERM");
    for (ProcessHandle node : nodes) {
      node.onExit().get(30, TimeUnit.SECONDS);
      assertTrue(!node.isAlive(), node + " still alive");
    }
  }
}
