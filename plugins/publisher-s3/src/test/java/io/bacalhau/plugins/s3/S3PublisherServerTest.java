package io.bacalhau.plugins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The s3 publisher against a real S3 server, checked with the independent AWS CLI. */
class S3PublisherServerTest {
  @TempDir Path dir;
  private S3ProxyServer server;
  private AwsCli aws;
  private String bucket;

  @BeforeEach
  void server() throws Exception {
    RealServices.require(S3ProxyServer.available(), "S3Proxy jar at " + S3ProxyServer.jar());
    RealServices.require(AwsCli.available(), "Debian awscli at " + AwsCli.BINARY);
    server = S3ProxyServer.shared();
    aws = new AwsCli(server.endpoint());
    bucket = "results-" + UUID.randomUUID().toString().substring(0, 8);
    // A folder of the filesystem blob store is a bucket; the AWS CLI would take seconds to make
    // one.
    Files.createDirectories(server.blobs().resolve(bucket));
  }

  private Publisher publisher(boolean presignDisabled, Map<String, String> env) {
    return new S3PublisherFactory()
        .create(
            new S3PublisherConfig(presignDisabled, "5m"),
            new ProviderContext(dir.resolve("data"), "n-1", env));
  }

  private SpecConfig spec(String key, String encoding) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Bucket", bucket);
    params.put("Key", key);
    params.put("Endpoint", server.endpoint());
    params.put("Region", "us-east-1");
    if (encoding != null) {
      params.put("Encoding", encoding);
    }
    return SpecConfig.of("s3", params);
  }

  private SpecConfig publish(Publisher publisher, SpecConfig spec) throws Exception {
    Path results = ResultsFixture.write(dir.resolve("results"));
    return publisher.publish(
        new PublishRequest(Job.builder().id("j-42").build(), "e-7", "n-1", spec, results),
        ExecutionEvents.NONE);
  }

  @Test
  void gzipResultIsOneArchiveThatAwsCliDownloadsAndJobGetUnpacks() throws Exception {
    try (Publisher publisher = publisher(false, server.env())) {
      SpecConfig published = publish(publisher, spec("runs/{jobID}/{executionID}", null));

      assertEquals("s3", published.type());
      assertEquals("runs/j-42/e-7.tar.gz", published.param("Key"));
      assertTrue(
          aws.run("s3", "ls", "--recursive", "s3://" + bucket).contains("runs/j-42/e-7.tar.gz"));

      // The AWS CLI fetches the very object, and system tar unpacks it to the bytes we wrote.
      Path copy = dir.resolve("copy.tar.gz");
      aws.run("s3", "cp", "s3://" + bucket + "/runs/j-42/e-7.tar.gz", copy.toString());
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy));
      assertEquals(Base64.getEncoder().encodeToString(digest), published.param("ChecksumSHA256"));
      Path untarred = Files.createDirectories(dir.resolve("untarred"));
      Process tar =
          new ProcessBuilder("tar", "-xzf", copy.toString(), "-C", untarred.toString()).start();
      assertEquals(0, tar.waitFor());
      assertEquals(ResultsFixture.tree(dir.resolve("results")), ResultsFixture.tree(untarred));

      // job get: through a pre-signed URL.
      Path got = dir.resolve("got");
      publisher.download(published, got);
      assertEquals(ResultsFixture.tree(dir.resolve("results")), ResultsFixture.tree(got));
    }
  }

  @Test
  void jobGetWithPreSigningDisabledReadsThroughTheSdk() throws Exception {
    try (Publisher publisher = publisher(true, server.env())) {
      SpecConfig published = publish(publisher, spec("plain-name.tar.gz", "gzip"));
      assertEquals("plain-name.tar.gz", published.param("Key"));
      Path got = dir.resolve("got");
      publisher.download(published, got);
      assertEquals(ResultsFixture.tree(dir.resolve("results")), ResultsFixture.tree(got));
    }
  }

  @Test
  void plainResultIsOneObjectPerFileUnderAPrefix() throws Exception {
    try (Publisher publisher = publisher(false, server.env())) {
      SpecConfig published = publish(publisher, spec("out/{nodeID}", "plain"));

      assertEquals("out/n-1/", published.param("Key"));
      String listing = aws.run("s3", "ls", "--recursive", "s3://" + bucket + "/out/");
      for (String key :
          new String[] {"out/n-1/stdout", "out/n-1/exitCode", "out/n-1/outputs/sub/data.bin"}) {
        assertTrue(listing.contains(key), listing);
      }
      Path got = dir.resolve("got");
      publisher.download(published, got);
      assertEquals(ResultsFixture.tree(dir.resolve("results")), ResultsFixture.tree(got));
    }
  }

  @Test
  void missingBucketIsNotFoundWithAHint() throws Exception {
    try (Publisher publisher = publisher(false, server.env())) {
      bucket = "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8);
      BacalhauException e =
          assertThrows(BacalhauException.class, () -> publish(publisher, spec("k", null)));
      assertEquals(ErrorCode.NOT_FOUND, e.code());
      assertEquals("S3Publisher", e.component());
      assertEquals("NoSuchBucket", e.details().get("S3Code"));
      assertTrue(e.getMessage().contains("NoSuchBucket"), e.getMessage());
      assertTrue(e.hint().contains(bucket), e.hint());
      assertTrue(e.failsExecution());
      assertFalse(e.retryable());
    }
  }

  @Test
  void wrongCredentialsAreAccessDeniedNamingTheCredentialSources() throws Exception {
    Map<String, String> wrong =
        Map.of("AWS_ACCESS_KEY_ID", "intruder", "AWS_SECRET_ACCESS_KEY", "x");
    try (Publisher publisher = publisher(false, wrong)) {
      BacalhauException e =
          assertThrows(BacalhauException.class, () -> publish(publisher, spec("k", null)));
      assertEquals(ErrorCode.FORBIDDEN, e.code());
      assertTrue(e.hint().contains("AWS_ACCESS_KEY_ID"), e.hint());
      assertEquals("403", e.details().get("HTTPStatus"));
    }
  }

  @Test
  void unreachableEndpointIsARetryableNetworkFailure() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (Publisher publisher = publisher(false, server.env())) {
      Map<String, Object> params = new LinkedHashMap<>(spec("k", null).params());
      params.put("Endpoint", "http://127.0.0.1:" + closedPort);
      BacalhauException e =
          assertThrows(
              BacalhauException.class, () -> publish(publisher, SpecConfig.of("s3", params)));
      assertEquals(ErrorCode.NETWORK_FAILURE, e.code());
      assertTrue(e.retryable());
    }
  }
}
