package io.bacalhau.bench.faults;

import java.nio.file.Path;

/** Where the fault tests find what the build made. */
final class Faults {
  private Faults() {}

  /** The packaged distribution (cli/target/bacalhau) the nodes are served from. */
  static Path dist() {
    return Path.of(System.getProperty("bacalhau.dist", "../cli/target/bacalhau")).toAbsolutePath();
  }
}
