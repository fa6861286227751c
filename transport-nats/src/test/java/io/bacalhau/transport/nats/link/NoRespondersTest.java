package io.bacalhau.transport.nats.link;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.transport.nats.broker.NatsBroker;
import io.bacalhau.transport.nats.testing.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request nobody subscribes to (the broker is up, its orchestrator is not: killed, or not yet
 * listening) is a retryable error naming the subject. jnats cancels such a request's future, and
 * the bare {@code CancellationException("get")} escaped: a compute node starting or rejoining then
 * exited with "Error: get", and its heartbeats logged "compute node c: get".
 */
class NoRespondersTest {
  @TempDir Path dir;

  @Test
  void aRequestNoOneAnswersIsARetryableErrorNamingTheSubject() throws Exception {
    NatsBroker broker = Cluster.broker(dir);
    try (NatsLink link =
        NatsLink.connect(LinkSettings.of(broker.clientUrl(), Cluster.TOKEN, "t"))) {
      BacalhauException e =
          assertThrows(
              BacalhauException.class,
              () -> link.request("nobody.listens", new byte[] {1}, Duration.ofSeconds(5)));
      assertTrue(e.getMessage().contains("nobody.listens"), e.getMessage());
      assertTrue(e.retryable(), e.toString());
    } finally {
      broker.close();
    }
  }
}
