package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.ExecutionEvents;
import java.util.Map;
import java.util.Optional;

/** Makes sure an image is on the node before a run, following the pull policy. */
final class ImageResolver {
  private final DockerApi api;
  private final PullPolicy policy;
  private final DockerConfig.RegistryAuth auth;
  private volatile Platform nodePlatform;

  ImageResolver(DockerApi api, DockerConfig config, Map<String, String> env) {
    this.api = api;
    // SKIP_IMAGE_PULL is Bacalhau's switch for nodes that must never pull.
    boolean skip = !env.getOrDefault("SKIP_IMAGE_PULL", "").isBlank();
    this.policy = skip ? PullPolicy.NEVER : config.pullPolicy();
    this.auth = config.resolveAuth(env);
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
  static BacalhauException unsupported(String image, Platform imagePlatform, Platform node) {
    return BacalhauException.builder(
            ErrorCode.IMAGE_UNAVAILABLE,
            "this node does not support the available image platforms ["
                + imagePlatform
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
    return unsupported(image, imagePlatform, node());
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
