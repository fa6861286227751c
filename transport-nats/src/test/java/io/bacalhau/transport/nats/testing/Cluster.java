package io.bacalhau.transport.nats.testing;

import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.testing.RealServices;
import io.bacalhau.transport.nats.broker.BrokerSettings;
import io.bacalhau.transport.nats.broker.NatsBroker;
import io.bacalhau.transport.nats.broker.NatsServerBinary;
import io.bacalhau.transport.nats.compute.ComputeTransport;
import io.bacalhau.transport.nats.compute.ComputeTransportSettings;
import io.bacalhau.transport.nats.link.LinkSettings;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.orchestrator.NodeRegistry;
import io.bacalhau.transport.nats.orchestrator.OrchestratorTransport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A real nats-server on 127.0.0.1 (a free port, a token), an orchestrator transport on its own
 * connection, and compute transports joining on theirs: the pieces of a cluster in one JVM.
 */
public final class Cluster implements AutoCloseable {
  public static final String TOKEN = "s3cret-token";

  public final NatsBroker broker;
  public final NodeRegistry nodes;
  public final RecordingCallback results = new RecordingCallback();
  public final OrchestratorTransport orchestrator;
  private final Map<String, NatsLink> computeLinks = new ConcurrentHashMap<>();
  private final List<AutoCloseable> closing = Collections.synchronizedList(new ArrayList<>());

  private Cluster(NatsBroker broker, NodeRegistry nodes, Duration healthCheck) {
    this.broker = broker;
    this.nodes = nodes;
    NatsLink link = link("orchestrator", TOKEN);
    this.orchestrator = new OrchestratorTransport(link, nodes, results, healthCheck).start();
    closing.add(orchestrator);
  }

  /** Skips (or fails in CI) when nats-server is not installed. */
  public static void requireNatsServer() {
    RealServices.require(
        NatsServerBinary.find().isPresent(),
        "nats-server (Debian: apt-get install nats-server) on the PATH or in /usr/sbin");
  }

  public static NatsBroker broker(Path dir) {
    requireNatsServer();
    return NatsBroker.start(BrokerSettings.supervised("127.0.0.1", 0, TOKEN, dir));
  }

  public static Cluster start(Path dir, Duration disconnectTimeout, Duration healthCheck) {
    NatsBroker broker = broker(dir);
    return new Cluster(
        broker, new NodeRegistry(Clock.systemUTC(), disconnectTimeout, false), healthCheck);
  }

  /**
   * A cluster whose orchestrator keeps its nodes in {@code nodes} (e.g. a file-backed registry).
   */
  public static Cluster start(Path dir, NodeRegistry nodes) {
    return new Cluster(broker(dir), nodes, Duration.ofSeconds(1));
  }

  public static Cluster start(Path dir) {
    return start(dir, Duration.ofMinutes(1), Duration.ofSeconds(1));
  }

  public NatsLink link(String name, String token) {
    NatsLink link = NatsLink.connect(LinkSettings.of(broker.clientUrl(), token, name));
    closing.add(link);
    return link;
  }

  /** A compute node's transport, joined, serving {@code local}. */
  public ComputeTransport join(Supplier<NodeInfo> info, ComputeChannel local, Duration heartbeat) {
    ComputeTransport compute = unstarted(info.get().nodeId(), info, heartbeat);
    return compute.start(local);
  }

  /** The connection a compute node's transport uses; closing it makes the node fall silent. */
  public NatsLink computeLink(String nodeId) {
    return computeLinks.get(nodeId);
  }

  public ComputeTransport unstarted(String nodeId, Supplier<NodeInfo> info, Duration heartbeat) {
    NatsLink link = link("compute-" + nodeId, TOKEN);
    computeLinks.put(nodeId, link);
    ComputeTransport compute =
        new ComputeTransport(
            link,
            nodeId,
            info,
            new ComputeTransportSettings(
                heartbeat, Duration.ofSeconds(2), Duration.ofSeconds(20), null),
            Clock.systemUTC());
    closing.add(compute);
    return compute;
  }

  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>(closing);
    Collections.reverse(all);
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing what is left; the test's own assertions already ran.
      }
    }
    broker.close();
  }
}
