package io.bacalhau.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real S3-compatible server for tests: S3Proxy's own jar (copied by the build into {@code
 * target/s3proxy} of the module under test) run as a child process on 127.0.0.1 with a filesystem
 * blob store. One server is shared by the test JVM and stopped when it exits.
 */
public final class S3ProxyServer {
  public static final String IDENTITY = "local-identity";
  public static final String CREDENTIAL = "local-credential";
  private static S3ProxyServer shared;

  private final Process process;
  private final String endpoint;
  private final Path blobs;

  private S3ProxyServer(Process process, String endpoint, Path blobs) {
    this.process = process;
    this.endpoint = endpoint;
    this.blobs = blobs;
  }

  public static Path jar() {
    return Path.of(System.getProperty("basedir", "."), "target", "s3proxy", "s3proxy.jar");
  }

  public static boolean available() {
    return Files.isRegularFile(jar());
  }

  /** The shared server, started on first use. */
  public static synchronized S3ProxyServer shared() throws Exception {
    if (shared == null) {
      shared = start();
      S3ProxyServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return shared;
  }

  private static S3ProxyServer start() throws Exception {
    Path dir = Files.createTempDirectory("s3proxy-test");
    Path blobs = Files.createDirectories(dir.resolve("blobs"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    Path conf = dir.resolve("s3proxy.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + IDENTITY,
            "s3proxy.credential=" + CREDENTIAL,
            "jclouds.provider=filesystem-nio2",
            "jclouds.filesystem.basedir=" + blobs,
            ""));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-jar",
                jar().toString(),
                "--properties",
                conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("s3proxy.log").toFile())
            .start();
    S3ProxyServer server = new S3ProxyServer(process, endpoint, blobs);
    server.awaitReady(dir.resolve("s3proxy.log"));
    return server;
  }

  private void awaitReady(Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
        c.setConnectTimeout(500);
        c.getResponseCode();
        c.disconnect();
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    stop();
    throw new IllegalStateException("S3Proxy did not answer within 90s: " + Files.readString(log));
  }

  public String endpoint() {
    return endpoint;
  }

  public Path blobs() {
    return blobs;
  }

  /** The node environment that holds this server's credentials. */
  public Map<String, String> env() {
    return Map.of("AWS_ACCESS_KEY_ID", IDENTITY, "AWS_SECRET_ACCESS_KEY", CREDENTIAL);
  }

  public void stop() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
