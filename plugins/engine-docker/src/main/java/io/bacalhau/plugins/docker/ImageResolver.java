package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.ExecutionEvents;
import java.util.Map;

/** Makes sure an image is on the node before a run, following the pull policy. */
final class ImageResolver {
  private final DockerApi api;
  private final PullPolicy policy;
  private final DockerConfig.RegistryAuth auth;

  ImageResolver(DockerApi api, DockerConfig config, Map<String, String> env) {
    this.api = api;
    // SKIP_IMAGE_PULL is Bacalhau's switch for nodes that must never pull.
    boolean skip = !env.getOrDefault("SKIP_IMAGE_PULL", "").isBlank();
    this.policy = skip ? PullPolicy.NEVER : config.pullPolicy();
    this.auth = config.resolveAuth(env);
  }

  void ensure(String image, ExecutionEvents events) throws InterruptedException {
    String ref = withDefaultTag(image);
    boolean local = api.hasImage(ref);
    if (local && policy != PullPolicy.ALWAYS) {
      return;
    }
    if (policy == PullPolicy.NEVER) {
      throw unavailable(
          "image '" + image + "' is not on this node and the pull policy is Never",
          "Load it on the node (docker load or docker pull), or set"
              + " Engines.Types.Docker.PullPolicy=IfNotPresent.",
          null);
    }
    events.emit("Image", "Pulling image " + ref);
    String[] last = {""};
    try {
      api.pull(ref, auth, status -> last[0] = status);
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
