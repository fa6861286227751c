package io.bacalhau.cli.local;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.orchestrator.Orchestrator;
import io.bacalhau.server.ApiUser;
import io.bacalhau.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@code serve --resident} differs from a user's {@code serve}: it listens on loopback at a
 * port the OS picks, lets in only the holder of its token (whatever {@code API.*} says: the
 * configured API is for a node the user serves on purpose), and stops when idle.
 */
public final class ResidentServing {
  private ResidentServing() {}

  /** A new token, written to the token file. */
  public static String newToken(Path dataDir) {
    return TokenFile.create(dataDir);
  }

  /** Removes the token file, unless a newer node has written its own since. */
  public static void forgetToken(Path dataDir, String token) {
    if (token != null && TokenFile.read(dataDir).filter(token::equals).isPresent()) {
      TokenFile.delete(dataDir);
    }
  }

  public static ServerSettings settings(BacalhauConfig config, String token) {
    return ServerSettings.open("127.0.0.1", 0)
        .withUsers(List.of(new ApiUser("", "", token, List.of("*"))))
        .withAgentConfig(config.asTree());
  }

  public static Duration idleTimeout(BacalhauConfig config) {
    return config.duration("LocalNode.IdleTimeout", Duration.ofMinutes(5));
  }

  /** Whether the node has unfinished work of its own, or work nobody owns that it will adopt. */
  public static boolean busy(EmbeddedNodeClient node) {
    return node.node().orchestrator().ownsActiveJobs()
        || Orchestrator.hasOrphans(node.node().store());
  }
}
