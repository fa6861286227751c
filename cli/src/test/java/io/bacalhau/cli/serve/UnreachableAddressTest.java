package io.bacalhau.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A compute node that joins an orchestrator on another machine while it serves its logs and results
 * on loopback (the default Publishers.Types.Local.Address) is warned: job logs and job get through
 * that orchestrator could not reach it. Only IP literals here, so nothing is looked up.
 */
class UnreachableAddressTest {

  @Test
  void aLoopbackAddressWithARemoteOrchestratorIsWarnedAbout() {
    Optional<String> warning =
        ClusterServing.unreachable("http://127.0.0.1:6001", List.of("nats://10.1.2.3:4222"));
    assertTrue(warning.isPresent());
    assertTrue(warning.get().contains("Publishers.Types.Local.Address"), warning.get());
    assertTrue(warning.get().contains("nats://10.1.2.3:4222"), warning.get());
  }

  @Test
  void aLoopbackClusterOrAReachableAddressIsNot() {
    assertEquals(
        Optional.empty(),
        ClusterServing.unreachable("http://127.0.0.1:6001", List.of("nats://127.0.0.1:4222")));
    assertEquals(
        Optional.empty(),
        ClusterServing.unreachable("http://10.1.2.4:6001", List.of("nats://10.1.2.3:4222")));
    assertEquals(Optional.empty(), ClusterServing.unreachable("", List.of("nats://10.1.2.3:4222")));
  }
}
