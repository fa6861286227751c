package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.NodeInfo;

/** A compute node whose providers, labels or capacity changed. */
public record UpdateNodeInfoRequest(@JsonProperty("NodeInfo") NodeInfo nodeInfo)
    implements Payload {}
