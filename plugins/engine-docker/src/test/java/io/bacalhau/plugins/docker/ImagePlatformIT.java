package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image built for another platform is refused before a container is made, with Bacalhau's
 * message, instead of failing inside the container with "exec format error". The image is made in
 * the test ({@code docker load} of a tarball whose config says {@code arm64}; a daemon keeps what
 * the config says), so no registry is asked.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImagePlatformIT {
  @TempDir Path dir;
  private final String image = "bacalhau-test/other-platform:" + UUID.randomUUID();
  private DockerApi api;
  private Platform daemon;

  @BeforeAll
  static void daemonAndImage() throws Exception {
    DockerTestSupport.requireDaemonAndImage();
  }

  @BeforeEach
  void setUp() throws Exception {
    api =
        DockerApi.connect(
            DockerConfig.defaults().resolveHost(System.getenv()), Duration.ofSeconds(30));
    daemon = api.daemonPlatform();
    String other = daemon.architecture().equals("arm64") ? "amd64" : "arm64";
    load(otherPlatformImage(other));
  }

  @AfterEach
  void tearDown() throws Exception {
    new ProcessBuilder("docker", "rmi", "-f", image).start().waitFor();
    api.close();
  }

  @Test
  void anImageOfAnotherArchitectureIsRefusedWithBacalhausMessage() throws Exception {
    // Never: the refusal must come from the image on this node, not from a registry.
    DockerEngine engine =
        (DockerEngine)
            new DockerEngineFactory()
                .create(
                    new DockerConfig(null, PullPolicy.NEVER, null, null, null),
                    new ProviderContext(dir, "n-platform", Map.of()));
    try {
      var run = new DockerTestSupport.Run(dir, "true").param("Image", image);
      BacalhauException e =
          assertThrows(
              BacalhauException.class, () -> engine.run(run.request(), ExecutionEvents.NONE));
      assertEquals(
          "this node does not support the available image platforms ["
              + api.imagePlatform(image)
              + "] (supports ["
              + daemon
              + "]) for image '"
              + image
              + "'",
          e.getMessage());
      assertTrue(e.failsExecution());
      assertTrue(e.hint().contains("docker build --platform " + daemon), e.hint());
      assertEquals(List.of(), api.containersLabelled(Map.of(Labels.EXECUTION, run.executionId)));
    } finally {
      engine.close();
    }
  }

  /** A one-layer image in {@code docker save} form whose config names the other architecture. */
  private Path otherPlatformImage(String architecture) throws Exception {
    Path root = Files.createDirectories(dir.resolve("image"));
    Path content = Files.createDirectories(dir.resolve("content"));
    Files.writeString(content.resolve("hello"), "hello\n");
    Path layer = Files.createDirectories(root.resolve("layer")).resolve("layer.tar");
    exec("tar", "-cf", layer.toString(), "-C", content.toString(), "hello");
    String diffId = "sha256:" + sha256(Files.readAllBytes(layer));
    String config =
        "{\"architecture\":\""
            + architecture
            + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/hello\"]},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + diffId
            + "\"]}}";
    String configName = sha256(config.getBytes(StandardCharsets.UTF_8)) + ".json";
    Files.writeString(root.resolve(configName), config);
    Files.writeString(
        root.resolve("manifest.json"),
        "[{\"Config\":\""
            + configName
            + "\",\"RepoTags\":[\""
            + image
            + "\"],\"Layers\":[\"layer/layer.tar\"]}]");
    Path tarball = dir.resolve("image.tar");
    exec("tar", "-cf", tarball.toString(), "-C", root.toString(), ".");
    return tarball;
  }

  private static void load(Path tarball) throws Exception {
    exec("docker", "load", "-i", tarball.toString());
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
