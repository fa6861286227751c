package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.transport.nats.sequence.InboundStream;
import io.bacalhau.transport.nats.sequence.Outbox;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two streams between the orchestrator and one compute node. It outlives disconnections, so a
 * node that comes back resumes where it was: nothing it missed is lost, nothing it sent is redone.
 * {@code resumed} is set once the inbound stream took the first handshake's starting point.
 */
record NodeLink(
    Outbox outbox,
    InboundStream inbound,
    RemoteComputeChannel channel,
    AtomicBoolean resendOnNextHeartbeat,
    AtomicBoolean resumed) {}
