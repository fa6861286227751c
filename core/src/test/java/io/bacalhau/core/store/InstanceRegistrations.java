package io.bacalhau.core.store;

import java.time.Duration;

/** Puts a registered instance into the states a crash or a hang leaves behind, for tests. */
public final class InstanceRegistrations {
  private InstanceRegistrations() {}

  /** The instance last beat {@code ago} ago, as if its work loop had been stuck since. */
  public static void stopBeating(JobStore store, String instanceId, Duration ago) {
    long then = System.currentTimeMillis() - ago.toMillis();
    store.writeVoid(tx -> tx.heartbeat(instanceId, then));
  }

  /** The instance's process is gone, as after a {@code kill -9}. */
  public static void killProcess(JobStore store, String instanceId) throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    long pid = exited.pid();
    long started = exited.info().startInstant().map(i -> i.toEpochMilli()).orElse(1L);
    store.writeVoid(
        tx -> tx.registerInstance(instanceId, pid, started, System.currentTimeMillis()));
  }

  public static boolean isRegistered(JobStore store, String instanceId) {
    return store.read(
        r -> {
          try (var rs =
              r.prepare("SELECT 1 FROM instances WHERE id = ?", instanceId).executeQuery()) {
            return rs.next();
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
