package io.bacalhau.transport.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.transport.nats.compute.ComputeTransport;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.testing.Call;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.Frames;
import io.bacalhau.transport.nats.testing.LogCapture;
import io.bacalhau.transport.nats.testing.RecordingChannel;
import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.Subjects;
import io.bacalhau.transport.nats.wire.WireCodec;
import io.bacalhau.transport.nats.wire.messages.BidResult;
import io.bacalhau.transport.nats.wire.messages.CancelExecution;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed, truncated, unknown, replayed and misaddressed messages are logged with their reason
 * and dropped; the next good message still gets through, exactly once.
 */
class BadInputTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Cluster cluster;
  private LogCapture log;
  private ComputeTransport compute;
  private RecordingChannel computeSide;
  private NatsLink intruder;

  @BeforeEach
  void start() {
    cluster = Cluster.start(dir);
    computeSide = new RecordingChannel();
    compute = cluster.join(() -> Fixtures.node("n-1"), computeSide, Duration.ofSeconds(30));
    intruder = cluster.link("intruder", Cluster.TOKEN);
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    log.close();
    cluster.close();
  }

  @Test
  void badMessagesFromAComputeNodeAreLoggedAndDropped() throws Exception {
    compute.bidResult("e-1", true, "");
    assertEquals(Call.of("bidResult", "e-1", true, ""), cluster.results.next(WAIT));

    String out = Subjects.computeOutMsgs("n-1");
    byte[] good = WireCodec.encode(Envelope.sequenced("n-1", 1, new BidResult("e-1", true, "")));
    send(out, "this is not an envelope".getBytes(StandardCharsets.UTF_8));
    send(out, Arrays.copyOf(good, good.length - 10));
    send(out, Frames.frame("{\"Metadata\":{\"Bacalhau-Type\":\"Bogus\"},\"Payload\":{}}"));
    send(out, good); // a replay of seq 1
    send(out, WireCodec.encode(Envelope.sequenced("n-2", 2, new BidResult("e-9", true, ""))));
    send(
        Subjects.computeOutMsgs("n-9"),
        WireCodec.encode(Envelope.sequenced("n-9", 1, new BidResult("e-9", true, ""))));

    for (String line :
        List.of(
            "dropped a data message from node n-1: unsupported envelope version 116",
            "dropped a data message from node n-1: CRC mismatch",
            "dropped a data message from node n-1: unknown message type 'Bogus'",
            "dropped replayed BidResult seq 1",
            "dropped BidResult from node n-1: it names node 'n-2'",
            "dropped BidResult from node n-9: it has not handshaken")) {
      assertTrue(log.awaitLine(line, WAIT), "no log line: " + line + "\n" + log.text());
    }
    compute.bidResult("e-2", false, "busy");
    assertEquals(Call.of("bidResult", "e-2", false, "busy"), cluster.results.next(WAIT));
    cluster.results.assertNoMore(Duration.ofMillis(300));
  }

  @Test
  void aBadControlRequestGetsNoAnswerAndTheOrchestratorKeepsServing() throws Exception {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                intruder.request(
                    Subjects.computeOutCtrl("n-1"),
                    Frames.frame(
                        "{\"Metadata\":{\"Bacalhau-Type\":\"transport.HandshakeRequest\"},\"Payload\":{}}"),
                    Duration.ofMillis(500)));
    assertTrue(e.getMessage().contains("no answer"), e.getMessage());
    assertTrue(
        log.awaitLine("transport.HandshakeRequest: NodeInfo.NodeID is missing", WAIT), log.text());
    compute.bidResult("e-1", true, "");
    assertEquals(Call.of("bidResult", "e-1", true, ""), cluster.results.next(WAIT));
  }

  @Test
  void badMessagesToAComputeNodeAreLoggedAndDropped() throws Exception {
    String in = Subjects.computeInMsgs("n-1");
    send(in, new byte[] {1, 2, 3});
    send(in, WireCodec.encode(Envelope.sequenced("n-2", 1, new CancelExecution("e-1", "x"))));
    assertTrue(
        log.awaitLine("dropped a message from the orchestrator: truncated", WAIT), log.text());
    assertTrue(
        log.awaitLine("dropped CancelExecution: it is for node 'n-2', not n-1", WAIT), log.text());
    cluster.orchestrator.channel("n-1").orElseThrow().cancel("e-1", "stop");
    assertEquals(Call.of("cancel", "e-1", "stop"), computeSide.next(WAIT));
    computeSide.assertNoMore(Duration.ofMillis(300));
  }

  private void send(String subject, byte[] data) {
    intruder.publish(subject, data);
    intruder.flush(Duration.ofSeconds(5));
  }
}
