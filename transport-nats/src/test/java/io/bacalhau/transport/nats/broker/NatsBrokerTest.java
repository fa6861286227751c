package io.bacalhau.transport.nats.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.transport.nats.link.LinkListener;
import io.bacalhau.transport.nats.link.LinkSettings;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestrator's broker: a real nats-server on 127.0.0.1, started, guarded, restarted. */
class NatsBrokerTest {
  @TempDir Path dir;

  @Test
  void startsOnLoopbackOnAFreePortAndTakesTheRightToken() {
    try (NatsBroker broker = Cluster.broker(dir);
        NatsLink link = NatsLink.connect(LinkSettings.of(broker.clientUrl(), Cluster.TOKEN, "t"))) {
      assertTrue(broker.clientUrl().matches("nats://127\\.0\\.0\\.1:\\d+"), broker.clientUrl());
      assertTrue(link.connected());
    }
  }

  @Test
  void theTokenIsInAFileOnlyTheOwnerReadsNotOnTheCommandLine() throws Exception {
    try (NatsBroker broker = Cluster.broker(dir)) {
      String commandLine =
          ProcessHandle.of(broker.pid()).orElseThrow().info().commandLine().orElse("");
      assertTrue(!commandLine.contains(Cluster.TOKEN), commandLine);
      Set<PosixFilePermission> perms =
          Files.getPosixFilePermissions(dir.resolve("nats-server.conf"));
      assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms);
    }
  }

  @Test
  void aWrongTokenIsRefusedWithAClearMessageOnBothSides() throws Exception {
    try (NatsBroker broker = Cluster.broker(dir);
        LogCapture log = new LogCapture()) {
      BacalhauException e =
          assertThrows(
              BacalhauException.class,
              () -> NatsLink.connect(LinkSettings.of(broker.clientUrl(), "not-the-token", "t")));
      // The compute node's side: which broker refused it, and what to fix.
      assertEquals(ErrorCode.UNAUTHORIZED, e.code());
      assertTrue(
          e.getMessage()
              .contains("the NATS broker at " + broker.clientUrl() + " refused this node's token"),
          e.getMessage());
      assertTrue(e.hint().contains("Compute.Auth.Token"), e.hint());
      // The orchestrator's side: its broker supervisor logs the refused client.
      assertTrue(
          log.awaitLine("NATS broker refused a client at 127.0.0.1:", Duration.ofSeconds(5)),
          log.text());
    }
  }

  @Test
  void aMissingBinaryIsAnErrorThatNamesIt() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class, () -> NatsServerBinary.require(dir.toString(), List.of()));
    assertTrue(
        e.getMessage().contains("nats-server (the NATS broker) was not found"), e.getMessage());
    assertTrue(e.hint().contains("apt-get install nats-server"), e.hint());
  }

  @Test
  void anUnreachableExternalBrokerIsAnErrorThatNamesItsUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "nats://127.0.0.1:" + port;
    BacalhauException e =
        assertThrows(
            BacalhauException.class, () -> NatsBroker.start(BrokerSettings.external(url, "")));
    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
    assertTrue(
        e.getMessage().contains("the NATS broker at " + url + " is unreachable"), e.getMessage());
  }

  @Test
  void aBrokerThatDiesIsStartedAgainOnTheSamePortAndClientsComeBack() throws Exception {
    try (NatsBroker broker = Cluster.broker(dir);
        NatsLink link = NatsLink.connect(LinkSettings.of(broker.clientUrl(), Cluster.TOKEN, "t"))) {
      String url = broker.clientUrl();
      long pid = broker.pid();
      CountDownLatch back = new CountDownLatch(1);
      link.addListener(
          new LinkListener() {
            @Override
            public void reconnected() {
              back.countDown();
            }
          });
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      assertTrue(back.await(20, TimeUnit.SECONDS), "the client did not reconnect");
      assertNotEquals(pid, broker.pid());
      assertEquals(url, broker.clientUrl());
    }
  }
}
