package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.models.NodeState;
import java.time.Instant;

/**
 * A node as the orchestrator keeps it between restarts: its state, and the start time its process
 * gave at its last handshake (null when none was given). The start time is kept so that a node
 * restarted while the orchestrator was also down is still seen to have restarted: the executions
 * its old process held are gone with it.
 */
public record KnownNode(NodeState state, Instant startTime) {}
