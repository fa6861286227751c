package io.bacalhau.cli;

import java.util.concurrent.TimeUnit;

/** Asks the real Docker daemon (through the docker CLI) what it has, for tests that need it. */
public final class LocalDocker {
  private LocalDocker() {}

  /** Whether a daemon answers and holds this image locally (no registry is reachable). */
  public static boolean hasImage(String image) {
    try {
      Process p =
          new ProcessBuilder("docker", "image", "inspect", image)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
