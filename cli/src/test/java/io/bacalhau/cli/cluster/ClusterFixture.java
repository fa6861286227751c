package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.client.ApiEndpoint;
import io.bacalhau.client.HttpNodeClient;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.testing.RealServices;
import io.bacalhau.transport.nats.broker.NatsServerBinary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Real {@code bacalhau serve} processes on 127.0.0.1 talking through a real nats-server: an
 * orchestrator and compute nodes of its own token, with short heartbeats so that tests are quick.
 */
final class ClusterFixture implements AutoCloseable {
  static final String TOKEN = "cluster-it-token";
  static final Duration WAIT = Duration.ofSeconds(90);

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final int apiPort;
  private final int natsPort;
  private Path orchestratorLog;
  private Process orchestrator;
  private HttpNodeClient api;
  private Map<String, String> env = Map.of();

  ClusterFixture(Path dir) throws IOException {
    RealServices.require(
        NatsServerBinary.find().isPresent(),
        "nats-server (Debian: apt-get install nats-server) on the PATH or in /usr/sbin");
    this.dir = dir;
    this.apiPort = freePort();
    this.natsPort = freePort();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Adds {@code env} to the environment of the processes started from now on. */
  ClusterFixture env(Map<String, String> env) {
    this.env = Map.copyOf(env);
    return this;
  }

  /**
   * {@code serve --orchestrator} with the token and {@code config}; returns once its API answers.
   */
  ClusterFixture orchestrator(String... config) throws Exception {
    Path data = dir.resolve("orchestrator");
    orchestratorLog = dir.resolve("orchestrator.log");
    // kill -9 leaves the previous process's file behind; wait for this one's.
    Files.deleteIfExists(data.resolve("bacalhau.run"));
    if (api != null) {
      api.close();
    }
    List<String> args =
        config(
            List.of(
                "Orchestrator.Host=127.0.0.1",
                "Orchestrator.Port=" + natsPort,
                "Orchestrator.Auth.Token=" + TOKEN,
                "Orchestrator.NodeManager.DisconnectTimeout=3s"),
            config);
    args.addAll(
        List.of(
            "--api-host",
            "127.0.0.1",
            "--api-port",
            String.valueOf(apiPort),
            "serve",
            "--orchestrator",
            "--name",
            "orchestrator"));
    Process p = start(data, orchestratorLog, args);
    orchestrator = p;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(data.resolve("bacalhau.run"))) {
      assertTrue(p.isAlive(), "orchestrator exited: " + Files.readString(orchestratorLog));
      assertTrue(System.nanoTime() < deadline, "no API: " + Files.readString(orchestratorLog));
      Thread.sleep(100);
    }
    api =
        new HttpNodeClient(
            new ApiEndpoint(URI.create("http://127.0.0.1:" + apiPort), null, null, false, WAIT),
            (r, o, raw, s) -> {});
    return this;
  }

  /** {@code serve --compute} named {@code name}, presenting {@code token}. */
  Process compute(String name, String token, String... config) throws IOException {
    List<String> args =
        config(
            List.of(
                "Compute.Orchestrators=127.0.0.1:" + natsPort,
                "Compute.Auth.Token=" + token,
                "Compute.Heartbeat.Interval=500ms",
                "Publishers.Types.Local.Port=" + freePort()),
            config);
    args.addAll(List.of("serve", "--compute", "--name", name));
    return start(dir.resolve(name), log(name), args);
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /** The orchestrator process started last. */
  Process orchestratorProcess() {
    return orchestrator;
  }

  Path orchestratorLog() {
    return orchestratorLog;
  }

  private static List<String> config(List<String> base, String... extra) {
    List<String> args = new ArrayList<>();
    for (String c : base) {
      args.addAll(List.of("-c", c));
    }
    for (String c : extra) {
      args.addAll(List.of("-c", c));
    }
    return args;
  }

  private Process start(Path data, Path log, List<String> args) throws IOException {
    Map<String, String> all = new HashMap<>(env);
    all.put("DEBUG", "true"); // a node that fails to start leaves its stack trace in its log
    Process p = ChildCli.start(data, log, log, all, args.toArray(String[]::new));
    processes.add(p);
    return p;
  }

  HttpNodeClient api() {
    return api;
  }

  /** A client of the orchestrator's API, as a user's shell with the devstack's exports. */
  CliRunner client() {
    return new CliRunner(dir.resolve("client"))
        .env("BACALHAU_API_HOST", "127.0.0.1")
        .env("BACALHAU_API_PORT", String.valueOf(apiPort));
  }

  List<NodeState> awaitNodes(String what, Predicate<List<NodeState>> done) throws Exception {
    return await(what, () -> api.nodes(), done);
  }

  Job awaitJob(String id, JobStateType state) throws Exception {
    return await(
        "job " + id + " " + state, () -> api.job(id, "default"), j -> j.stateType() == state);
  }

  List<Execution> executions(String jobId) {
    return api.describe(jobId, "default", 0).executions();
  }

  interface Probe<T> {
    T get() throws Exception;
  }

  static <T> T await(String what, Probe<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never " + what + "; last seen: " + last);
  }

  /** SIGTERM to every process, SIGKILL to those still running after 20 s. */
  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    processes.forEach(Process::destroy);
    for (Process p : processes) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
