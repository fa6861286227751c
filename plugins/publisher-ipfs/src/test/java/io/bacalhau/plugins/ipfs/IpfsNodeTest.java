package io.bacalhau.plugins.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import io.bacalhau.plugins.ipfs.cid.UnixFs;
import io.bacalhau.testing.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our CIDs, publisher and input source against a real IPFS node on 127.0.0.1. */
class IpfsNodeTest {
  @TempDir Path dir;
  private IpfsRpc rpc;

  @BeforeEach
  void node() {
    RealServices.require(
        IpfsNode.available(),
        "IPFS node RPC API in $" + IpfsNode.ENV + " ('" + IpfsNode.api() + "')");
    rpc = IpfsNode.rpc(Duration.ofSeconds(20));
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private Path results() throws Exception {
    Path results = Files.createDirectories(dir.resolve("results/outputs/nested"));
    Files.createDirectories(dir.resolve("results/empty folder"));
    Files.writeString(dir.resolve("results/stdout"), "hello from the job\n");
    Files.writeString(dir.resolve("results/stderr"), "");
    Files.writeString(dir.resolve("results/exitCode"), "0");
    Files.writeString(dir.resolve("results/outputs/Ünïcode name.txt"), "é");
    Files.write(dir.resolve("results/outputs/nested/big.bin"), random(700_000, 3));
    return results.getParent().getParent();
  }

  @Test
  void localCidsEqualTheNodesForSmallMultiChunkAndFolderInputs() throws Exception {
    Path small = Files.writeString(dir.resolve("small.txt"), "small input\n");
    Path large = Files.write(dir.resolve("large.bin"), random(5 * 1024 * 1024 + 12345, 5));
    Path folder = results();
    for (Path p : new Path[] {small, large, folder}) {
      assertEquals(rpc.add(p, 0), UnixFs.v0().cid(p).toString(), "CIDv0 of " + p.getFileName());
      assertEquals(rpc.add(p, 1), UnixFs.v1().cid(p).toString(), "CIDv1 of " + p.getFileName());
    }
  }

  @Test
  void publishedResultsComeBackByteForByte() throws Exception {
    Path results = results();
    IpfsPublisher publisher = new IpfsPublisher(rpc);
    SpecConfig published =
        publisher.publish(
            new PublishRequest(
                Job.builder().id("j-1").build(), "e-1", "n-1", SpecConfig.of("ipfs"), results),
            ExecutionEvents.NONE);
    assertEquals("ipfs", published.type());
    assertEquals(UnixFs.v1().cid(results).toString(), published.param("CID"));

    Path got = dir.resolve("got");
    publisher.download(published, got);
    assertEquals(tree(results), tree(got));
    assertTrue(Files.isDirectory(got.resolve("empty folder")));
  }

  @Test
  void inputSourceFetchesFilesAndFolders() throws Exception {
    Path folder = results();
    Path file = Files.writeString(dir.resolve("one.txt"), "one file\n");
    IpfsInputSource source = new IpfsInputSource(rpc);
    for (Path p : new Path[] {file, folder}) {
      String cid = rpc.add(p);
      InputSource input = new InputSource(SpecConfig.of("ipfs", Map.of("CID", cid)), "", "/inputs");
      Path staging = Files.createDirectories(dir.resolve("staging-" + p.getFileName()));
      PreparedInput prepared =
          source.prepare(
              new PrepareRequest(Job.builder().build(), "e-1", input, staging),
              ExecutionEvents.NONE);
      assertEquals("/inputs", prepared.target());
      assertTrue(prepared.hostPath().startsWith(staging));
      if (Files.isDirectory(p)) {
        assertEquals(tree(p), tree(prepared.hostPath()));
      } else {
        assertEquals(Files.readString(p), Files.readString(prepared.hostPath()));
      }
    }
  }

  @Test
  void aCidTheNodeLacksFailsWithinTheTimeoutAsNotFound() throws Exception {
    IpfsInputSource source = new IpfsInputSource(IpfsNode.rpc(Duration.ofSeconds(2)));
    // A valid CID of content nobody added (the offline test node cannot find it anywhere).
    String missing =
        UnixFs.v1()
            .cid(new java.io.ByteArrayInputStream(("never added " + System.nanoTime()).getBytes()))
            .toString();
    InputSource input = new InputSource(SpecConfig.of("ipfs", Map.of("CID", missing)), "", "/in");
    long start = System.nanoTime();
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                source.prepare(
                    new PrepareRequest(Job.builder().build(), "e", input, dir),
                    ExecutionEvents.NONE));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertTrue(e.getMessage().contains(missing), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15);
  }

  @Test
  void anUnreachableNodeIsARetryableNetworkFailureNamingTheEndpoint() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    IpfsPublisher publisher =
        new IpfsPublisher(
            new IpfsRpc(
                IpfsEndpoint.parse("/ip4/127.0.0.1/tcp/" + port, "Endpoint"),
                Duration.ofSeconds(2)));
    Path results = results();
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                publisher.publish(
                    new PublishRequest(
                        Job.builder().build(), "e", "n", SpecConfig.of("ipfs"), results),
                    ExecutionEvents.NONE));
    assertEquals(ErrorCode.NETWORK_FAILURE, e.code());
    assertTrue(e.retryable());
    assertTrue(e.hint().contains("127.0.0.1:" + port), e.hint());
  }

  private static Map<String, String> tree(Path root) throws Exception {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        byte[] digest =
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        tree.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(digest));
      }
    }
    return tree;
  }
}
