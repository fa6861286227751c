package io.bacalhau.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the node serving a data dir, or starts a resident one: what a command talks to when no node
 * is named. A node found through the run file is used when it answers; a resident node of another
 * build or other settings is stopped and replaced (its unfinished jobs are in the store, and the
 * new node resumes them); a run file whose node is gone (a crash, kill -9) is replaced.
 */
public final class ResidentNode {
  /** How long a retired node may take to close before it is killed. */
  private static final Duration RETIRE_GRACE = Duration.ofSeconds(15);

  private ResidentNode() {}

  /** How to reach the node: its record, and the token it requires (null for none). */
  public record Connection(LocalNodeRecord node, String token) {}

  /** What a resident node is started with, should one be needed. */
  public record Request(
      Path dataDir, List<String> configArgs, Map<String, String> env, Path workingDir) {
    String settings() {
      return NodeSettingsStamp.of(dataDir, configArgs, env, workingDir);
    }
  }

  /** The node of the data dir, started first if none answers. */
  public static Connection connect(Request request) {
    String build = BuildId.current();
    String settings = request.settings();
    Optional<Connection> quick = usable(request.dataDir(), build, settings);
    if (quick.isPresent()) {
      return quick.get();
    }
    StartLock lock = StartLock.acquire(request.dataDir());
    try {
      Optional<LocalNodeRecord> found = RunFile.read(request.dataDir());
      if (found.isPresent()) {
        LocalNodeRecord node = found.get();
        Optional<Connection> usable = usable(request.dataDir(), node, build, settings);
        if (usable.isPresent()) {
          return usable.get(); // another command started it while this one waited
        }
        if (answers(node)) {
          stop(node); // a resident node of another build or other settings
        }
        RunFile.removeStale(request.dataDir(), node.pid());
      }
      return ResidentLauncher.start(request, build, settings);
    } finally {
      lock.close();
    }
  }

  /** The data dir's node, if one answers (nothing is started). */
  public static Optional<LocalNodeRecord> running(Path dataDir) {
    return RunFile.read(dataDir).filter(ResidentNode::answers);
  }

  /**
   * Stops a node: SIGTERM, which closes it in order (its unfinished jobs stay in the store), and
   * kill if it is still there after a grace period. Returns whether it is gone.
   */
  public static boolean stop(LocalNodeRecord node) {
    Optional<ProcessHandle> process = ProcessHandle.of(node.pid());
    if (process.isEmpty()) {
      return true;
    }
    process.get().destroy();
    try {
      process.get().onExit().get(RETIRE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      process.get().destroyForcibly();
      return !process.get().isAlive();
    } catch (ExecutionException e) {
      return !process.get().isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<Connection> usable(Path dataDir, String build, String settings) {
    return RunFile.read(dataDir).flatMap(node -> usable(dataDir, node, build, settings));
  }

  /**
   * A node started by {@code bacalhau serve} is used whatever it runs: the user started it and
   * stops it. A resident node only if it runs this build with these settings.
   */
  private static Optional<Connection> usable(
      Path dataDir, LocalNodeRecord node, String build, String settings) {
    if (node.resident() && (!node.build().equals(build) || !node.settings().equals(settings))) {
      return Optional.empty();
    }
    if (!answers(node)) {
      return Optional.empty();
    }
    if (!node.resident()) {
      return Optional.of(new Connection(node, null));
    }
    return TokenFile.read(dataDir).map(token -> new Connection(node, token));
  }

  /** Its process lives and its port accepts connections (a reused pid fails the latter). */
  static boolean answers(LocalNodeRecord node) {
    if (!node.alive()) {
      return false;
    }
    String host =
        node.host().isEmpty() || node.host().equals("0.0.0.0") ? "127.0.0.1" : node.host();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, node.port()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
