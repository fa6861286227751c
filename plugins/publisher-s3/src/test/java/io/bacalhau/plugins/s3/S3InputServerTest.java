package io.bacalhau.plugins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The s3 input source reading what the independent AWS CLI uploaded to a real S3 server. */
class S3InputServerTest {
  private static S3ProxyServer server;
  private static String bucket;
  private static Path uploaded;
  private static InputSourceProvider source;

  @TempDir Path dir;

  @BeforeAll
  static void upload(@TempDir Path tmp) throws Exception {
    RealServices.require(S3ProxyServer.available(), "S3Proxy jar at " + S3ProxyServer.jar());
    RealServices.require(AwsCli.available(), "Debian awscli at " + AwsCli.BINARY);
    server = S3ProxyServer.shared();
    bucket = "inputs-" + UUID.randomUUID().toString().substring(0, 8);
    Files.createDirectories(server.blobs().resolve(bucket));
    uploaded = Files.createDirectories(tmp.resolve("upload/data/sub"));
    uploaded = uploaded.getParent().getParent();
    Files.writeString(uploaded.resolve("single.txt"), "just one object\n");
    Files.writeString(uploaded.resolve("data/a.csv"), "x,y\n1,2\n");
    Files.writeString(uploaded.resolve("data/b.txt"), "bee\n");
    Files.writeString(uploaded.resolve("data/sub/c.csv"), "c\n");
    new AwsCli(server.endpoint())
        .run("s3", "cp", "--recursive", "--quiet", uploaded.toString(), "s3://" + bucket + "/in/");
    source =
        new S3InputSourceFactory()
            .create(new S3InputSourceConfig(), new ProviderContext(tmp, "n-1", server.env()));
  }

  @AfterAll
  static void close() {
    if (source != null) {
      source.close();
    }
  }

  private PreparedInput prepare(Map<String, Object> extra) throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Bucket", bucket);
    params.put("Endpoint", server.endpoint());
    params.putAll(extra);
    InputSource input = new InputSource(SpecConfig.of("s3", params), "", "/inputs");
    Path staging = Files.createDirectories(dir.resolve("staging-" + UUID.randomUUID()));
    PreparedInput prepared =
        source.prepare(
            new PrepareRequest(Job.builder().build(), "e-1", input, staging), ExecutionEvents.NONE);
    assertTrue(prepared.hostPath().startsWith(staging));
    assertEquals("/inputs", prepared.target());
    return prepared;
  }

  @Test
  void anExactKeyIsOneFileWithTheObjectsBytes() throws Exception {
    Path file = prepare(Map.of("Key", "in/single.txt")).hostPath();
    assertEquals("single.txt", file.getFileName().toString());
    assertEquals("just one object\n", Files.readString(file));
  }

  @Test
  void aPrefixIsAFolderOfEveryObjectBelowIt() throws Exception {
    Path folder = prepare(Map.of("Key", "in/data/")).hostPath();
    assertEquals(ResultsFixture.tree(uploaded.resolve("data")), ResultsFixture.tree(folder));
  }

  @Test
  void aWildcardKeepsPathsFromTheLastSlashAndFilterNarrowsIt() throws Exception {
    Path all = prepare(Map.of("Key", "in/da*")).hostPath();
    assertEquals(
        Set.of("data/a.csv", "data/b.txt", "data/sub/c.csv"), ResultsFixture.tree(all).keySet());
    Path csv = prepare(Map.of("Key", "in/", "Filter", "\\.csv$")).hostPath();
    assertEquals(Set.of("data/a.csv", "data/sub/c.csv"), ResultsFixture.tree(csv).keySet());
  }

  @Test
  void theChecksumIsVerified() throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(uploaded.resolve("single.txt")));
    String right = Base64.getEncoder().encodeToString(digest);
    assertEquals(
        "just one object\n",
        Files.readString(
            prepare(Map.of("Key", "in/single.txt", "ChecksumSHA256", right)).hostPath()));

    digest[0] ^= 1;
    String wrong = Base64.getEncoder().encodeToString(digest);
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> prepare(Map.of("Key", "in/single.txt", "ChecksumSHA256", wrong)));
    assertEquals("ChecksumMismatch", e.details().get("S3Code"));
    assertTrue(e.getMessage().contains(wrong), e.getMessage());
  }

  @Test
  void aMissingObjectIsNotFoundNamingIt() {
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> prepare(Map.of("Key", "in/nope.txt")));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals("S3InputSource", e.component());
    assertTrue(e.getMessage().contains("s3://" + bucket + "/in/nope.txt"), e.getMessage());
    BacalhauException empty =
        assertThrows(BacalhauException.class, () -> prepare(Map.of("Key", "out/")));
    assertEquals(ErrorCode.NOT_FOUND, empty.code());
  }

  @Test
  void wrongCredentialsAreForbiddenWithAHintAboutCredentials() throws Exception {
    Map<String, String> wrong =
        Map.of("AWS_ACCESS_KEY_ID", "intruder", "AWS_SECRET_ACCESS_KEY", "x");
    try (InputSourceProvider intruder =
        new S3InputSourceFactory()
            .create(new S3InputSourceConfig(), new ProviderContext(dir, "n", wrong))) {
      InputSource input =
          new InputSource(
              SpecConfig.of(
                  "s3",
                  Map.of("Bucket", bucket, "Key", "in/single.txt", "Endpoint", server.endpoint())),
              "",
              "/in");
      BacalhauException e =
          assertThrows(
              BacalhauException.class,
              () ->
                  intruder.prepare(
                      new PrepareRequest(Job.builder().build(), "e", input, dir),
                      ExecutionEvents.NONE));
      assertEquals(ErrorCode.FORBIDDEN, e.code());
      assertTrue(e.hint().contains("AWS_ACCESS_KEY_ID"), e.hint());
      assertTrue(e.failsExecution());
    }
  }
}
