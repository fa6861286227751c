package io.bacalhau.cli.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Stops a resident node once it has been idle for {@code LocalNode.IdleTimeout}: no API call for
 * that long and no job of its own unfinished. It first withdraws its run file (under the {@link
 * StartLock}, so no client picks it from then on), then keeps serving until clients that read the
 * file just before have been quiet for a moment, and only then stops.
 */
public final class IdleWatch {
  /** How long a withdrawn node waits for a quiet moment from clients that still know it. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private IdleWatch() {}

  /**
   * @param busy whether the node still has work of its own
   * @param run its run file
   * @param stop what stops the node
   */
  public static void start(
      Path dataDir,
      Duration idleTimeout,
      ActivityTracker activity,
      BooleanSupplier busy,
      RunFile run,
      Runnable stop,
      PrintStream log) {
    long check = Math.clamp(idleTimeout.toMillis() / 4, 50, 5_000);
    Thread.ofVirtual()
        .name("idle-watch")
        .start(
            () -> {
              try {
                awaitIdle(idleTimeout, activity, busy, check);
                StartLock lock = StartLock.acquire(dataDir);
                try {
                  run.close();
                  TokenFile.delete(dataDir);
                } finally {
                  lock.close();
                }
                log.println("Idle for " + idleTimeout + ": stopping.");
                log.flush();
                awaitIdle(DRAIN, activity, busy, Math.min(check, 200));
                stop.run();
              } catch (InterruptedException e) {
                // the node is stopping for another reason
              } catch (RuntimeException e) {
                log.println("Warning: the idle check failed (" + e + "); the node stays up.");
              }
            });
  }

  private static void awaitIdle(
      Duration idle, ActivityTracker activity, BooleanSupplier busy, long checkMillis)
      throws InterruptedException {
    while (activity.quietNanos() < idle.toNanos() || busy.getAsBoolean()) {
      // A timer: nothing signals "a while without any event".
      Thread.sleep(checkMillis);
    }
  }
}
