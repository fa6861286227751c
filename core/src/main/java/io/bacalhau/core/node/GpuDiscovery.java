package io.bacalhau.core.node;

import io.bacalhau.core.models.Gpu;
import io.bacalhau.core.models.GpuInventory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the node's GPUs as Bacalhau does: NVIDIA's with {@code nvidia-smi}, AMD's with {@code
 * rocm-smi}, Intel's with {@code xpu-smi}, each looked up on the node's {@code PATH}. A tool that
 * is absent means none of that vendor; one that fails is a note, so that {@code node describe} of a
 * node with 0 GPUs says why.
 */
public final class GpuDiscovery {
  static final List<GpuTool> TOOLS = List.of(new NvidiaSmi(), new RocmSmi(), new XpuSmi());
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private GpuDiscovery() {}

  /** What this machine has; never throws: a failing tool is a note and none of its GPUs. */
  public static GpuInventory discover(String path) {
    List<Gpu> gpus = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (GpuTool tool : TOOLS) {
      Optional<Path> exe = find(tool.command(), path);
      if (exe.isEmpty()) {
        missing.add(tool.command());
        continue;
      }
      try {
        List<Gpu> found = tool.list(args -> run(exe.get(), args));
        if (found.isEmpty()) {
          notes.add(tool.command() + " listed no GPU");
        }
        gpus.addAll(found);
      } catch (GpuTool.Failure e) {
        notes.add(tool.command() + " failed: " + e.getMessage());
      }
    }
    if (gpus.isEmpty() && !missing.isEmpty()) {
      notes.add("no " + names(missing) + " on the PATH");
    }
    return new GpuInventory(gpus, notes);
  }

  /** "a", "a or b", "a, b or c". */
  private static String names(List<String> commands) {
    int last = commands.size() - 1;
    return last == 0
        ? commands.getFirst()
        : String.join(", ", commands.subList(0, last)) + " or " + commands.get(last);
  }

  private static String run(Path tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // Read aside: a tool that hangs with its output open must not hang the node's start.
      FutureTask<byte[]> out = new FutureTask<>(process.getInputStream()::readAllBytes);
      Thread.ofVirtual().name("gpu-tool").start(out);
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new GpuTool.Failure("did not answer within " + TIMEOUT.toSeconds() + "s");
      }
      String text = new String(output(out), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw new GpuTool.Failure(
            "exited with " + process.exitValue() + ": " + RocmSmi.firstLine(text));
      }
      return text;
    } catch (IOException e) {
      throw new GpuTool.Failure(String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GpuTool.Failure("interrupted");
    }
  }

  private static byte[] output(FutureTask<byte[]> out) throws InterruptedException {
    try {
      return out.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new GpuTool.Failure(String.valueOf(e.getCause().getMessage()));
    } catch (TimeoutException e) {
      throw new GpuTool.Failure("kept its output open after it exited");
    }
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
