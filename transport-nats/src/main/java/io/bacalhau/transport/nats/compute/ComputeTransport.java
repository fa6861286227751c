package io.bacalhau.transport.nats.compute;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.transport.nats.link.LinkListener;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.sequence.InboundStream;
import io.bacalhau.transport.nats.sequence.Outbox;
import io.bacalhau.transport.nats.sequence.SequenceGate;
import io.bacalhau.transport.nats.wire.Decoded;
import io.bacalhau.transport.nats.wire.Subjects;
import io.bacalhau.transport.nats.wire.WireCodec;
import io.bacalhau.transport.nats.wire.messages.BidResult;
import io.bacalhau.transport.nats.wire.messages.CancelResult;
import io.bacalhau.transport.nats.wire.messages.ComputeError;
import io.bacalhau.transport.nats.wire.messages.ExecutionEvent;
import io.bacalhau.transport.nats.wire.messages.ExecutionProgress;
import io.bacalhau.transport.nats.wire.messages.RunResult;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compute node's end of the transport. It joins the orchestrator (handshake), keeps telling it
 * the node is alive (heartbeats, node-info updates), hands what the orchestrator sends to the local
 * {@link ComputeChannel} (a ComputeNode), and is that node's {@link ComputeCallback}: each report
 * becomes a numbered message on the node's {@code out.msgs} subject.
 */
