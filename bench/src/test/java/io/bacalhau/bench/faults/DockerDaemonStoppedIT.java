package io.bacalhau.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.bench.ServedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A served node whose Docker daemon is killed while a Docker job runs (a daemon of the test's own;
 * the shared one is left alone): the job fails with an error that says the daemon went away and a
 * hint in its history (it used to be the HTTP client's "Premature end of chunk coded message body",
 * then a refused bid's bare "ConnectException: Connection refused"); jobs acknowledged before stay;
 * once the daemon is started again, the next Docker job runs, with no restart of the node.
 */
class DockerDaemonStoppedIT {
  @Test
  void aDockerDaemonKilledMidJobFailsItWithAHintAndTheNextJobRunsOnceItIsBack() throws Exception {
    DockerDaemon.require();
    // Not a @TempDir: the daemon's roots hold files a cleanup could trip over while it exits; a
    // unix socket's path must also stay short.
    Path dir = Files.createTempDirectory("faults-docker");
    try (DockerDaemon docker = new DockerDaemon(dir.resolve("d"));
        ServedNode node =
            new ServedNode(Faults.dist(), dir.resolve("data"), dir.resolve("serve.log"))
                .env("DOCKER_HOST", "unix://" + dir.resolve("d/docker.sock"))) {
      docker.start();
      docker.importTestImage();
      node.start();
      FaultApi jobs = new FaultApi(node.base());
      String before = jobs.acknowledged(spec("echo before"));
      assertEquals("Completed", jobs.awaitTerminal(before, Duration.ofSeconds(120)));

      String during = jobs.acknowledged(spec("echo started; sleep 60"));
      jobs.await(during, "Running"::equals, Duration.ofSeconds(60));
      Thread.sleep(1500); // the container runs
      docker.kill();

      String end = jobs.awaitTerminal(during, Duration.ofSeconds(120));
      assertEquals("Failed", end, String.valueOf(jobs.history(during)));
      JsonNode failed = jobs.awaitHint(during, "Start dockerd", Duration.ofSeconds(5));
      assertTrue(
          failed.path("Event").path("Message").asText().contains("Docker daemon went away"),
          failed.toString());
      assertTrue(
          jobs.history(during).stream()
              .anyMatch(
                  e ->
                      e.path("Event")
                          .path("Message")
                          .asText()
                          .contains("Docker daemon not reachable at " + docker.host())),
          "the retry's refused bid says where the daemon was looked for: " + jobs.history(during));

      docker.start();
      String after = jobs.acknowledged(spec("echo after"));
      assertEquals(
          "Completed",
          jobs.awaitTerminal(after, Duration.ofSeconds(120)),
          String.valueOf(jobs.history(after)));
      assertEquals("Completed", jobs.state(before), "acknowledged before the fault, still there");
    } finally {
      new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
    }
  }

  private static String spec(String script) {
    return """
        {"Job": {"Type": "batch", "Count": 1, "Tasks": [{"Name": "main",
          "Engine": {"Type": "docker", "Params": {"Image": "%s",
            "Entrypoint": ["sh", "-c", "%s"]}}}]}}
        """
        .formatted(DockerDaemon.IMAGE, script);
  }
}
