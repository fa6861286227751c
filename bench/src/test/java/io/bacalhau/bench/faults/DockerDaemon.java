package io.bacalhau.bench.faults;

import io.bacalhau.testing.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Docker daemon of the test's own (its socket, data root, exec root and pidfile under one folder;
 * no iptables, no bridge, the vfs driver, as .ci/setup.d/20-docker.sh starts the shared one), so
 * that killing it leaves the machine's daemon and its users alone. It gets the test image the
 * Docker tests build (plugins/engine-docker/src/test/images/build.sh, imported, no registry).
 */
final class DockerDaemon implements AutoCloseable {
  static final String IMAGE = "bacalhau-test/busybox:1";

  private final Path dir;
  private Process process;

  DockerDaemon(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /** Skips (or in CI fails) when there is no dockerd to start, or this process may not. */
  static void require() {
    boolean root = "root".equals(System.getProperty("user.name"));
    RealServices.require(
        root && onPath("dockerd") && onPath("docker") && Files.isRegularFile(buildScript()),
        "root, dockerd and docker on the PATH, to start a Docker daemon of the test's own");
  }

  String host() {
    return "unix://" + dir.resolve("docker.sock");
  }

  void start() throws Exception {
    Files.deleteIfExists(dir.resolve("docker.pid"));
    process =
        new ProcessBuilder(
                "dockerd",
                "--host",
                host(),
                "--data-root",
                dir.resolve("root").toString(),
                "--exec-root",
                dir.resolve("exec").toString(),
                "--pidfile",
                dir.resolve("docker.pid").toString(),
                "--iptables=false",
                "--bridge=none",
                "--storage-driver=vfs")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (docker("info") != 0) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "dockerd did not start: " + Files.readString(dir.resolve("dockerd.log")));
      }
      Thread.sleep(300);
    }
  }

  /** Imports the test image, as the Docker tests' build script does for the shared daemon. */
  void importTestImage() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", buildScript().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("build.log").toFile()));
    pb.environment().put("DOCKER_HOST", host());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "building the test image failed: " + Files.readString(dir.resolve("build.log")));
    }
  }

  /**
   * SIGKILL to the daemon and to the containerd it started: gone at once, as when it crashes. The
   * job's container stays under its shim; the next start on the same roots cleans it up. (The
   * containerd is killed too: a new daemon waits in vain for an orphaned one to answer.)
   */
  void kill() throws Exception {
    process.destroyForcibly().waitFor();
    Path pidFile = dir.resolve("exec/containerd/containerd.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
              });
    }
  }

  /**
   * SIGTERM (the daemon stops its containers and its containerd), then what is left of it: shims of
   * a killed daemon's containers (found by this folder in their command line, so nothing of another
   * daemon's), the private mount it makes of its data root, and the folder.
   */
  @Override
  public void close() throws IOException {
    try {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
      String mine = dir.toString();
      ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().filter(c -> c.contains(mine)).isPresent())
          .forEach(ProcessHandle::destroyForcibly);
      new ProcessBuilder("umount", "-l", dir.resolve("root").toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(30, TimeUnit.SECONDS);
      new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int docker(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("docker", "--host", host()));
    command.addAll(List.of(args));
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

  private static Path buildScript() {
    return Path.of(System.getProperty("basedir", "."))
        .resolve("../plugins/engine-docker/src/test/images/build.sh")
        .normalize();
  }

  private static boolean onPath(String command) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }
}
