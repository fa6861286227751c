package io.bacalhau.transport.nats.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.transport.nats.broker.NatsBroker;
import io.bacalhau.transport.nats.link.LinkSettings;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.testing.Call;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.RecordingChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Orchestrator.NATS.URL}: the orchestrator uses a NATS server that already runs (here one
 * the test starts, as an operator would) and starts none of its own; compute nodes join through it;
 * closing the orchestrator leaves that server running.
 */
class ExternalNatsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private BacalhauConfig config(Path home, String... overrides) {
    return new ConfigLoader()
        .load(
            new ConfigInputs(
                Map.of("HOME", home.toString()), home, List.of(overrides), null, null, null));
  }

  @Test
  void anOrchestratorUsesTheNatsServerAtTheUrlAndStartsNone() throws Exception {
    try (NatsBroker operators = Cluster.broker(dir.resolve("operators-nats"))) {
      String url = operators.clientUrl();
      BacalhauConfig orchestratorConfig =
          config(
              dir.resolve("orchestrator"),
              "Orchestrator.NATS.URL=" + url.substring("nats://".length()),
              "Orchestrator.Auth.Token=" + Cluster.TOKEN);
      OrchestratorSettings settings = OrchestratorSettings.from(orchestratorConfig);
      assertTrue(OrchestratorSettings.configured(orchestratorConfig));
      try (OrchestratorSide orchestrator = OrchestratorSide.start(settings);
          ComputeSide compute =
              ComputeSide.connect(
                  ComputeSettings.from(
                      config(
                          dir.resolve("compute"),
                          "Compute.Orchestrators=" + orchestrator.advertisedUrl(),
                          "Compute.Auth.Token=" + Cluster.TOKEN,
                          "Compute.Heartbeat.Interval=200ms")),
                  "n-1")) {
        assertEquals(url, orchestrator.advertisedUrl());
        assertFalse(
            Files.exists(settings.brokerDir()),
            "the orchestrator prepared a nats-server of its own");
        RecordingChannel node = new RecordingChannel();
        compute.join(() -> Fixtures.node("n-1"), node);
        orchestrator.channel("n-1").orElseThrow().cancel("e-1", "through the operator's NATS");
        assertEquals(Call.of("cancel", "e-1", "through the operator's NATS"), node.next(WAIT));
      }
      // Not the orchestrator's to stop.
      NatsLink.connect(LinkSettings.of(url, Cluster.TOKEN, "after")).close();
    }
  }

  /**
   * On a NATS server that outlives the orchestrator, a compute node may start first: it keeps
   * trying its handshake (see NoRespondersTest for what the server answers meanwhile) and joins
   * when the orchestrator comes.
   */
  @Test
  void aComputeNodeStartedBeforeItsOrchestratorJoinsWhenItComes() throws Exception {
    try (NatsBroker operators = Cluster.broker(dir.resolve("operators-nats"))) {
      String url = operators.clientUrl();
      try (ComputeSide compute =
          ComputeSide.connect(
              ComputeSettings.from(
                  config(
                      dir.resolve("compute"),
                      "Compute.Orchestrators=" + url,
                      "Compute.Auth.Token=" + Cluster.TOKEN,
                      "Compute.Heartbeat.Interval=200ms")),
              "n-1")) {
        RecordingChannel node = new RecordingChannel();
        CompletableFuture<Void> joining =
            CompletableFuture.runAsync(() -> compute.join(() -> Fixtures.node("n-1"), node));
        Thread.sleep(700); // several handshakes nobody answers
        assertFalse(joining.isDone(), "the node gave up: " + joining);
        try (OrchestratorSide orchestrator =
            OrchestratorSide.start(
                OrchestratorSettings.from(
                    config(
                        dir.resolve("orchestrator"),
                        "Orchestrator.NATS.URL=" + url,
                        "Orchestrator.Auth.Token=" + Cluster.TOKEN)))) {
          joining.get(10, TimeUnit.SECONDS);
          orchestrator.channel("n-1").orElseThrow().cancel("e-1", "late orchestrator");
          assertEquals(Call.of("cancel", "e-1", "late orchestrator"), node.next(WAIT));
        }
      }
    }
  }

  @Test
  void anUnreachableUrlIsAnErrorNamingIt() throws IOException {
    Cluster.requireNatsServer();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "nats://127.0.0.1:" + port;
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                OrchestratorSide.start(
                    OrchestratorSettings.from(config(dir, "Orchestrator.NATS.URL=" + url))));
    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
    assertTrue(
        e.getMessage().startsWith("the NATS broker at " + url + " is unreachable"), e.getMessage());
  }

  @Test
  void aServerCertificateWithAnExternalUrlIsAnError() throws IOException {
    Path pem = Files.writeString(dir.resolve("x.pem"), "not read");
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                OrchestratorSettings.from(
                    config(
                        dir,
                        "Orchestrator.NATS.URL=nats://127.0.0.1:4222",
                        "Orchestrator.TLS.ServerCert=" + pem,
                        "Orchestrator.TLS.ServerKey=" + pem)));
    assertEquals(
        "Orchestrator.TLS.ServerCert is for the nats-server the orchestrator starts, and"
            + " Orchestrator.NATS.URL says it starts none",
        e.getMessage());
  }
}
