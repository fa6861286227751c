package io.bacalhau.bench.faults;

import io.bacalhau.testing.RealServices;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy (the real S3-compatible server the S3 tests use; its jar copied into target/s3proxy by
 * the build) as a process of the test's own, on a fixed loopback port and blob folder, so the test
 * can kill it with SIGKILL and start it again where the node expects it.
 */
final class S3Process implements AutoCloseable {
  static final String IDENTITY = "local-identity";
  static final String CREDENTIAL = "local-credential";

  private final Path dir;
  private final int port;
  private Process process;

  S3Process(Path dir, int port) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.port = port;
    Files.createDirectories(blobs());
  }

  static Path jar() {
    return Path.of(System.getProperty("basedir", "."), "target", "s3proxy", "s3proxy.jar");
  }

  static void requireJar() {
    RealServices.require(Files.isRegularFile(jar()), "the S3Proxy jar at " + jar());
  }

  Path blobs() {
    return dir.resolve("blobs");
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  void start() throws Exception {
    Path conf = dir.resolve("s3proxy.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint(),
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + IDENTITY,
            "s3proxy.credential=" + CREDENTIAL,
            "jclouds.provider=filesystem-nio2",
            "jclouds.filesystem.basedir=" + blobs(),
            ""));
    Path log = dir.resolve("s3proxy.log");
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar().toString(),
                "--properties",
                conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
        c.setConnectTimeout(500);
        c.getResponseCode();
        c.disconnect();
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("S3Proxy did not answer within 90 s: " + Files.readString(log));
  }

  /** SIGKILL, as a crashed server. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
