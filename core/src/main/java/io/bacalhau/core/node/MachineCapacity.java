package io.bacalhau.core.node;

import io.bacalhau.core.models.Resources;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's CPUs, memory, disk and GPUs, scaled by the allocated fractions. */
public final class MachineCapacity {
  private MachineCapacity() {}

  /** Without GPUs: what a node has when nothing looked for them (tests, benchmarks). */
  public static Resources total(Path dataDir) {
    return total(dataDir, 0);
  }

  /** With the GPUs {@link GpuDiscovery} found. */
  public static Resources total(Path dataDir, int gpus) {
    double cpus = Runtime.getRuntime().availableProcessors();
    long memory =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize()
            : Runtime.getRuntime().maxMemory();
    long disk;
    try {
      Path existing = dataDir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      disk = existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      disk = 0;
    }
    return new Resources(cpus, memory, disk, gpus);
  }

  public static Resources allocated(
      double cpu, double memory, double disk, double gpu, Path dataDir) {
    Resources t = total(dataDir);
    return new Resources(
        t.cpu() * cpu,
        (long) (t.memory() * memory),
        (long) (t.disk() * disk),
        (long) Math.ceil(t.gpu() * gpu));
  }
}
