package io.bacalhau.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPUs are found with {@code nvidia-smi} on the node's PATH. The machine's capacity always said 0
 * GPUs, so every {@code --gpu 1} job failed for want of a node. The tests put a stand-in {@code
 * nvidia-smi} on a PATH of their own, printing output recorded from the real tool.
 */
class GpuDiscoveryTest {
  @TempDir Path dir;

  private Path standIn(String script) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path tool = bin.resolve("nvidia-smi");
    Files.writeString(tool, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /** Prints the recorded answer when asked as Bacalhau asks, and fails otherwise. */
  private Path recordedNvidiaSmi() throws IOException {
    Path recorded = dir.resolve("recorded.txt");
    try (InputStream in = getClass().getResourceAsStream("nvidia-smi-two-gpus.txt")) {
      Files.write(recorded, in.readAllBytes());
    }
    return standIn(
        "[ \"$*\" = '--query-gpu=index,name,memory.total --format=csv,noheader' ]"
            + " || { echo \"unexpected arguments: $*\" >&2; exit 2; }\n"
            + "cat '"
            + recorded
            + "'\n");
  }

  @Test
  void nvidiaGpusAreCountedAndLabelledAsBacalhauDoes() throws Exception {
    GpuInventory found = GpuDiscovery.discover(recordedNvidiaSmi().toString());
    assertEquals(2, found.count(), found.summary());
    assertEquals(
        Map.of(
            "GPU-0", "NVIDIA-GeForce-RTX-3090",
            "GPU-0-Memory", "24576-MiB",
            "GPU-1", "Tesla-T4",
            "GPU-1-Memory", "15360-MiB"),
        found.labels());
    assertEquals(
        "2 GPUs: 0 NVIDIA GeForce RTX 3090 (24576 MiB), 1 Tesla T4 (15360 MiB)", found.summary());
  }

  @Test
  void aMachineWithoutNvidiaSmiHasNoGpusAndSaysWhy() throws Exception {
    GpuInventory none =
        GpuDiscovery.discover(Files.createDirectories(dir.resolve("empty")).toString());
    assertEquals(0, none.count());
    assertEquals("0 GPUs (nvidia-smi not found on PATH)", none.summary());
    assertEquals(Map.of(), none.labels());
  }

  @Test
  void aFailingNvidiaSmiMeansNoGpusAndItsMessageIsKept() throws Exception {
    Path bin =
        standIn(
            "echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA"
                + " driver.\"\nexit 9\n");
    GpuInventory none = GpuDiscovery.discover(bin.toString());
    assertEquals(0, none.count());
    assertTrue(
        none.summary().contains("nvidia-smi failed: exited with 9: NVIDIA-SMI has failed"),
        none.summary());
  }

  @Test
  void aNodeConfiguredWithStandInGpusOffersThemAndRunsAGpuJob() throws Exception {
    Path bin = recordedNvidiaSmi();
    BacalhauConfig config =
        new ConfigLoader()
            .load(
                new ConfigInputs(
                    Map.of("HOME", dir.toString()),
                    dir,
                    List.of("DataDir=" + dir.resolve("data"), "Labels=GPU-1=renamed"),
                    null,
                    null,
                    null));
    NodeOptions options = NodeSettings.from(config, Map.of("PATH", bin.toString()));
    assertEquals(2, options.capacity().gpu());
    assertEquals("NVIDIA-GeForce-RTX-3090", options.labels().get("GPU-0"));
    assertEquals("renamed", options.labels().get("GPU-1"), "a configured label wins");

    Path data = dir.resolve("data");
    NodeOptions fast =
        new NodeOptions(
            data,
            options.labels(),
            options.capacity(),
            List.of(),
            Map.of(),
            options.jobDefaults(),
            new SchedulerSettings(2, Duration.ofMillis(200)),
            options.admission());
    var registry = EmbeddedNodeTestSupport.builtinRegistry(data);
    Job job = EmbeddedNodeTestSupport.noopJob("gpu", Map.of());
    job =
        job.toBuilder()
            .task(
                job.task().toBuilder()
                    .resources(new ResourcesConfig("100m", "10Mb", "", "1"))
                    .build())
            .build();
    try (EmbeddedNodeClient client =
        new EmbeddedNodeClient(
            NodeSetup.builtinOnly(data).withOptions(fast), () -> registry, () -> {})) {
      String id = client.submit(job, false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      assertEquals(
          JobStateType.COMPLETED,
          ended.stateType(),
          () -> String.valueOf(client.history(id, HistoryQuery.everything())));
    }
  }
}
