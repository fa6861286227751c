package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Gpu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a container gets its GPUs, as Bacalhau passes them: NVIDIA's as a device request naming them
 * by index; AMD's as {@code /dev/kfd} (the compute interface all of them share) plus each GPU's DRI
 * card and render nodes; Intel's as their DRI nodes. DRI nodes are found by the GPU's PCI address
 * through the links under {@code /dev/dri/by-path}, so a container sees only the GPUs it was given.
 *
 * @param nvidiaCount NVIDIA GPUs to request by count, when the node knows none by index (its GPU
 *     capacity was configured, not found)
 * @param nvidiaIds NVIDIA GPUs to request by index
 * @param devices host device nodes to map into the container at the same path
 */
public record GpuDevices(long nvidiaCount, List<String> nvidiaIds, List<String> devices) {
  public static final GpuDevices NONE = new GpuDevices(0, List.of(), List.of());
  static final String KFD = "/dev/kfd";
  static final Path DRI = Path.of("/dev/dri");

  public GpuDevices {
    nvidiaIds = List.copyOf(nvidiaIds);
    devices = List.copyOf(devices);
  }

  /** Docker picks {@code count} NVIDIA GPUs: what a node whose GPUs were not found can ask. */
  static GpuDevices nvidiaCount(long count) {
    return count <= 0 ? NONE : new GpuDevices(count, List.of(), List.of());
  }

  /**
   * The devices of these GPUs.
   *
   * @param dri where the DRI nodes are ({@code /dev/dri}; a test's folder in tests)
   * @throws BacalhauException naming the GPU when its vendor is unknown or its nodes are missing
   */
  static GpuDevices of(List<Gpu> gpus, Path dri) {
    List<String> ids = new ArrayList<>();
    Set<String> devices = new LinkedHashSet<>();
    for (Gpu gpu : gpus) {
      switch (gpu.vendor()) {
        case Gpu.NVIDIA -> ids.add(String.valueOf(gpu.index()));
        case Gpu.AMD -> {
          devices.add(KFD);
          devices.addAll(driNodes(gpu, dri));
        }
        case Gpu.INTEL -> devices.addAll(driNodes(gpu, dri));
        default ->
            throw failure(
                "job requires GPU from unsupported vendor '" + gpu.vendor() + "'",
                "This node runs NVIDIA, AMD/ATI and Intel GPUs only.");
      }
    }
    return new GpuDevices(0, ids, List.copyOf(devices));
  }

  /** The card and render nodes the {@code by-path} links of the GPU's PCI address lead to. */
  private static List<String> driNodes(Gpu gpu, Path dri) {
    List<String> nodes = new ArrayList<>();
    for (String kind : List.of("card", "render")) {
      Path link = dri.resolve("by-path").resolve("pci-" + gpu.pciAddress() + "-" + kind);
      try {
        if (gpu.pciAddress().isBlank()) {
          throw new IOException("its tool gave no PCI address");
        }
        nodes.add(link.toRealPath().toString());
      } catch (IOException e) {
        throw failure(
            gpu.vendor()
                + " GPU "
                + gpu.index()
                + " ("
                + gpu.name()
                + "): no "
                + kind
                + " device at "
                + link
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
            "Check that the GPU's driver is loaded on the node (its DRI nodes under "
                + dri
                + "), then restart the node so it looks for its GPUs again.");
      }
    }
    return nodes;
  }

  private static BacalhauException failure(String message, String hint) {
    return BacalhauException.builder(ErrorCode.CONFIGURATION_ERROR, message)
        .component("DockerExecutor")
        .hint(hint)
        .failsExecution(true)
        .build();
  }
}
