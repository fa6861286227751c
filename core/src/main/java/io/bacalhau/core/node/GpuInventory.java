package io.bacalhau.core.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GPUs found on this machine, and what the search said: a node without GPUs tells why
 * ("nvidia-smi not found on PATH") instead of silently offering none.
 *
 * @param notes what each vendor's tool answered, when it found nothing or failed
 */
public record GpuInventory(List<Gpu> gpus, List<String> notes) {
  public static final GpuInventory NONE = new GpuInventory(List.of(), List.of());

  public GpuInventory {
    gpus = List.copyOf(gpus);
    notes = List.copyOf(notes);
  }

  public int count() {
    return gpus.size();
  }

  /**
   * Bacalhau's node labels: {@code GPU-<i>} the model with spaces as dashes, {@code GPU-<i>-Memory}
   * its memory as {@code <n>-MiB}.
   */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Gpu gpu : gpus) {
      labels.put("GPU-" + gpu.index(), gpu.name().strip().replace(' ', '-'));
      labels.put("GPU-" + gpu.index() + "-Memory", gpu.memoryMiB() + "-MiB");
    }
    return labels;
  }

  /** One line for a person: "2 GPUs: 0 NVIDIA A100 (40960 MiB), ..." or "0 GPUs (why)". */
  public String summary() {
    if (gpus.isEmpty()) {
      return "0 GPUs" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }
    StringBuilder s = new StringBuilder(gpus.size() + (gpus.size() == 1 ? " GPU: " : " GPUs: "));
    for (int i = 0; i < gpus.size(); i++) {
      Gpu g = gpus.get(i);
      s.append(i == 0 ? "" : ", ")
          .append(g.index())
          .append(' ')
          .append(g.name())
          .append(" (")
          .append(g.memoryMiB())
          .append(" MiB)");
    }
    return s.toString();
  }
}
