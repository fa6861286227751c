package io.bacalhau.transport.nats.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.transport.nats.node.ComputeSettings;
import io.bacalhau.transport.nats.node.ComputeSide;
import io.bacalhau.transport.nats.node.OrchestratorSettings;
import io.bacalhau.transport.nats.node.OrchestratorSide;
import io.bacalhau.transport.nats.testing.Call;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.LogCapture;
import io.bacalhau.transport.nats.testing.RecordingChannel;
import io.bacalhau.transport.nats.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS for NATS with Bacalhau's keys, through the same settings and sides {@code serve} uses: the
 * orchestrator's nats-server speaks TLS with a certificate made here, a compute node that trusts
 * its CA joins and gets work, and one without that CA (or trusting another) is refused with an
 * error that says what to set.
 */
class NatsTlsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private TestCertificates certs;

  @BeforeEach
  void certificates() throws Exception {
    Cluster.requireNatsServer();
    certs = TestCertificates.make(dir.resolve("certs"));
  }

  private BacalhauConfig config(Path home, String... overrides) {
    return new ConfigLoader()
        .load(
            new ConfigInputs(
                Map.of("HOME", home.toString()), home, List.of(overrides), null, null, null));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private OrchestratorSide tlsOrchestrator() throws IOException {
    return OrchestratorSide.start(
        OrchestratorSettings.from(
            config(
                dir.resolve("orchestrator"),
                "Orchestrator.Host=127.0.0.1",
                "Orchestrator.Port=" + freePort(),
                "Orchestrator.Auth.Token=" + Cluster.TOKEN,
                "Orchestrator.TLS.ServerCert=" + certs.serverCert(),
                "Orchestrator.TLS.ServerKey=" + certs.serverKey(),
                "Orchestrator.TLS.ServerTimeout=3")));
  }

  private ComputeSide compute(String url, String... tls) {
    List<String> keys = new ArrayList<>(List.of(tls));
    keys.add("Compute.Orchestrators=" + url);
    keys.add("Compute.Auth.Token=" + Cluster.TOKEN);
    keys.add("Compute.Heartbeat.Interval=200ms");
    return ComputeSide.connect(
        ComputeSettings.from(config(dir.resolve("compute"), keys.toArray(String[]::new))), "n-1");
  }

  @Test
  void aComputeNodeTrustingTheCaJoinsATlsOrchestratorAndGetsWork() throws Exception {
    try (OrchestratorSide orchestrator = tlsOrchestrator();
        ComputeSide compute =
            compute(orchestrator.advertisedUrl(), "Compute.TLS.CACert=" + certs.caCert())) {
      RecordingChannel node = new RecordingChannel();
      compute.join(() -> Fixtures.node("n-1"), node);
      assertEquals(
          NodeConnection.CONNECTED, orchestrator.registry().get("n-1").orElseThrow().connection());
      orchestrator.channel("n-1").orElseThrow().cancel("e-1", "over TLS");
      assertEquals(Call.of("cancel", "e-1", "over TLS"), node.next(WAIT));
    }
  }

  @Test
  void aComputeNodeWithoutTheCaIsRefusedAndTheOrchestratorSaysWhy() throws Exception {
    try (LogCapture log = new LogCapture();
        OrchestratorSide orchestrator = tlsOrchestrator()) {
      String url = orchestrator.advertisedUrl();

      BacalhauException plain = assertThrows(BacalhauException.class, () -> compute(url));
      assertEquals(ErrorCode.CONFIGURATION_ERROR, plain.code());
      assertEquals(
          "the NATS broker at " + url + " requires TLS, and this node does not use it",
          plain.getMessage());
      assertTrue(plain.hint().contains("Compute.TLS.CACert"), plain.hint());

      BacalhauException other =
          assertThrows(
              BacalhauException.class,
              () -> compute(url, "Compute.TLS.CACert=" + certs.otherCaCert()));
      assertTrue(
          other
              .getMessage()
              .startsWith(
                  "the NATS broker at "
                      + url
                      + " presented a certificate that the CA in "
                      + certs.otherCaCert()
                      + " did not sign"),
          other.getMessage());
      assertTrue(other.hint().contains("Compute.TLS.CACert"), other.hint());

      BacalhauException system =
          assertThrows(BacalhauException.class, () -> compute(url, "Compute.TLS.RequireTLS=true"));
      assertTrue(
          system.getMessage().contains("the system's CAs did not sign"), system.getMessage());
      assertTrue(
          log.awaitLine("NATS broker: TLS handshake with a client at 127.0.0.1:", WAIT),
          "the orchestrator did not log the refused handshake");
    }
  }

  @Test
  void aComputeNodeThatRequiresTlsRefusesABrokerWithout() throws Exception {
    try (var broker = Cluster.broker(dir.resolve("plain"))) {
      BacalhauException e =
          assertThrows(
              BacalhauException.class,
              () -> compute(broker.clientUrl(), "Compute.TLS.CACert=" + certs.caCert()));
      assertEquals(
          "the NATS broker at "
              + broker.clientUrl()
              + " does not offer TLS, and this node requires it (Compute.TLS.CACert is set)",
          e.getMessage());
    }
  }

  @Test
  void aCertificateWithoutItsKeyOrAMissingFileIsAnErrorNamingTheKey() {
    BacalhauException half =
        assertThrows(
            BacalhauException.class,
            () ->
                OrchestratorSettings.from(
                    config(dir, "Orchestrator.TLS.ServerCert=" + certs.serverCert())));
    assertEquals(
        "Orchestrator.TLS.ServerCert is set but Orchestrator.TLS.ServerKey is not",
        half.getMessage());
    Path missing = dir.resolve("nope.pem");
    BacalhauException absent =
        assertThrows(
            BacalhauException.class,
            () -> ComputeSettings.from(config(dir, "Compute.TLS.CACert=" + missing)));
    assertEquals("Compute.TLS.CACert: no readable file at " + missing, absent.getMessage());
  }
}
