package io.bacalhau.transport.nats.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.transport.nats.link.LinkSettings;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.testing.Cluster;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An orchestrator killed with SIGKILL leaves its nats-server running on the port (its exit hook
 * never runs); the next orchestrator on the data dir must still get the port.
 */
class StaleBrokerTest {
  @TempDir Path dir;

  @Test
  void aBrokerLeftByAKilledOrchestratorIsStoppedAndTheNewOneTakesThePort() throws Exception {
    Cluster.requireNatsServer();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    // What a killed orchestrator leaves: its broker, started from this folder's configuration,
    // with no JVM left to stop it.
    Path conf = dir.resolve("nats-server.conf");
    Files.writeString(
        conf,
        "host: \"127.0.0.1\"\nport: "
            + port
            + "\npid_file: \""
            + StaleBroker.pidFile(dir)
            + "\"\n");
    Process orphan =
        new ProcessBuilder(NatsServerBinary.require().toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("orphan.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(StaleBroker.pidFile(dir)) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      try (NatsBroker broker =
              NatsBroker.start(BrokerSettings.supervised("127.0.0.1", port, Cluster.TOKEN, dir));
          NatsLink link =
              NatsLink.connect(LinkSettings.of(broker.clientUrl(), Cluster.TOKEN, "t"))) {
        assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "the leftover broker was stopped");
        assertTrue(link.connected());
        assertTrue(broker.clientUrl().endsWith(":" + port), broker.clientUrl());
      }
    } finally {
      orphan.destroyForcibly();
    }
    assertFalse(orphan.isAlive());
  }
}
