package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Gpu;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container a request becomes; planned without a Docker daemon. */
class ContainerPlannerTest {
  @TempDir Path dir;

  private static ContainerPlan plan(RunRequest request) throws Exception {
    return plan(request, GpuDevices.NONE);
  }

  private static ContainerPlan plan(RunRequest request, GpuDevices gpus) throws Exception {
    try (NetworkSetup network =
        NetworkSetup.prepare(
            null, NetworkConfig.DEFAULT, "n", Map.of(), AddressPolicy.embedded(), refused -> {})) {
      return ContainerPlanner.plan(
          request, DockerParams.from(request.engineSpec()), network, Map.of(), false, gpus);
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
  void gpusOfANodeThatDidNotFindThemBecomeAnNvidiaRequestByCountAndNoneAskNoDevice()
      throws Exception {
    DockerTestSupport.Run run = new DockerTestSupport.Run(dir, "true");
    var devices =
        DockerApi.hostConfig(plan(run.request(), GpuDevices.nvidiaCount(2))).getDeviceRequests();
    assertEquals(1, devices.size());
    assertEquals("nvidia", devices.getFirst().getDriver());
    assertEquals(2, devices.getFirst().getCount());
    assertEquals(List.of(List.of("gpu")), devices.getFirst().getCapabilities());

    var cpuOnly = DockerApi.hostConfig(plan(run.request(), GpuDevices.nvidiaCount(0)));
    assertEquals(null, cpuOnly.getDeviceRequests());
    assertEquals(null, cpuOnly.getDevices());
  }

  /** What ContainerIsolationIT reads back from a daemon, checked where no daemon runs. */
  @Test
  void everyContainerIsUnprivilegedWithTheKeptCapabilitiesOnlyAndNoNewPrivileges()
      throws Exception {
    var host = DockerApi.hostConfig(plan(new DockerTestSupport.Run(dir, "true").request()));
    assertEquals(Boolean.FALSE, host.getPrivileged());
    assertEquals(
        List.of(com.github.dockerjava.api.model.Capability.ALL), List.of(host.getCapDrop()));
    assertEquals(
        ContainerSecurity.CAPABILITIES_KEPT,
        java.util.Arrays.stream(host.getCapAdd()).map(Enum::name).toList());
    assertEquals(List.of("no-new-privileges"), host.getSecurityOpts());
    assertEquals(ContainerSecurity.PIDS_LIMIT, host.getPidsLimit());
    assertEquals("none", host.getNetworkMode());
  }

  @Test
  void nvidiaGpusAreRequestedByIndex() throws Exception {
    GpuDevices gpus =
        GpuDevices.of(List.of(new Gpu(1, Gpu.NVIDIA, "Tesla T4", 15360, ""), nvidia(3)), dri());
    var request =
        DockerApi.hostConfig(plan(new DockerTestSupport.Run(dir, "true").request(), gpus))
            .getDeviceRequests()
            .getFirst();
    assertEquals(List.of("1", "3"), request.getDeviceIds());
    assertEquals(null, request.getCount());
  }

  /**
   * AMD GPUs were offered to no container: Docker has no device request for them. Bacalhau maps
   * {@code /dev/kfd} and each GPU's DRI nodes, found by PCI address; only the GPU given is seen.
   */
  @Test
  void anAmdGpuIsMappedAsKfdAndItsOwnDriCardAndRenderNodes() throws Exception {
    Path dri = dri();
    GpuDevices gpus =
        GpuDevices.of(List.of(new Gpu(1, Gpu.AMD, "Radeon RX 6800", 16368, "0000:83:00.0")), dri);
    var mapped =
        DockerApi.hostConfig(plan(new DockerTestSupport.Run(dir, "true").request(), gpus))
            .getDevices();
    assertEquals(
        List.of("/dev/kfd", dri.resolve("card2").toString(), dri.resolve("renderD129").toString()),
        java.util.Arrays.stream(mapped).map(d -> d.getPathOnHost()).toList());
    for (var d : mapped) {
      assertEquals(d.getPathOnHost(), d.getPathInContainer());
      assertEquals("rwm", d.getcGroupPermissions());
    }
  }

  @Test
  void anIntelGpuIsMappedAsItsDriNodesOnly() throws Exception {
    Path dri = dri();
    GpuDevices gpus =
        GpuDevices.of(
            List.of(new Gpu(0, Gpu.INTEL, "Data Center GPU Flex 170", 15473, "0000:4d:00.0")), dri);
    assertEquals(
        List.of(dri.resolve("card1").toString(), dri.resolve("renderD128").toString()),
        gpus.devices());
    assertEquals(List.of(), gpus.nvidiaIds());
  }

  @Test
  void aGpuWhoseDriNodesAreMissingFailsNamingTheGpu() throws Exception {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                GpuDevices.of(
                    List.of(new Gpu(2, Gpu.AMD, "Instinct MI210", 65520, "0000:c1:00.0")), dri()));
    assertTrue(
        e.getMessage().startsWith("AMD/ATI GPU 2 (Instinct MI210): no card device at "),
        e.getMessage());
    assertTrue(e.failsExecution());
  }

  @Test
  void twoContainersAskingForOneGpuEachGetDifferentOnesAndAReleasedGpuIsFreeAgain() {
    GpuClaims claims = new GpuClaims(List.of(nvidia(0), nvidia(1)));
    List<Gpu> first = claims.claim(1);
    List<Gpu> second = claims.claim(1);
    assertEquals(List.of(nvidia(0)), first);
    assertEquals(List.of(nvidia(1)), second);
    BacalhauException full = assertThrows(BacalhauException.class, () -> claims.claim(1));
    assertTrue(full.getMessage().contains("0 of this node's 2 are free"), full.getMessage());
    claims.release(first);
    assertEquals(List.of(nvidia(0)), claims.claim(1));
  }

  private static Gpu nvidia(int index) {
    return new Gpu(index, Gpu.NVIDIA, "Tesla T4", 15360, "");
  }

  /** A DRI folder as the kernel makes it: nodes, and by-path links named by PCI address. */
  private Path dri() throws Exception {
    Path dri = Files.createDirectories(dir.resolve("dri"));
    Path byPath = Files.createDirectories(dri.resolve("by-path"));
    String[][] nodes = {
      {"0000:4d:00.0", "card1", "renderD128"}, {"0000:83:00.0", "card2", "renderD129"}
    };
    for (String[] n : nodes) {
      for (int i = 1; i <= 2; i++) {
        Path node = dri.resolve(n[i]);
        if (!Files.exists(node)) {
          Files.createFile(node);
        }
        Files.createSymbolicLink(
            byPath.resolve("pci-" + n[0] + (i == 1 ? "-card" : "-render")), Path.of("..", n[i]));
      }
    }
    return dri;
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
