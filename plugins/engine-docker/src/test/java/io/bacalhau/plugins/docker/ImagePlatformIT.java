package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image built for another platform is refused with Bacalhau's message: when the node bids (the
 * job's history says why and no execution runs), and again before a container is made, instead of
 * failing inside the container with "exec format error". The image is made in the test ({@code
 * docker load} of a tarball whose config says {@code arm64}; a daemon keeps what the config says);
 * the only registry asked is a loopback one of the test's own.
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
      assertEquals(refusal(image, api.imagePlatform(image)), e.getMessage());
      assertTrue(e.failsExecution());
      assertTrue(e.hint().contains("docker build --platform " + daemon), e.hint());
      assertEquals(List.of(), api.containersLabelled(Map.of(Labels.EXECUTION, run.executionId)));
    } finally {
      engine.close();
    }
  }

  private String refusal(String image, Platform imagePlatform) {
    return "this node does not support the available image platforms ["
        + imagePlatform
        + "] (supports ["
        + daemon
        + "]) for image '"
        + image
        + "'";
  }

  private DockerEngine engine(PullPolicy policy) {
    return (DockerEngine)
        new DockerEngineFactory()
            .create(
                new DockerConfig(null, policy, null, null, null),
                new ProviderContext(dir, "n-platform", Map.of()));
  }

  private static Job job(String image) {
    return Job.builder()
        .name("platform")
        .type(JobType.BATCH)
        .count(1)
        .task(Task.builder().engine(SpecConfig.of("docker", Map.of("Image", image))).build())
        .build();
  }

  @Test
  void theNodeDoesNotBidOnALocalImageOfAnotherArchitecture() throws Exception {
    try (DockerEngine engine = engine(PullPolicy.NEVER)) {
      assertEquals(
          Optional.of(refusal(image, api.imagePlatform(image))), engine.bidRefusal(job(image)));
      assertEquals(Optional.empty(), engine.bidRefusal(job(DockerTestSupport.IMAGE)));
    }
  }

  /**
   * Not on the node, and the registry has it only for the other architecture: refused from the
   * registry's manifest, without pulling it.
   */
  @Test
  void theNodeDoesNotBidOnARegistryImageOfAnotherArchitectureAndPullsNothing() throws Exception {
    Platform other = api.imagePlatform(image);
    try (LocalRegistry registry = LocalRegistry.serving(image);
        DockerEngine engine = engine(PullPolicy.IF_NOT_PRESENT)) {
      String remote = registry.address() + "/bacalhau-test/other-platform:" + UUID.randomUUID();
      assertEquals(Optional.of(refusal(remote, other)), engine.bidRefusal(job(remote)));
      assertFalse(api.hasImage(remote), "the bid check only reads the manifest");
    }
  }

  @Test
  void aRefusedBidIsInTheJobsHistoryAndNoContainerRuns() throws Exception {
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dir);
    new ProviderLoader(
            registry,
            EmbeddedNodeTestSupport.everySection(Map.of("PullPolicy", "Never")),
            new ProviderContext(dir, "n-platform", System.getenv()),
            Set.of())
        .add(new DockerEngineFactory(), "engine-docker");
    try (EmbeddedNodeClient client =
        EmbeddedNodeTestSupport.client(
            dir, registry, new SchedulerSettings(0, Duration.ofMillis(100)))) {
      String id = client.submit(job(image), false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      assertEquals(JobStateType.FAILED, ended.stateType());
      String history = String.valueOf(client.history(id, HistoryQuery.everything()));
      assertTrue(
          history.contains("Bid rejected: " + refusal(image, api.imagePlatform(image))), history);
      assertTrue(
          client.executions(id, 0).stream().allMatch(e -> e.runOutput() == null),
          "no execution ran");
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
