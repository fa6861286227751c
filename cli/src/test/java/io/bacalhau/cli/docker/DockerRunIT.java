package io.bacalhau.cli.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.Distribution;
import io.bacalhau.cli.Distribution.Run;
import io.bacalhau.cli.LocalDocker;
import io.bacalhau.testing.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bacalhau docker run} through the packaged distribution against the real daemon, with the
 * local {@code busybox} image that .ci/setup.d/20-docker.sh imports.
 */
class DockerRunIT {
  @TempDir Path home;

  @BeforeAll
  static void daemonWithBusybox() {
    RealServices.require(
        LocalDocker.hasImage("busybox"), "a Docker daemon with a local 'busybox' image");
  }

  private Distribution bacalhau() {
    return new Distribution(home, home.resolve("data"));
  }

  @Test
  void helloIsPrintedWithFollow() throws Exception {
    Run r = bacalhau().run("docker", "run", "-f", "busybox", "--", "echo", "hello");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("hello\n", r.out(), r.toString());
  }

  @Test
  void aResultPathComesBackWithJobGet() throws Exception {
    Run run =
        bacalhau()
            .run(
                "docker",
                "run",
                "--id-only",
                "-p",
                "local",
                "-o",
                "answers:/outputs",
                "busybox",
                "--",
                "sh",
                "-c",
                "echo 42 > /outputs/answer; echo done");
    assertEquals(0, run.exitCode(), run.toString());
    String id = run.out().strip();

    Run get = bacalhau().run("job", "get", id, "--output-dir", "results");
    assertEquals(0, get.exitCode(), get.toString());
    assertEquals("42\n", Files.readString(home.resolve("results/answers/answer")));
    assertEquals("done\n", Files.readString(home.resolve("results/stdout")));
  }

  @Test
  void aCommandMissingFromTheImageFailsTheJobWithExitCode3() throws Exception {
    Run r = bacalhau().run("docker", "run", "busybox", "--", "no-such-command");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Error: job failed"), r.err());
  }
}
