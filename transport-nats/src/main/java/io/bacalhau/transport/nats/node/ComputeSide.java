package io.bacalhau.transport.nats.node;

import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.transport.nats.compute.ComputeTransport;
import io.bacalhau.transport.nats.compute.ComputeTransportSettings;
import io.bacalhau.transport.nats.link.LinkSettings;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.sequence.FileCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A compute node's network face: its connection to the orchestrators' broker and the transport that
 * joins them. Built in two steps because the compute node and the transport need each other: the
 * transport is the node's callback ({@link #callback}), the node is where the transport delivers
 * the orchestrator's messages ({@link #join}).
 */
public final class ComputeSide implements AutoCloseable {
  private final NatsLink link;
  private final ComputeTransport transport;
  private volatile Supplier<NodeInfo> info;

  private ComputeSide(NatsLink link, String nodeId, ComputeSettings settings) {
    this.link = link;
    Duration request = Duration.ofSeconds(10);
    this.transport =
        new ComputeTransport(
            link,
            nodeId,
            () -> info.get(),
            new ComputeTransportSettings(
                settings.heartbeatInterval(),
                request,
                Duration.ofMinutes(1),
                new FileCheckpoint(settings.checkpointFile()),
                settings.infoUpdateInterval()),
            Clock.systemUTC());
  }

  /**
   * Connects to {@code Compute.Orchestrators}. Fails with an error naming the URLs when none
   * answers, or saying the broker refused the token ({@code Compute.Auth.Token}).
   */
  public static ComputeSide connect(ComputeSettings settings, String nodeId) {
    NatsLink link =
        NatsLink.connect(
            new LinkSettings(
                settings.orchestrators(),
                settings.token(),
                "compute-" + nodeId,
                null,
                settings.tls()));
    try {
      return new ComputeSide(link, nodeId, settings);
    } catch (RuntimeException e) {
      link.close();
      throw e;
    }
  }

  /** What the compute node reports through. */
  public ComputeCallback callback() {
    return transport;
  }

  /**
   * Joins the orchestrator with {@code info} and hands its messages to {@code node}; fails when it
   * is refused (a rejected node, with the orchestrator's reason) or none admits it within a minute.
   */
  public void join(Supplier<NodeInfo> info, ComputeChannel node) {
    this.info = info;
    transport.start(node);
  }

  public boolean joined() {
    return transport.joined();
  }

  @Override
  public void close() {
    transport.close();
    link.close();
  }
}
