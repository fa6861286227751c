package io.bacalhau.cli;

import java.time.Duration;

/**
 * What the process does when the JVM shuts down under a running command line: on a signal (SIGTERM,
 * Ctrl-C's SIGINT) or when plugin code calls {@code System.exit}. The session is told ({@link
 * CliSession#interrupted}: one line on what becomes of the job, its node closed so that a
 * background worker adopts the work), and the process always ends in bounded time: closing gets
 * {@link #CLOSE_GRACE}, and if the JVM is still alive after {@link #HALT_AFTER} (a lock plugin code
 * never releases, a plugin's own hook that never returns) it halts.
 *
 * <p>The exit code of a signal is the JVM's, the conventional 128 + the signal's number: 143 for
 * SIGTERM, 130 for SIGINT. A command that ended on its own exits with its own code.
 */
final class ShutdownHook {
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
  static final Duration HALT_AFTER = Duration.ofSeconds(10);

  /** What a halt exits with when no command asked for a code: SIGTERM's. */
  static final int SIGTERM_EXIT = 143;

  private final CliSession session;
  private volatile boolean commandEnded;
  private volatile boolean shuttingDown;
  private volatile int exitCode = SIGTERM_EXIT;

  private ShutdownHook(CliSession session) {
    this.session = session;
  }

  static ShutdownHook install(CliSession session) {
    ShutdownHook hook = new ShutdownHook(session);
    Runtime.getRuntime().addShutdownHook(new Thread(hook::run, "bacalhau-shutdown"));
    return hook;
  }

  /**
   * The command ended (its session closed) with this code: the process exits with it, at once if
   * {@code halt} (nothing in it needs the JVM's shutdown sequence). When a shutdown is already
   * under way (a signal came as the command ended), the signal's code stands and this returns:
   * {@code System.exit} would block for good, and removing the hook would throw.
   */
  void exit(int code, boolean halt) {
    commandEnded = true;
    if (shuttingDown) {
      return;
    }
    exitCode = code;
    System.out.flush();
    System.err.flush();
    if (halt) {
      Runtime.getRuntime().halt(code); // see CliSession#mayHalt
    }
    System.exit(code);
  }

  private void run() {
    shuttingDown = true;
    Thread.ofPlatform().daemon().name("bacalhau-halt").start(this::haltLater);
    if (commandEnded) {
      return;
    }
    // In a thread of its own: the command's thread may hold locks closing needs, for ever.
    Thread closing =
        Thread.ofPlatform().daemon().name("bacalhau-interrupted").start(session::interrupted);
    try {
      closing.join(CLOSE_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void haltLater() {
    try {
      Thread.sleep(HALT_AFTER);
    } catch (InterruptedException e) {
      return;
    }
    Runtime.getRuntime().halt(exitCode);
  }
}
