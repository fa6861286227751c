package io.bacalhau.transport.nats.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.transport.nats.broker.NatsBroker;
import io.bacalhau.transport.nats.testing.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request on a subject nobody subscribes to (a compute node on a NATS server whose orchestrator
 * is not running yet, or restarting: {@code Orchestrator.NATS.URL}) is answered by the server with
 * "no responders", which jnats reports by cancelling the request. That escaped as a bare
 * CancellationException with the message "get": it ended a compute fleet's start and was all a
 * node's log said. It is now a retryable error naming the subject and the server.
 */
class NoRespondersTest {
  @TempDir Path dir;

  @Test
  void aRequestNobodyListensToIsARetryableErrorNamingTheSubject() {
    try (NatsBroker broker = Cluster.broker(dir);
        NatsLink link = NatsLink.connect(LinkSettings.of(broker.clientUrl(), Cluster.TOKEN, "n"))) {
      for (int i = 0; i < 3; i++) {
        BacalhauException e =
            assertThrows(
                BacalhauException.class,
                () -> link.request("nobody.listens", new byte[] {1}, Duration.ofSeconds(5)));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
        assertTrue(e.retryable());
        assertEquals(
            "no orchestrator listens on nobody.listens at "
                + broker.clientUrl()
                + " (no responders)",
            e.getMessage());
      }
    }
  }
}
