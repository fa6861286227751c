package io.bacalhau.core.node;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds NVIDIA GPUs with {@code nvidia-smi}, looked up on the node's {@code PATH} as Bacalhau does.
 * AMD ({@code rocm-smi}) and Intel ({@code xpu-smi}) are not asked: their GPUs would need device
 * mounts the Docker engine does not make, so offering them would only fail jobs later.
 */
public final class GpuDiscovery {
  static final String NVIDIA_SMI = "nvidia-smi";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private GpuDiscovery() {}

  /** What this machine has; never throws: a failing tool is a note and zero GPUs. */
  public static GpuInventory discover(String path) {
    Optional<Path> tool = find(NVIDIA_SMI, path);
    if (tool.isEmpty()) {
      return new GpuInventory(List.of(), List.of(NVIDIA_SMI + " not found on PATH"));
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            tool.get().toString(), "--query-gpu=index,name,memory.total", "--format=csv,noheader");
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return failed("did not answer within " + TIMEOUT.toSeconds() + "s");
      }
      String text = new String(out, StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        return failed("exited with " + process.exitValue() + ": " + firstLine(text));
      }
      return parse(text);
    } catch (IOException e) {
      return failed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted");
    }
  }

  /** {@code index, name, memory.total} per line; memory in MiB, with or without its unit. */
  static GpuInventory parse(String csv) {
    List<Gpu> gpus = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String line : csv.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      String[] f = line.split(",");
      try {
        if (f.length != 3) {
          throw new NumberFormatException();
        }
        long memory = Long.parseLong(f[2].strip().replaceFirst("(?i)\\s*MiB$", ""));
        gpus.add(new Gpu(Integer.parseInt(f[0].strip()), "NVIDIA", f[1].strip(), memory));
      } catch (NumberFormatException e) {
        notes.add(NVIDIA_SMI + " printed a line that is no GPU: " + line);
      }
    }
    if (gpus.isEmpty() && notes.isEmpty()) {
      notes.add(NVIDIA_SMI + " listed no GPU");
    }
    return new GpuInventory(gpus, notes);
  }

  private static GpuInventory failed(String why) {
    return new GpuInventory(List.of(), List.of(NVIDIA_SMI + " failed: " + why));
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("").strip();
  }

  private static Optional<Path> find(String name, String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        Path candidate = Path.of(dir).resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
