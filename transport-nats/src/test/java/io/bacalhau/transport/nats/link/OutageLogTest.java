package io.bacalhau.transport.nats.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.transport.nats.broker.NatsBroker;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose broker is gone says so once, not four times a second for as long as it is gone (a
 * compute node's log filled with "lost the NATS broker" while its orchestrator restarted).
 */
class OutageLogTest {
  @TempDir Path dir;

  @Test
  void aLostBrokerIsLoggedOncePerOutage() throws Exception {
    NatsBroker broker = Cluster.broker(dir);
    try (LogCapture log = new LogCapture();
        NatsLink link = NatsLink.connect(LinkSettings.of(broker.clientUrl(), Cluster.TOKEN, "t"))) {
      assertTrue(link.connected());
      broker.close();
      assertTrue(log.awaitLine("lost the NATS broker", Duration.ofSeconds(5)), log.text());
      Thread.sleep(2000); // eight reconnect attempts
      assertEquals(1, log.text().split("lost the NATS broker", -1).length - 1, log.text());
    }
  }
}
