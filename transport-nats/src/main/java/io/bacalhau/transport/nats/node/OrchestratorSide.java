package io.bacalhau.transport.nats.node;

import io.bacalhau.core.node.NodeDirectory;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.transport.nats.broker.BrokerSettings;
import io.bacalhau.transport.nats.broker.NatsBroker;
import io.bacalhau.transport.nats.link.LinkSettings;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.orchestrator.FileMembershipStore;
import io.bacalhau.transport.nats.orchestrator.NodeRegistry;
import io.bacalhau.transport.nats.orchestrator.OrchestratorTransport;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An orchestrator's network face: the {@code nats-server} it supervises on {@code
 * Orchestrator.Host:Port} (or the existing NATS server of {@code Orchestrator.NATS.URL}), its own
 * connection to it, the registry of compute nodes (kept in the data dir) and the transport that
 * admits them and carries their messages. Reports from nodes go to the orchestrator once {@link
 * #bind} is called.
 */
public final class OrchestratorSide implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrchestratorSide.class);

  private final OrchestratorSettings settings;
  // null when Orchestrator.NATS.URL names a NATS server someone else runs
  private final NatsBroker broker;
  private final String brokerUrl;
  private final NatsLink link;
  private final NodeRegistry registry;
  private final OrchestratorTransport transport;
  private final LateCallback callback = new LateCallback();
  private final RegistryDirectory directory;

  private OrchestratorSide(
      OrchestratorSettings settings, NatsBroker broker, String brokerUrl, NatsLink link) {
    this.settings = settings;
    this.broker = broker;
    this.brokerUrl = brokerUrl;
    this.link = link;
    this.registry =
        new NodeRegistry(
            Clock.systemUTC(),
            settings.disconnectTimeout(),
            settings.manualApproval(),
            new FileMembershipStore(settings.membershipFile()));
    // Before the transport listens: it hears every join and leave from the first handshake on.
    this.directory = new RegistryDirectory(registry);
    this.transport =
        new OrchestratorTransport(
                link,
                registry,
                callback,
                OrchestratorTransport.healthCheckInterval(settings.disconnectTimeout()))
            .start();
  }

  /**
   * Starts the broker and listens for compute nodes. Fails with an error naming what is missing:
   * the nats-server binary, or the port it could not listen on.
   */
  public static OrchestratorSide start(OrchestratorSettings settings) {
    NatsBroker broker =
        settings.external()
            ? null
            : NatsBroker.start(
                BrokerSettings.supervised(
                        settings.host(), settings.port(), settings.token(), settings.brokerDir())
                    .withTls(settings.tls()));
    String url = broker == null ? settings.natsUrl() : broker.clientUrl();
    try {
      NatsLink link =
          NatsLink.connect(
              LinkSettings.of(url, settings.token(), "orchestrator").withTls(settings.linkTls()));
      if (broker == null) {
        LOG.info("using the NATS server at {} (Orchestrator.NATS.URL); starting none", url);
      }
      return new OrchestratorSide(settings, broker, url, link);
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  /**
   * Hands compute nodes' reports to the orchestrator from now on, and their joins and leaves to the
   * directory's listeners (those heard so far first). Call it once the orchestrator started.
   */
  public void bind(ComputeCallback orchestrator) {
    callback.bind(orchestrator);
    directory.open();
  }

  public NodeRegistry registry() {
    return registry;
  }

  /** The compute nodes that joined, as core's directory for the orchestrator. */
  public NodeDirectory directory() {
    return directory;
  }

  /**
   * The channel to a remote compute node that handshook, or that the registry knows from before a
   * restart (its messages wait for its handshake).
   */
  public Optional<ComputeChannel> channel(String nodeId) {
    return transport.channel(nodeId).map(c -> c);
  }

  /** The URL compute nodes should put in {@code Compute.Orchestrators}. */
  public String advertisedUrl() {
    String local = brokerUrl;
    if (settings.advertise().isEmpty()) {
      return local;
    }
    String a = settings.advertise();
    if (a.contains("://")) {
      return a;
    }
    return "nats://"
        + (a.contains(":") ? a : a + ":" + local.substring(local.lastIndexOf(':') + 1));
  }

  @Override
  public void close() {
    transport.close();
    link.close();
    if (broker != null) {
      broker.close();
    }
  }
}
