package io.bacalhau.transport.nats.wire.messages;

/** The body of a message; each record is one of Bacalhau's message types. */
public sealed interface Payload
    permits HandshakeRequest,
        HandshakeResponse,
        HeartbeatRequest,
        HeartbeatResponse,
        UpdateNodeInfoRequest,
        UpdateNodeInfoResponse,
        ShutdownNoticeRequest,
        ShutdownNoticeResponse,
        AskForBid,
        BidAccepted,
        BidRejected,
        CancelExecution,
        BidResult,
        RunResult,
        ComputeError,
        CancelResult,
        ExecutionProgress,
        ExecutionEvent {}
