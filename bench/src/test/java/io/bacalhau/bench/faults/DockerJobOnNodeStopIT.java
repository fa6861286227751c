package io.bacalhau.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bacalhau.bench.ServedNode;
import io.bacalhau.testing.RealServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A served node stopped while a Docker job runs (on the machine's daemon). With SIGTERM, once it
 * has exited no container of the job is left, running or exited; one used to stay, exited: the
 * node's close interrupted the run and went on to close the engine's Docker client while the run
 * was still killing and removing its container. With SIGKILL nothing can remove it then; the node
 * removes it when it next starts and uses Docker (engines are made on first use).
 */
class DockerJobOnNodeStopIT {
  private static final String IMAGE = "bacalhau-test/busybox:1";

  @Test
  void aNodeStoppedWithSigtermLeavesNoContainerOfItsRunningDockerJob() throws Exception {
    requireDockerAndImage();
    Path dir = Files.createTempDirectory("faults-sigterm");
    String job = "";
    ServedNode node = new ServedNode(Faults.dist(), dir.resolve("data"), dir.resolve("serve.log"));
    try {
      node.start();
      job = startSleepingJob(node);
      node.close(); // SIGTERM, and waits for the process to end
      assertEquals("", containers(job, true), "containers left by the stopped node\n" + log(node));
    } finally {
      cleanUp(node, job, dir);
    }
  }

  @Test
  void aNodeKilledUnderADockerJobRemovesItsContainerWhenItNextRunsDocker() throws Exception {
    requireDockerAndImage();
    Path dir = Files.createTempDirectory("faults-sigkill");
    String job = "";
    ServedNode node = new ServedNode(Faults.dist(), dir.resolve("data"), dir.resolve("serve.log"));
    try {
      node.start();
      job = startSleepingJob(node);
      node.kill();
      String left = containers(job, true);
      assertFalse(left.isEmpty(), "nothing removes it while no node runs");
      node.start();
      FaultApi jobs = new FaultApi(node.base());
      String next = jobs.acknowledged(spec("echo next"));
      assertEquals("Completed", jobs.awaitTerminal(next, Duration.ofSeconds(120)));
      // by ID: the restarted node may run the job again, in a container of its own
      for (String id : left.split("\\s+")) {
        assertEquals(
            1, docker("inspect", id), "the killed node's container " + id + " is still there");
      }
    } finally {
      cleanUp(node, job, dir);
    }
  }

  private static void requireDockerAndImage() throws Exception {
    RealServices.require(docker("info") == 0, "a Docker daemon that answers `docker info`");
    if (docker("image", "inspect", IMAGE) != 0) {
      Path script =
          Path.of(System.getProperty("basedir", "."))
              .resolve("../plugins/engine-docker/src/test/images/build.sh")
              .normalize();
      assertEquals(0, new ProcessBuilder("bash", script.toString()).start().waitFor());
    }
  }

  /** Submits a job that sleeps and returns its ID once its container runs. */
  private static String startSleepingJob(ServedNode node) throws Exception {
    FaultApi jobs = new FaultApi(node.base());
    String job = jobs.acknowledged(spec("echo started; sleep 120"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (containers(job, false).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the job's container never ran: " + jobs.history(job) + "\n" + log(node));
      }
      Thread.sleep(200);
    }
    return job;
  }

  private static void cleanUp(ServedNode node, String job, Path dir) throws Exception {
    try {
      node.close();
      if (!job.isEmpty()) {
        for (String id : containers(job, true).split("\\s+")) {
          if (!id.isBlank()) {
            docker("rm", "-f", id);
          }
        }
      }
    } finally {
      new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
    }
  }

  /** IDs of the job's containers: running ones, or all of them. */
  private static String containers(String job, boolean all) throws Exception {
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of("docker", "ps", "-q", "--filter", "label=bacalhau-jobID=" + job));
    if (all) {
      command.add("-a");
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static int docker(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "docker";
    System.arraycopy(args, 0, command, 1, args.length);
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectErrorStream(true)
        .start()
        .waitFor();
  }

  private static String log(ServedNode node) throws IOException {
    return Files.exists(node.log()) ? Files.readString(node.log()) : "";
  }

  private static String spec(String script) {
    return """
        {"Job": {"Type": "batch", "Count": 1, "Tasks": [{"Name": "main",
          "Engine": {"Type": "docker", "Params": {"Image": "%s",
            "Entrypoint": ["sh", "-c", "%s"]}}}]}}
        """
        .formatted(IMAGE, script);
  }
}
