package io.bacalhau.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.models.Gpu;
import io.bacalhau.core.models.GpuInventory;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.ProviderFactory;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineFactory;
import io.bacalhau.core.spi.engine.EngineResult;
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
 * GPUs are found with {@code nvidia-smi}, {@code rocm-smi} and {@code xpu-smi} on the node's PATH.
 * The machine's capacity always said 0 GPUs, so every {@code --gpu 1} job failed for want of a
 * node; then AMD and Intel GPUs were not looked for. The tests put stand-ins of the tools on a PATH
 * of their own, printing output in the shape the real tools print, and only when asked as Bacalhau
 * asks.
 */
class GpuDiscoveryTest {
  @TempDir Path dir;

  private Path standIn(String script) throws IOException {
    return standIn("nvidia-smi", script);
  }

  private Path standIn(String command, String script) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path tool = bin.resolve(command);
    Files.writeString(tool, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /**
   * A shell line printing the recorded resource when the tool is asked with exactly {@code args}.
   */
  private String answer(String args, String resource) throws IOException {
    Path recorded = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.write(recorded, in.readAllBytes());
    }
    return "[ \"$*\" = '" + args + "' ] && { cat '" + recorded + "'; exit 0; }\n";
  }

  private static final String UNEXPECTED = "echo \"unexpected arguments: $*\" >&2; exit 2\n";

  /** Prints the recorded answer when asked as Bacalhau asks, and fails otherwise. */
  private Path recordedNvidiaSmi() throws IOException {
    return standIn(
        answer(
                "--query-gpu=index,name,memory.total --format=csv,noheader",
                "nvidia-smi-two-gpus.txt")
            + UNEXPECTED);
  }

  private Path recordedRocmSmi() throws IOException {
    return standIn(
        "rocm-smi",
        answer("--showproductname --showbus --showmeminfo vram --json", "rocm-smi-two-gpus.json")
            + UNEXPECTED);
  }

  private Path recordedXpuSmi() throws IOException {
    return standIn(
        "xpu-smi",
        answer("discovery --json", "xpu-smi-discovery.json")
            + answer("discovery --json --device 0", "xpu-smi-device-0.json")
            + UNEXPECTED);
  }

  @Test
  void amdGpusAreFoundWithRocmSmiWithTheirPciAddress() throws Exception {
    GpuInventory found = GpuDiscovery.discover(recordedRocmSmi().toString());
    assertEquals(
        List.of(
            new Gpu(0, "AMD/ATI", "AMD Instinct MI210", 65520, "0000:c1:00.0"),
            new Gpu(1, "AMD/ATI", "Radeon RX 6800", 16368, "0000:83:00.0")),
        found.gpus(),
        found.summary());
    assertEquals("AMD-Instinct-MI210", found.labels().get("GPU-0"));
    assertEquals("16368-MiB", found.labels().get("GPU-1-Memory"));
  }

  @Test
  void intelGpusAreListedThenAskedForTheirMemoryWithXpuSmi() throws Exception {
    GpuInventory found = GpuDiscovery.discover(recordedXpuSmi().toString());
    assertEquals(
        List.of(new Gpu(0, "Intel", "Intel(R) Data Center GPU Flex 170", 15473, "0000:4d:00.0")),
        found.gpus(),
        found.summary());
    assertEquals("1 GPU: Intel(R) Data Center GPU Flex 170 (Intel 0, 15473 MiB)", found.summary());
  }

  /** Bacalhau numbers its labels by position: NVIDIA's first, then AMD's, then Intel's. */
  @Test
  void gpusOfEveryVendorAreOfferedAndLabelledInBacalhausOrder() throws Exception {
    recordedNvidiaSmi();
    recordedRocmSmi();
    Path bin = recordedXpuSmi();
    GpuInventory found = GpuDiscovery.discover(bin.toString());
    assertEquals(5, found.count(), found.summary());
    assertEquals("Tesla-T4", found.labels().get("GPU-1"));
    assertEquals("AMD-Instinct-MI210", found.labels().get("GPU-2"));
    assertEquals("Intel(R)-Data-Center-GPU-Flex-170", found.labels().get("GPU-4"));
    assertEquals(List.of(), found.notes());
  }

  @Test
  void aToolThatPrintsNoGpuListIsANoteAndTheOthersStillCount() throws Exception {
    recordedNvidiaSmi();
    Path bin = standIn("rocm-smi", "echo 'ERROR: GPU[0] : Unable to open sysfs'\n");
    GpuInventory found = GpuDiscovery.discover(bin.toString());
    assertEquals(2, found.count());
    assertEquals(
        List.of("rocm-smi failed: printed what is no JSON: ERROR: GPU[0] : Unable to open sysfs"),
        found.notes());
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
        "2 GPUs: NVIDIA GeForce RTX 3090 (NVIDIA 0, 24576 MiB), Tesla T4 (NVIDIA 1, 15360 MiB)",
        found.summary());
  }

  @Test
  void aMachineWithoutAnyGpuToolHasNoGpusAndSaysWhy() throws Exception {
    GpuInventory none =
        GpuDiscovery.discover(Files.createDirectories(dir.resolve("empty")).toString());
    assertEquals(0, none.count());
    assertEquals("0 GPUs (no nvidia-smi, rocm-smi or xpu-smi on the PATH)", none.summary());
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
    assertEquals(
        "0 GPUs (nvidia-smi failed: exited with 9: NVIDIA-SMI has failed because it couldn't"
            + " communicate with the NVIDIA driver.; no rocm-smi or xpu-smi on the PATH)",
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

  /** The engines get the GPUs found, so that the Docker engine can map AMD and Intel devices. */
  @Test
  void theGpusFoundReachTheEnginesThroughTheirContext() throws Exception {
    Path bin = recordedRocmSmi();
    BacalhauConfig config =
        new ConfigLoader()
            .load(
                new ConfigInputs(
                    Map.of("HOME", dir.toString()),
                    dir,
                    List.of("DataDir=" + dir.resolve("data")),
                    null,
                    null,
                    null));
    NodeSetup setup =
        NodeSetup.from(config, Map.of("PATH", bin.toString()), Path::of, false)
            .withOptions(
                NodeSettings.from(config, Map.of("PATH", bin.toString()))
                    .withLabels(Map.of("name", "relabelled")));
    List<List<Gpu>> seen = new java.util.ArrayList<>();
    ProviderFactory<Object, Engine> spy =
        new EngineFactory<>() {
          @Override
          public String type() {
            return "spy";
          }

          @Override
          public Class<Object> configType() {
            return Object.class;
          }

          @Override
          public String configSection() {
            return "Engines.Types.Spy";
          }

          @Override
          public Installation isInstalled(Object c) {
            return Installation.ok();
          }

          @Override
          public Engine create(Object c, ProviderContext context) {
            seen.add(context.gpus());
            return (request, events) -> EngineResult.exited(0);
          }
        };
    try (NodeProviders providers =
        NodeProviders.open(
            setup,
            new NodeProviders.InCode(
                "test", EmbeddedNodeTestSupport.everySection(Map.of()), List.of(spy)))) {
      providers.registry().engine("spy");
      assertEquals(List.of(GpuDiscovery.discover(bin.toString()).gpus()), seen);
      assertEquals(2, seen.getFirst().size(), "kept through a change of labels, as serve makes");
    }
  }
}
