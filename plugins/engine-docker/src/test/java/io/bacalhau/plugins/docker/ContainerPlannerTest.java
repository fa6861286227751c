package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container a request becomes; planned without a Docker daemon. */
class ContainerPlannerTest {
  @TempDir Path dir;

  private static ContainerPlan plan(RunRequest request) throws Exception {
    try (NetworkSetup network =
        NetworkSetup.prepare(
            null, NetworkConfig.DEFAULT, "n", Map.of(), AddressPolicy.embedded(), refused -> {})) {
      return ContainerPlanner.plan(
          request, DockerParams.from(request.engineSpec()), network, Map.of(), false);
    }
  }

  @Test
  void eachResultFolderIsBoundWritableAtItsPath() throws Exception {
    DockerTestSupport.Run run = new DockerTestSupport.Run(dir, "true");
    run.results.add(new ResultPath("outputs", "/outputs"));
    RunRequest request = run.request();
    ContainerPlan.Mount mount = plan(request).mounts().getFirst();
    assertEquals(
        request.resultsDir().resolve("outputs").toAbsolutePath().toString(), mount.hostPath());
    assertEquals("/outputs", mount.containerPath());
    assertFalse(mount.readOnly());
  }

  /**
   * A result path name with '../' once bound (and created) a host folder outside the execution's
   * folder, writable by the container. The node validates names; the engine refuses them too.
   */
  @Test
  void aResultNameThatClimbsOutOfTheResultsFolderIsRefusedBeforeAnyFolderIsMade() throws Exception {
    DockerTestSupport.Run run = new DockerTestSupport.Run(dir, "true");
    run.results.add(new ResultPath("../../escaped", "/outputs"));
    BacalhauException e = assertThrows(BacalhauException.class, () -> plan(run.request()));
    assertTrue(e.getMessage().contains("result path name '../../escaped'"), e.getMessage());
    assertTrue(e.failsExecution());
    assertFalse(Files.exists(dir.resolve("escaped")));
  }

  @Test
  void requestedGpusBecomeAnNvidiaDeviceRequestAndNoneAskNoDevice() throws Exception {
    DockerTestSupport.Run run = new DockerTestSupport.Run(dir, "true");
    run.resources = new io.bacalhau.core.models.Resources(1, 1L << 20, 0, 2);
    ContainerPlan plan = plan(run.request());
    assertEquals(2, plan.gpus());
    var devices = DockerApi.hostConfig(plan).getDeviceRequests();
    assertEquals(1, devices.size());
    assertEquals("nvidia", devices.getFirst().getDriver());
    assertEquals(2, devices.getFirst().getCount());
    assertEquals(java.util.List.of(java.util.List.of("gpu")), devices.getFirst().getCapabilities());

    DockerTestSupport.Run cpuOnly = new DockerTestSupport.Run(dir, "true");
    assertEquals(null, DockerApi.hostConfig(plan(cpuOnly.request())).getDeviceRequests());
  }

  @Test
  void platformsCompareOsAndArchitectureInGoNames() {
    Platform node = new Platform("linux", "x86_64");
    assertTrue(node.runs(new Platform("linux", "amd64")));
    assertFalse(node.runs(new Platform("linux", "arm64")));
    assertFalse(node.runs(new Platform("windows", "amd64")));
    assertTrue(node.runs(new Platform("", "")), "an image that does not say is given the benefit");
    assertEquals("linux/arm64", new Platform("Linux", "aarch64").toString());
  }
}
