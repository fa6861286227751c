package io.bacalhau.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.bench.ServedNode;
import io.bacalhau.testing.RealServices;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served node publishing to IPFS while its IPFS node is down (the tests' real IPFS node, from
 * BACALHAU_IPFS_API, behind a relay the test takes down): the job fails with the connection error
 * and a hint in its history; jobs acknowledged before keep their results; once the IPFS node is
 * back, a rerun publishes, with no restart of the node.
 */
class IpfsDownIT {
  private static final String HINT = "Start the IPFS node";

  @TempDir Path dir;

  @Test
  void anIpfsNodeThatIsDownFailsThePublishWithAHintAndARerunPublishesOnceItIsBack()
      throws Exception {
    String api = System.getenv().getOrDefault("BACALHAU_IPFS_API", "");
    RealServices.require(!api.isEmpty(), "an IPFS node's RPC API in BACALHAU_IPFS_API");
    URI ipfs = URI.create(api);
    try (TcpRelay relay =
            new TcpRelay(
                TcpRelay.freePort(), new InetSocketAddress(ipfs.getHost(), ipfs.getPort()));
        ServedNode node =
            new ServedNode(Faults.dist(), dir.resolve("data"), dir.resolve("serve.log"))
                .config("Publishers.Types.IPFS.Endpoint=/ip4/127.0.0.1/tcp/" + relay.port())) {
      relay.up();
      node.start();
      FaultApi jobs = new FaultApi(node.base());
      String before = jobs.acknowledged(FaultApi.noop("before", 0, "ipfs"));
      assertEquals("Completed", jobs.awaitTerminal(before, Duration.ofSeconds(60)));
      String cidBefore = publishedCid(jobs, before);

      relay.down();
      String during = jobs.acknowledged(FaultApi.noop("during", 0, "ipfs"));
      assertEquals("Failed", jobs.awaitTerminal(during, Duration.ofSeconds(60)));
      JsonNode failed = jobs.awaitHint(during, HINT, Duration.ofSeconds(5));
      assertTrue(
          failed.path("Event").path("Message").asText().contains("cannot connect to the IPFS node"),
          failed.toString());
      assertEquals("true", failed.path("Event").path("Details").path("Retryable").asText());

      relay.up();
      assertEquals(200, jobs.rerun(during).status());
      assertEquals(
          "Completed",
          jobs.await(during, "Completed"::equals, Duration.ofSeconds(60)),
          "the rerun publishes once the IPFS node is back");
      assertFalse(publishedCid(jobs, during).isEmpty());
      assertEquals(cidBefore, publishedCid(jobs, before), "acknowledged before, unchanged");
    }
  }

  private static String publishedCid(FaultApi jobs, String id) throws Exception {
    List<JsonNode> executions = jobs.executions(id);
    for (JsonNode e : executions) {
      String cid = e.path("PublishedResult").path("Params").path("CID").asText("");
      if (!cid.isEmpty()) {
        return cid;
      }
    }
    return "";
  }
}
