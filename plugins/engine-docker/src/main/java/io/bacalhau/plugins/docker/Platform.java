package io.bacalhau.plugins.docker;

import java.util.Locale;

/**
 * An {@code os/architecture} pair in Go's names ({@code linux/amd64}), as image configs and the
 * daemon report them. Variants ({@code arm/v7}) are not compared: an image config seldom has one.
 */
public record Platform(String os, String architecture) {
  public Platform {
    os = normalize(os);
    architecture = normalize(architecture);
  }

  /** Whether a container of an image for {@code image} runs here; unknown parts match anything. */
  public boolean runs(Platform image) {
    return (image.os.isEmpty() || os.isEmpty() || image.os.equals(os))
        && (image.architecture.isEmpty()
            || architecture.isEmpty()
            || image.architecture.equals(architecture));
  }

  private static String normalize(String s) {
    String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    // Some daemons and old images use the kernel's names.
    return switch (t) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> t;
    };
  }

  @Override
  public String toString() {
    return os + "/" + architecture;
  }
}
