package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.transport.nats.sequence.DurablePoint;
import io.bacalhau.transport.nats.sequence.InboundStream;
import io.bacalhau.transport.nats.sequence.Outbox;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two streams between the orchestrator and one process of a compute node. It outlives
 * disconnections, so a node that comes back resumes where it was: nothing it missed is lost,
 * nothing it sent is redone. {@code recorded} is how far the node's reports are committed (what is
 * acknowledged to it); {@code resumed} is set once the inbound stream took the first handshake's
 * starting point; {@code startTime} is the node process's, from its handshake (null until then).
 */
record NodeLink(
    Outbox outbox,
    InboundStream inbound,
    DurablePoint recorded,
    RemoteComputeChannel channel,
    AtomicBoolean resendOnNextHeartbeat,
    AtomicBoolean resumed,
    AtomicReference<Instant> startTime) {}
