package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.plugins.ipfs.cid.UnixFs;
import io.bacalhau.testing.BenchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Manual benchmark, not a test: publishes a results folder holding one file of N MB (default 100)
 * to the node in {@code BACALHAU_IPFS_API}, fetches it back as {@code job get} would, and times the
 * local CID computation on its own.
 */
public final class IpfsRoundTripBench {
  private IpfsRoundTripBench() {}

  public static void main(String[] args) throws Exception {
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path dir = Files.createTempDirectory("ipfs-bench");
    Path results = BenchResults.create(dir, mb);
    IpfsPublisher publisher = new IpfsPublisher(IpfsNode.rpc(Duration.ofMinutes(5)));
    for (int run = 0; run < 2; run++) {
      long t0 = System.nanoTime();
      String local = UnixFs.v1().cid(results).toString();
      long t1 = System.nanoTime();
      SpecConfig published =
          publisher.publish(
              new PublishRequest(
                  Job.builder().id("j").build(), "e", "n", SpecConfig.of("ipfs"), results),
              ExecutionEvents.NONE);
      long t2 = System.nanoTime();
      publisher.download(published, dir.resolve("got" + run));
      long t3 = System.nanoTime();
      System.out.printf(
          "ipfs %d MB run %d: local CID %d ms, publish (add + local CID check) %d ms, job get %d ms, CID %s (matches local: %s)%n",
          mb,
          run,
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          published.param("CID"),
          local.equals(published.param("CID")));
    }
  }
}
