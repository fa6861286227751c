package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.ExecutionEvents;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes sure an image is on the node before a run, following the pull policy; and, when the node
 * bids, tells whether any platform of the image runs here.
 */
final class ImageResolver {
  private final DockerApi api;
  private final PullPolicy policy;
  private final DockerConfig.RegistryAuth auth;
  private final PlatformCache registryPlatforms = new PlatformCache(Clock.systemUTC());
  private volatile Platform nodePlatform;

  ImageResolver(DockerApi api, DockerConfig config, Map<String, String> env) {
    this.api = api;
    // SKIP_IMAGE_PULL is Bacalhau's switch for nodes that must never pull.
    boolean skip = !env.getOrDefault("SKIP_IMAGE_PULL", "").isBlank();
    this.policy = skip ? PullPolicy.NEVER : config.pullPolicy();
    this.auth = config.resolveAuth(env);
  }

  /**
   * Bacalhau's bid-time check: the node bids only when the image has a platform this daemon runs. A
   * local image that fits needs no registry; otherwise (no local image, or one of another platform
   * that a pull may replace) the registry's manifest says which platforms there are. With the pull
   * policy Never only the local image counts, and a missing one is left to the run, whose error
   * says how to load it.
   *
   * @return empty to bid, else Bacalhau's refusal
   */
  Optional<String> bidRefusal(String image) {
    String ref = withDefaultTag(image);
    Platform local = api.hasImage(ref) ? api.imagePlatform(ref) : null;
    if (local != null && node().runs(local)) {
      return Optional.empty();
    }
    if (policy == PullPolicy.NEVER) {
      return Optional.ofNullable(local).map(p -> unsupported(image, List.of(p)).getMessage());
    }
    List<Platform> offered;
    try {
      offered = registryPlatforms(ref);
    } catch (RuntimeException e) {
      if (local != null) {
        return Optional.of(unsupported(image, List.of(local)).getMessage());
      }
      return Optional.of(
          "could not read the platforms of image '" + image + "' from its registry: " + message(e));
    }
    if (offered.isEmpty() || offered.stream().anyMatch(node()::runs)) {
      return Optional.empty(); // a registry that names no platform gets the benefit of the doubt
    }
    return Optional.of(unsupported(image, offered).getMessage());
  }

  private List<Platform> registryPlatforms(String ref) {
    Optional<List<Platform>> cached = registryPlatforms.get(ref);
    if (cached.isPresent()) {
      return cached.get();
    }
    List<Platform> offered = api.registryPlatforms(ref, auth);
    registryPlatforms.put(ref, offered);
    return offered;
  }

  /**
   * Makes sure a local image for this daemon's platform is there: a local image of another platform
   * is pulled again for this one (unless the policy is Never), and an image that is still of
   * another platform fails the execution before any container is made, as Bacalhau refuses it.
   */
  void ensure(String image, ExecutionEvents events) throws InterruptedException {
    String ref = withDefaultTag(image);
    Optional<Platform> local = api.localImagePlatform(ref);
    boolean fits = local.isPresent() && node().runs(local.get());
    if (fits && policy != PullPolicy.ALWAYS) {
      return;
    }
    if (policy == PullPolicy.NEVER) {
      if (local.isPresent()) {
        throw unsupported(image, local.get());
      }
      throw unavailable(
          "image '" + image + "' is not on this node and the pull policy is Never",
          "Load it on the node (docker load or docker pull), or set"
              + " Engines.Types.Docker.PullPolicy=IfNotPresent.",
          null);
    }
    events.emit("Image", "Pulling image " + ref);
    String[] last = {""};
    try {
      api.pull(ref, auth, node(), status -> last[0] = status);
    } catch (InterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unavailable(
          "image '" + image + "' is not on this node and could not be pulled: " + message(e),
          "Check the image name and tag, that this node can reach the registry, and"
              + " DOCKER_USERNAME/DOCKER_PASSWORD for a private one; or load the image on the"
              + " node (docker load) when no registry is reachable.",
          e);
    }
    events.emit("Image", "Pulled image " + ref + (last[0].isBlank() ? "" : ": " + last[0]));
    Platform pulled = api.imagePlatform(ref);
    if (!node().runs(pulled)) {
      throw unsupported(image, pulled);
    }
  }

  /** The daemon's platform, asked once: it does not change while the engine lives. */
  private Platform node() {
    Platform p = nodePlatform;
    if (p == null) {
      p = api.daemonPlatform();
      nodePlatform = p;
    }
    return p;
  }

  /** Bacalhau's refusal of an image no container here could run. */
  static BacalhauException unsupported(String image, List<Platform> imagePlatforms, Platform node) {
    return BacalhauException.builder(
            ErrorCode.IMAGE_UNAVAILABLE,
            "this node does not support the available image platforms ["
                + String.join(" ", imagePlatforms.stream().map(Platform::toString).toList())
                + "] (supports ["
                + node
                + "]) for image '"
                + image
                + "'")
        .component("DockerExecutor")
        .hint(
            "Use an image built for "
                + node
                + " (a multi-platform image, or docker build --platform "
                + node
                + "), or run the job on a node of that platform.")
        .failsExecution(true)
        .build();
  }

  private BacalhauException unsupported(String image, Platform imagePlatform) {
    return unsupported(image, List.of(imagePlatform));
  }

  private BacalhauException unsupported(String image, List<Platform> imagePlatforms) {
    return unsupported(image, imagePlatforms, node());
  }

  /** A reference without tag or digest means {@code :latest}; pulling it bare fetches all tags. */
  static String withDefaultTag(String image) {
    int slash = image.lastIndexOf('/');
    String last = image.substring(slash + 1);
    return last.contains(":") || last.contains("@") ? image : image + ":latest";
  }

  private static String message(RuntimeException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  private static BacalhauException unavailable(String message, String hint, Throwable cause) {
    return BacalhauException.builder(ErrorCode.IMAGE_UNAVAILABLE, message)
        .component("DockerExecutor")
        .hint(hint)
        .retryable(cause != null)
        .failsExecution(true)
        .cause(cause)
        .build();
  }
}
