package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;

/** Compute to orchestrator: the run ended and its results were published. */
public record RunResult(
    @JsonProperty("ExecutionID") String executionId,
    @JsonProperty("PublishResult") SpecConfig publishResult,
    @JsonProperty("RunCommandResult") RunCommandResult runCommandResult)
    implements Payload {}
