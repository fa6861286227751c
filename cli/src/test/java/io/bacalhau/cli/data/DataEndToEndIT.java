package io.bacalhau.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.cli.Distribution;
import io.bacalhau.cli.Distribution.Run;
import io.bacalhau.cli.LocalDocker;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compute over data, end to end through the packaged CLI and real servers: a docker job and a wasm
 * job each read one input from S3 (S3Proxy) and one from IPFS (a js-ipfs node), copy both into a
 * result path and publish it to S3, IPFS or the local publisher; {@code job get} brings each result
 * back and the bytes are the inputs' bytes.
 */
class DataEndToEndIT {
  private static final String IPFS_ENV = "BACALHAU_IPFS_API";
  private static final Path CAT_WASM =
      Path.of("../plugins/engine-wasm/src/test/resources/wasm/cat.wasm");

  private static S3ProxyServer s3;
  private static String bucket;
  private static byte[] s3Bytes;
  private static byte[] ipfsBytes;
  private static String cid;

  @TempDir Path home;

  @BeforeAll
  static void inputs() throws Exception {
    String ipfsApi = System.getenv().getOrDefault(IPFS_ENV, "").strip();
    RealServices.require(!ipfsApi.isEmpty(), "an IPFS node whose RPC API is in " + IPFS_ENV);
    RealServices.require(S3ProxyServer.available(), "S3Proxy jar at " + S3ProxyServer.jar());
    RealServices.require(
        LocalDocker.hasImage("busybox"), "a Docker daemon with a local 'busybox' image");

    Random random = new Random(42);
    s3Bytes = new byte[300_000];
    random.nextBytes(s3Bytes);
    ipfsBytes = new byte[700_000]; // more than one 256 KiB chunk
    random.nextBytes(ipfsBytes);

    s3 = S3ProxyServer.shared();
    bucket = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    Path object = s3.blobs().resolve(bucket).resolve("in").resolve("data.bin");
    Files.createDirectories(object.getParent());
    Files.write(object, s3Bytes);
    cid = ipfsAdd(ipfsApi, ipfsBytes);
  }

  @ParameterizedTest(name = "{0} job, published to {1}")
  @CsvSource({"docker,s3", "docker,ipfs", "docker,local", "wasm,s3", "wasm,ipfs", "wasm,local"})
  void inputsFromS3AndIpfsComeBackFromThePublisher(String engine, String publisher)
      throws Exception {
    Distribution bacalhau = new Distribution(home, home.resolve("data"));
    List<String> args = new ArrayList<>(config());
    args.addAll(List.of(engine, "run", "--id-only", "-p", publisherFlag(publisher)));
    args.addAll(
        List.of(
            "-i",
            "src=s3://" + bucket + "/in/data.bin,dst=/inputs/s3,opt=endpoint=" + s3.endpoint(),
            "-i",
            "src=ipfs://" + cid + ",dst=/inputs/ipfs",
            "-o",
            "copies:/outputs"));
    if (engine.equals("docker")) {
      args.addAll(
          List.of(
              "busybox",
              "--",
              "sh",
              "-c",
              "cp /inputs/s3 /outputs/s3.bin && cp /inputs/ipfs /outputs/ipfs.bin"));
    } else {
      Files.copy(CAT_WASM, home.resolve("cat.wasm"));
      args.addAll(
          List.of(
              "cat.wasm",
              "--",
              "/inputs/s3",
              "/outputs/s3.bin",
              "/inputs/ipfs",
              "/outputs/ipfs.bin"));
    }

    Run run = bacalhau.run(s3.env(), args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.toString());
    String jobId = run.out().strip();

    List<String> get = new ArrayList<>(config());
    get.addAll(List.of("job", "get", jobId, "--output-dir", "results"));
    Run fetched = bacalhau.run(s3.env(), get.toArray(String[]::new));
    assertEquals(0, fetched.exitCode(), fetched.toString());
    Path results = home.resolve("results");
    assertArrayEquals(s3Bytes, Files.readAllBytes(results.resolve("copies/s3.bin")));
    assertArrayEquals(ipfsBytes, Files.readAllBytes(results.resolve("copies/ipfs.bin")));
    assertEquals("0", Files.readString(results.resolve("exitCode")).strip());
  }

  private static List<String> config() {
    String api = System.getenv(IPFS_ENV).strip();
    return List.of(
        "-c",
        "InputSources.Types.IPFS.Endpoint=" + api,
        "-c",
        "Publishers.Types.IPFS.Endpoint=" + api,
        "-c",
        "DisableAnalytics=true");
  }

  private static String publisherFlag(String publisher) {
    return switch (publisher) {
      case "s3" ->
          "s3://" + bucket + "/results/{jobID}/{executionID},opt=endpoint=" + s3.endpoint();
      default -> publisher;
    };
  }

  /** Adds bytes to the node the way any client would (RPC {@code add}), as a base32 CIDv1. */
  private static String ipfsAdd(String api, byte[] bytes) throws Exception {
    String boundary = "e2e" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String base = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base + "/api/v0/add?cid-version=1&raw-leaves=true&cid-base=base32"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    String lastLine = response.body().strip().lines().reduce((a, b) -> b).orElseThrow();
    return new ObjectMapper().readTree(lastLine).get("Hash").asText();
  }
}
