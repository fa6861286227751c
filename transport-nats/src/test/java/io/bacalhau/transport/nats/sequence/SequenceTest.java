package io.bacalhau.transport.nats.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.messages.BidRejected;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox keeps what was not acknowledged; the gate lets each message through once, in order.
 */
class SequenceTest {
  @TempDir Path dir;

  @Test
  void theGateLetsTheNextThroughAndDropsReplaysAndGaps() {
    SequenceGate gate = new SequenceGate(Checkpoint.inMemory());
    assertEquals(SequenceGate.Verdict.NEXT, gate.check(1));
    gate.processed(1);
    assertEquals(SequenceGate.Verdict.DUPLICATE, gate.check(1));
    assertEquals(SequenceGate.Verdict.GAP, gate.check(3));
    assertEquals(SequenceGate.Verdict.NEXT, gate.check(2));
  }

  /**
   * A handshake answer that was on its way while later messages were processed once moved the gate
   * back, and the resent copies of those messages ran a second time (seen in ReconnectTest).
   */
  @Test
  void aHandshakeNeverMovesTheGateBack() {
    SequenceGate gate = new SequenceGate(Checkpoint.inMemory());
    for (long seq = 1; seq <= 5; seq++) {
      gate.processed(seq);
    }
    gate.advanceTo(2); // the orchestrator's answer to a handshake sent at seq 2
    assertEquals(SequenceGate.Verdict.DUPLICATE, gate.check(3));
    gate.advanceTo(9); // a node that forgot: resume where the orchestrator says
    assertEquals(SequenceGate.Verdict.NEXT, gate.check(10));
  }

  @Test
  void aFileCheckpointResumesAfterARestart() {
    Path file = dir.resolve("compute/orchestrator.seq");
    SequenceGate before = new SequenceGate(new FileCheckpoint(file));
    before.processed(1);
    before.processed(2);
    SequenceGate after = new SequenceGate(new FileCheckpoint(file));
    assertEquals(SequenceGate.Verdict.DUPLICATE, after.check(2));
    assertEquals(SequenceGate.Verdict.NEXT, after.check(3));
  }

  @Test
  void theOutboxResendsOnlyWhatWasNotAcknowledged() {
    List<Long> sent = new ArrayList<>();
    Outbox outbox = new Outbox("n-1", e -> sent.add(e.seqNum()));
    for (int i = 0; i < 5; i++) {
      outbox.send(new BidRejected("e-" + i, ""));
    }
    outbox.acknowledged(3);
    sent.clear();
    assertEquals(2, outbox.resendUnacked());
    assertEquals(List.of(4L, 5L), sent);
  }

  @Test
  void aStalledAcknowledgementTriggersAResendButAFreshMessageGetsATick() {
    List<Long> sent = new ArrayList<>();
    Outbox outbox = new Outbox("n-1", e -> sent.add(e.seqNum()));
    outbox.send(new BidRejected("e-1", ""));
    sent.clear();
    outbox.resendIfStalled(); // sent since the last tick: wait one more
    assertEquals(List.of(), sent);
    outbox.resendIfStalled(); // still not acknowledged a tick later: resend
    assertEquals(List.of(1L), sent);
  }

  @Test
  void aSendThatFailsStaysForTheNextResend() {
    List<Long> sent = new ArrayList<>();
    boolean[] down = {true};
    Outbox outbox =
        new Outbox(
            "n-1",
            e -> {
              if (down[0]) {
                throw new IllegalStateException("connection closed");
              }
              sent.add(e.seqNum());
            });
    Envelope first = outbox.send(new BidRejected("e-1", ""));
    down[0] = false;
    outbox.resendUnacked();
    assertEquals(List.of(first.seqNum()), sent);
  }

  @Test
  void aReceiverAheadOfARestartedSenderMovesTheNumberingPastIt() {
    Outbox outbox = new Outbox("n-1", e -> {});
    outbox.acknowledged(30);
    assertEquals(31, outbox.send(new BidRejected("e-1", "")).seqNum());
  }
}
