package io.bacalhau.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.bench.ServedNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served node publishing to S3 when the S3 server is killed mid-upload (S3Proxy, SIGKILL, while a
 * 4 MB result goes up through a relay slowed to 1 MB/s): the job fails with a network error and a
 * hint in its history; what was published before stays; once the server is started again a rerun
 * publishes, with no restart of the node.
 */
class S3KilledIT {
  private static final int PUBLISHING = 7; // ExecutionStateType.PUBLISHING's code
  private static final String HINT = "is reachable from this node";

  @TempDir Path dir;

  @Test
  void anS3ServerKilledMidUploadFailsThePublishWithAHintAndARerunPublishesOnceItIsBack()
      throws Exception {
    S3Process.requireJar();
    try (S3Process s3 = new S3Process(dir.resolve("s3"), TcpRelay.freePort());
        TcpRelay relay =
            new TcpRelay(TcpRelay.freePort(), new InetSocketAddress("127.0.0.1", port(s3)))
                .throttleUploads(1 << 20);
        ServedNode node =
            new ServedNode(Faults.dist(), dir.resolve("data"), dir.resolve("serve.log"))
                .env("AWS_ACCESS_KEY_ID", S3Process.IDENTITY)
                .env("AWS_SECRET_ACCESS_KEY", S3Process.CREDENTIAL)
                .env("AWS_REGION", "us-east-1")) {
      Files.createDirectories(s3.blobs().resolve("faults"));
      s3.start();
      relay.up();
      node.start();
      FaultApi jobs = new FaultApi(node.base());
      String endpoint = "http://127.0.0.1:" + relay.port();
      String before = jobs.acknowledged(spec("small", endpoint));
      assertEquals("Completed", jobs.awaitTerminal(before, Duration.ofSeconds(60)));
      long objectsBefore = objects(s3);
      assertTrue(objectsBefore > 0, "the first job's results are in the bucket");

      byte[] noise = new byte[3 << 20];
      new Random(22).nextBytes(noise); // incompressible: the archive stays about 4 MB
      String during = jobs.acknowledged(spec(Base64.getEncoder().encodeToString(noise), endpoint));
      awaitPublishing(jobs, during);
      Thread.sleep(1000); // a second into the upload
      s3.kill();

      assertEquals("Failed", jobs.awaitTerminal(during, Duration.ofSeconds(120)));
      JsonNode failed = jobs.awaitHint(during, HINT, Duration.ofSeconds(5));
      assertEquals(
          "true", failed.path("Event").path("Details").path("Retryable").asText(), "" + failed);

      s3.start();
      assertEquals(200, jobs.rerun(during).status());
      assertEquals(
          "Completed",
          jobs.await(during, "Completed"::equals, Duration.ofSeconds(120)),
          "the rerun publishes once the server is back");
      assertTrue(objects(s3) > objectsBefore, "the rerun's results are in the bucket");
    }
  }

  private static int port(S3Process s3) {
    return Integer.parseInt(s3.endpoint().substring(s3.endpoint().lastIndexOf(':') + 1));
  }

  private static String spec(String stdout, String endpoint) {
    return """
        {"Job": {"Type": "batch", "Count": 1, "Tasks": [{"Name": "main",
          "Engine": {"Type": "noop", "Params": {"Stdout": "%s"}},
          "Publisher": {"Type": "s3", "Params": {"Bucket": "faults",
            "Key": "results/{jobID}/{executionID}", "Endpoint": "%s"}}}]}}
        """
        .formatted(stdout, endpoint);
  }

  private static void awaitPublishing(FaultApi jobs, String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode e : jobs.executions(id)) {
        if (e.path("ComputeState").path("StateType").asInt() == PUBLISHING) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " never published");
  }

  private static long objects(S3Process s3) throws Exception {
    try (Stream<Path> files = Files.walk(s3.blobs().resolve("faults"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
