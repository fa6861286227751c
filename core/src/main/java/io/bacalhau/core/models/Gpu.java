package io.bacalhau.core.models;

import java.util.Locale;

/**
 * One GPU of a node, as its vendor's tool reports it (Bacalhau's {@code models.GPU}).
 *
 * @param index the vendor's index: what NVIDIA device requests name
 * @param vendor {@link #NVIDIA}, {@link #AMD} or {@link #INTEL}, Bacalhau's spellings
 * @param memoryMiB total memory in MiB (0 when the tool did not say)
 * @param pciAddress the PCI address ({@code 0000:e7:00.0}, lower case), by which the Docker engine
 *     finds an AMD or Intel GPU's device nodes; blank when unknown
 */
public record Gpu(int index, String vendor, String name, long memoryMiB, String pciAddress) {
  public static final String NVIDIA = "NVIDIA";
  public static final String AMD = "AMD/ATI";
  public static final String INTEL = "Intel";

  public Gpu {
    vendor = Immutables.string(vendor);
    name = Immutables.string(name).strip();
    pciAddress = Immutables.string(pciAddress).strip().toLowerCase(Locale.ROOT);
  }
}
