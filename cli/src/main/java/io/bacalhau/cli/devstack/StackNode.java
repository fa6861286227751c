package io.bacalhau.cli.devstack;

import java.nio.file.Path;

/**
 * One node of a devstack: its name (also its node id), whether it runs an orchestrator, a compute
 * node or both, and its own data dir.
 */
record StackNode(String name, boolean orchestrator, boolean compute, Path dataDir) {

  /** The {@code serve} flags of its role. */
  String[] roleFlags() {
    if (orchestrator && compute) {
      return new String[] {"--orchestrator", "--compute"};
    }
    return new String[] {orchestrator ? "--orchestrator" : "--compute"};
  }

  Path log() {
    return dataDir.resolve("node.log");
  }
}