public final class ComputeTransport implements ComputeCallback, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ComputeTransport.class);

  private final NatsLink link;
  private final Supplier<NodeInfo> info;
  private final ComputeTransportSettings settings;
  private final Clock clock;
  private final String nodeId;
  private final Instant startTime;
  private final Outbox outbox;
  private final SequenceGate gate;
  private final ControlClient control;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("nats-compute-heartbeat").factory());
  private volatile InboundStream inbound;
  private volatile boolean joined;
  private volatile String refusal;
  private volatile NodeInfo infoSent;
  private volatile Instant infoSentAt = Instant.MIN;
  private AutoCloseable subscription;

  /**
   * @param info what the node advertises now; asked at each handshake and heartbeat (the compute
   *     node may not exist yet when this is built: it needs this transport as its callback)
   */
  public ComputeTransport(
      NatsLink link,
      String nodeId,
      Supplier<NodeInfo> info,
      ComputeTransportSettings settings,
      Clock clock) {
    this.link = link;
    this.info = info;
    this.settings = settings;
    this.clock = clock;
    this.nodeId = nodeId;
    if (!Subjects.validNodeId(nodeId)) {
      throw BacalhauException.badRequest(
          "node ID '" + nodeId + "' cannot be used on NATS",
          "a node ID must not be empty nor contain dots, spaces, '*' or '>'");
    }
    this.startTime = clock.instant();
    String out = Subjects.computeOutMsgs(nodeId);
    this.outbox = new Outbox(nodeId, e -> link.publish(out, WireCodec.encode(e)));
    this.gate = new SequenceGate(settings.checkpoint());
    this.control = new ControlClient(link, nodeId, settings.requestTimeout());
  }

  /**
   * Joins the orchestrator and serves {@code local} until closed. Fails when the orchestrator
   * refuses this node (with its reason) or none answers within the join timeout.
   */
  public ComputeTransport start(ComputeChannel local) {
    inbound =
        new InboundStream("from the orchestrator", gate, new OrchestratorRequests(local)::deliver);
    subscription = link.subscribe(Subjects.computeInMsgs(nodeId), this::onMessage);
    link.addListener(
        new LinkListener() {
          @Override
          public void reconnected() {
            joined = false;
            timer.execute(ComputeTransport.this::tick);
          }
        });
    join();
    long period = settings.heartbeatInterval().toMillis();
    timer.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    return this;
  }

  private void join() {
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    long backoffMillis = 100;
    while (true) {
      try {
        handshake();
        return;
      } catch (BacalhauException e) {
        if (refusal != null) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          throw BacalhauException.builder(
                  ErrorCode.SERVICE_UNAVAILABLE,
                  "no orchestrator admitted compute node "
                      + nodeId
                      + " within "
                      + settings.joinTimeout()
                      + ": "
                      + e.getMessage())
              .component("NATS")
              .hint("check Compute.Orchestrators and that the orchestrator is running")
              .cause(e)
              .build();
        }
        LOG.info("joining the orchestrator: {}; trying again", e.getMessage());
      }
      try {
        Thread.sleep(backoffMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw BacalhauException.of(
            ErrorCode.REQUEST_CANCELLED, "interrupted joining the orchestrator");
      }
      backoffMillis = Math.min(backoffMillis * 2, settings.heartbeatInterval().toMillis());
    }
  }

  private synchronized void handshake() {
    NodeInfo current = info.get();
    var answer = control.handshake(current, startTime, gate.lastProcessed(), outbox.acked());
    if (!answer.accepted()) {
      refusal = answer.reason();
      LOG.error("the orchestrator refused compute node {}: {}", nodeId, answer.reason());
      throw BacalhauException.builder(
              ErrorCode.UNAUTHORIZED,
              "the orchestrator refused compute node " + nodeId + ": " + answer.reason())
          .component("NATS")
          .build();
    }
    gate.advanceTo(answer.startingOrchestratorSeqNum());
    outbox.acknowledged(answer.lastComputeSeqNum());
    joined = true;
    infoSent = current;
    infoSentAt = clock.instant();
    LOG.info("compute node {} joined the orchestrator", nodeId);
    // The first heartbeat tells the orchestrator this node took the starting point: it then
    // resends what the node missed. This side resends what the orchestrator missed.
    heartbeat(false);
    outbox.resendUnacked();
  }

  private void tick() {
    if (refusal != null) {
      return;
    }
    try {
      if (!joined) {
        handshake();
        return;
      }
      heartbeat(true);
      NodeInfo current = info.get();
      boolean due = clock.instant().isAfter(infoSentAt.plus(settings.infoUpdateInterval()));
      if ((due || !current.equals(infoSent)) && control.updateInfo(current)) {
        infoSent = current;
        infoSentAt = clock.instant();
      }
    } catch (RuntimeException e) {
      LOG.warn("compute node {}: {}", nodeId, e.getMessage());
    }
  }

  private void heartbeat(boolean resendIfStalled) {
    var answer = control.heartbeat(info.get().computeNodeInfo(), gate.lastProcessed());
    if (!answer.accepted()) {
      LOG.info("orchestrator: {}", answer.reason());
      joined = false;
      return;
    }
    outbox.acknowledged(answer.lastComputeSeqNum());
    if (resendIfStalled) {
      outbox.resendIfStalled();
    }
  }

  private void onMessage(String subject, byte[] data, String replyTo) {
    switch (WireCodec.decode(data)) {
      case Decoded.Rejected r ->
          LOG.warn("dropped a message from the orchestrator: {}", r.reason());
      case Decoded.Message m when !m.envelope().nodeId().equals(nodeId) ->
          LOG.warn(
              "dropped {}: it is for node '{}', not {}",
              m.envelope().type().wireName(),
              m.envelope().nodeId(),
              nodeId);
      case Decoded.Message m -> inbound.accept(m.envelope());
    }
  }

  /** True once the orchestrator admitted this node and still hears it. */
  public boolean joined() {
    return joined;
  }

  @Override
  public void bidResult(String executionId, boolean accepted, String reason) {
    outbox.send(new BidResult(executionId, accepted, reason));
  }

  @Override
  public void progressed(String executionId, ExecutionStateType state) {
    outbox.send(new ExecutionProgress(executionId, state));
  }

  @Override
  public void runResult(String executionId, SpecConfig published, RunCommandResult output) {
    outbox.send(new RunResult(executionId, published, output));
  }

  @Override
  public void computeError(String executionId, BacalhauException error, RunCommandResult output) {
    Event event = Event.fromError(HistoryTopics.EXECUTION, error, clock.instant());
    outbox.send(new ComputeError(executionId, event, output));
  }

  @Override
  public void cancelled(String executionId, String reason) {
    outbox.send(new CancelResult(executionId, reason));
  }

  @Override
  public void event(String executionId, Event event) {
    outbox.send(new ExecutionEvent(executionId, event));
  }

  /**
   * Tells the orchestrator this node leaves (best effort: not while the broker is away, which would
   * hold a stopping node for the request timeout), then stops heartbeats.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    if (joined && link.connected()) {
      try {
        control.shutdownNotice("node shutting down", gate.lastProcessed());
      } catch (RuntimeException e) {
        LOG.info("the orchestrator did not hear this node leave: {}", e.getMessage());
      }
    }
    joined = false;
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.debug("unsubscribing failed", e);
      }
    }
  }
}
