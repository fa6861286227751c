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
}
