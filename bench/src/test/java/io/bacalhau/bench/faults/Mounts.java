package io.bacalhau.bench.faults;

import io.bacalhau.testing.RealServices;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mounts the tests make under their own temporary folders and undo when closed: a small tmpfs a
 * test can fill, and read-only bind mounts. Needs root (CI runs as root); elsewhere the test is
 * skipped with the reason. Root ignores file modes, so a folder is made read-only by the kernel's
 * mount flag, not by chmod.
 */
final class Mounts implements AutoCloseable {
  private final List<Path> mounted = new ArrayList<>();

  /** Skips (or in CI fails) the calling test when this process may not mount. */
  static void requireMounting(Path scratch) throws Exception {
    Path probe = Files.createDirectories(scratch.resolve("mount-probe"));
    boolean ok = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.toString()) == 0;
    if (ok) {
      run("umount", probe.toString());
    }
    RealServices.require(ok, "root and mount(8), to mount a tmpfs under " + scratch);
  }

  /** A tmpfs of {@code size} (as mount takes it: 96m) on {@code dir}. */
  Path tmpfs(Path dir, String size) throws Exception {
    Files.createDirectories(dir);
    check(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()), dir);
    mounted.add(dir);
    return dir;
  }

  /**
   * Covers {@code dir} with a read-only view of itself: every new open for writing under it fails
   * with EROFS (files a process already holds open for writing stay writable, as on a disk an
   * operator remounts). {@link #uncover} takes the view away.
   */
  void readOnly(Path dir) throws Exception {
    check(run("mount", "--bind", dir.toString(), dir.toString()), dir);
    mounted.add(dir);
    check(run("mount", "-o", "remount,bind,ro", dir.toString()), dir);
  }

  /** Removes the last mount made on {@code dir}. */
  void uncover(Path dir) throws Exception {
    check(run("umount", dir.toString()), dir);
    mounted.remove(mounted.lastIndexOf(dir));
  }

  /** Writes a file of zeros into {@code dir} until its disk is full; returns the file. */
  static Path fill(Path dir) throws IOException {
    Path filler = dir.resolve("filler");
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    return filler;
  }

  @Override
  public void close() throws IOException {
    try {
      for (int i = mounted.size() - 1; i >= 0; i--) {
        // Lazily: a node the test could not stop must not keep the mount (and the test's folder).
        run("umount", "-l", mounted.get(i).toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      mounted.clear();
    }
  }

  private static void check(int exit, Path dir) {
    if (exit != 0) {
      throw new IllegalStateException("mount on " + dir + " failed with exit code " + exit);
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
