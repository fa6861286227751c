package io.bacalhau.core.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processes using a data dir and whether each still makes progress. A process owns the jobs it
 * submitted or adopted only while it is alive <em>and</em> its orchestrator keeps beating: a live
 * process whose work loop is stuck (or that never starts working) loses its jobs to the others
 * after {@link #STALE_AFTER}, so no job waits for ever behind an idle owner.
 */
public final class Instances {
  /**
   * Longer than the store's busy timeout (30 s), so an owner only waiting for a busy store is not
   * taken for a stuck one.
   */
  public static final Duration STALE_AFTER = Duration.ofSeconds(60);

  private final JobStore store;

  Instances(JobStore store) {
    this.store = store;
  }

  /** One registered instance, as seen at one moment. */
  public record Registration(String id, long pid, long started, long heartbeatMillis) {}

  /** Which registered instances are live, and which are dead or stuck (their jobs are free). */
  public record Census(Set<String> live, List<Registration> gone) {}

  /** Records this process as a live user of the store, so others can tell its work is owned. */
  public void register(String id, Instant now) {
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    store.writeVoid(tx -> tx.registerInstance(id, self.pid(), started, now.toEpochMilli()));
  }

  /**
   * Proves the instance still makes progress. False when its registration is gone: another process
   * found it dead or stuck and took its jobs.
   */
  public boolean heartbeat(String id, Instant now) {
    return store.write(tx -> tx.heartbeat(id, now.toEpochMilli()));
  }

  public void remove(String id) {
    store.writeVoid(tx -> tx.removeInstance(id));
  }

  /** Sorts the registered instances into live ones and gone ones. */
  public Census census(Instant now) {
    List<Registration> all = store.read(Instances::registrations);
    Set<String> live = new HashSet<>();
    List<Registration> gone = new ArrayList<>();
    long staleBefore = now.minus(STALE_AFTER).toEpochMilli();
    for (Registration r : all) {
      if (r.heartbeatMillis() >= staleBefore && processAlive(r)) {
        live.add(r.id());
      } else {
        gone.add(r);
      }
    }
    return new Census(Set.copyOf(live), List.copyOf(gone));
  }

  /**
   * Drops registrations judged gone, unless they beat again since (then they are live after all).
   */
  public void forget(List<Registration> gone) {
    if (!gone.isEmpty()) {
      store.writeVoid(tx -> gone.forEach(g -> tx.forgetInstance(g.id(), g.heartbeatMillis())));
    }
  }

  private static List<Registration> registrations(StoreReader r) {
    List<Registration> all = new ArrayList<>();
    try (var rs = r.prepare("SELECT id, pid, started, heartbeat FROM instances").executeQuery()) {
      while (rs.next()) {
        all.add(new Registration(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    }
    return all;
  }

  /** The process is running, and is the one that registered (a reused PID has another start). */
  private static boolean processAlive(Registration r) {
    return ProcessHandle.of(r.pid())
        .filter(ProcessHandle::isAlive)
        .map(
            p ->
                r.started() == 0
                    || p.info()
                        .startInstant()
                        .map(i -> Math.abs(i.toEpochMilli() - r.started()) < 2000)
                        .orElse(true))
        .orElse(false);
  }
}
