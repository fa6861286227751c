package io.bacalhau.core.node;

import io.bacalhau.core.models.Gpu;
import java.util.ArrayList;
import java.util.List;

/** NVIDIA's {@code nvidia-smi}: one CSV line per GPU, index, name and memory in MiB. */
final class NvidiaSmi implements GpuTool {
  @Override
  public String command() {
    return "nvidia-smi";
  }

  @Override
  public List<Gpu> list(Runner run) {
    return parse(run.run("--query-gpu=index,name,memory.total", "--format=csv,noheader"));
  }

  /** {@code index, name, memory.total} per line; memory in MiB, with or without its unit. */
  static List<Gpu> parse(String csv) {
    List<Gpu> gpus = new ArrayList<>();
    for (String line : csv.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      String[] f = line.split(",");
      try {
        if (f.length != 3) {
          throw new NumberFormatException();
        }
        long memory = Long.parseLong(f[2].strip().replaceFirst("(?i)\\s*MiB$", ""));
        gpus.add(new Gpu(Integer.parseInt(f[0].strip()), Gpu.NVIDIA, f[1], memory, ""));
      } catch (NumberFormatException e) {
        throw new Failure("printed a line that is no GPU: " + line);
      }
    }
    return gpus;
  }
}
