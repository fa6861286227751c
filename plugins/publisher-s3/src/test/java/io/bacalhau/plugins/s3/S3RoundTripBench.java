package io.bacalhau.plugins.s3;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.testing.BenchResults;
import io.bacalhau.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Manual benchmark, not a test: publishes a results folder holding one file of N MB (default 100)
 * to a local S3Proxy and fetches it back as {@code job get} would, printing both times. Run from
 * the module folder after {@code mvn test-compile}: {@code java -cp <test classpath>
 * io.bacalhau.plugins.s3.S3RoundTripBench 100}.
 */
public final class S3RoundTripBench {
  private S3RoundTripBench() {}

  public static void main(String[] args) throws Exception {
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    S3ProxyServer server = S3ProxyServer.shared();
    Path dir = Files.createTempDirectory("s3-bench");
    Path results = BenchResults.create(dir, mb);
    Files.createDirectories(server.blobs().resolve("bench"));
    for (String encoding : new String[] {"gzip", "plain"}) {
      for (int run = 0; run < 2; run++) {
        try (Publisher publisher =
            new S3PublisherFactory()
                .create(
                    new S3PublisherConfig(false, ""),
                    new ProviderContext(dir, "n", server.env()))) {
          SpecConfig spec =
              SpecConfig.of(
                  "s3",
                  Map.of(
                      "Bucket",
                      "bench",
                      "Key",
                      "r/{executionID}",
                      "Endpoint",
                      server.endpoint(),
                      "Encoding",
                      encoding));
          long t0 = System.nanoTime();
          SpecConfig published =
              publisher.publish(
                  new PublishRequest(
                      Job.builder().id("j").build(), "e" + run + encoding, "n", spec, results),
                  ExecutionEvents.NONE);
          long t1 = System.nanoTime();
          publisher.download(published, dir.resolve("got-" + encoding + run));
          long t2 = System.nanoTime();
          System.out.printf(
              "s3 %s %d MB run %d: publish %d ms, job get %d ms%n",
              encoding, mb, run, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
      }
    }
    server.stop();
  }
}
