package io.bacalhau.core.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GPUs found on a node, and what the search said: a node without GPUs tells why ("no
 * nvidia-smi, rocm-smi or xpu-smi on the PATH", "nvidia-smi failed: ...") instead of silently
 * offering none.
 *
 * @param gpus NVIDIA's first, then AMD's, then Intel's, as Bacalhau lists them
 * @param notes what a vendor's tool answered when it failed or found nothing, and which tools were
 *     missing when no GPU was found
 */
public record GpuInventory(List<Gpu> gpus, List<String> notes) {
  /** What a node has when nothing looked (tests, benchmarks): no GPUs, and nothing to say. */
  public static final GpuInventory NONE = new GpuInventory(List.of(), List.of());

  public GpuInventory {
    gpus = List.copyOf(gpus);
    notes = List.copyOf(notes);
  }

  public int count() {
    return gpus.size();
  }

  /**
   * Bacalhau's node labels, numbered by position in {@link #gpus}: {@code GPU-<i>} the model with
   * spaces as dashes, {@code GPU-<i>-Memory} its memory as {@code <n>-MiB}.
   */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < gpus.size(); i++) {
      Gpu gpu = gpus.get(i);
      labels.put("GPU-" + i, gpu.name().replace(' ', '-'));
      labels.put("GPU-" + i + "-Memory", gpu.memoryMiB() + "-MiB");
    }
    return labels;
  }

  /**
   * One line for a person, what {@code node describe} shows: "2 GPUs: Tesla T4 (NVIDIA 0, 15360
   * MiB), ..." or "0 GPUs (why)"; blank when nothing looked.
   */
  public String summary() {
    if (gpus.isEmpty() && notes.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(gpus.size() + (gpus.size() == 1 ? " GPU" : " GPUs"));
    for (int i = 0; i < gpus.size(); i++) {
      Gpu g = gpus.get(i);
      s.append(i == 0 ? ": " : ", ")
          .append(g.name())
          .append(" (")
          .append(g.vendor())
          .append(' ')
          .append(g.index())
          .append(", ")
          .append(g.memoryMiB())
          .append(" MiB)");
    }
    return notes.isEmpty() ? s.toString() : s + " (" + String.join("; ", notes) + ")";
  }
}
