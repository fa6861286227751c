package io.bacalhau.core.spi;

/** The answer of a provider's installation probe: usable here or not, and why. */
public record Installation(boolean installed, String reason) {
  public static Installation ok() {
    return new Installation(true, "");
  }

  public static Installation missing(String reason) {
    return new Installation(false, reason);
  }
}
