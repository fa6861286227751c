package io.bacalhau.client;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where a command's start-up time goes: with {@code BACALHAU_TRACE_STARTUP=1}, each {@link #mark}
 * prints to stderr how long after the JVM started it was reached, the wall time since the mark
 * before, and the CPU time the marking thread spent since then (which other load on the machine
 * hardly changes). Off (the default), a mark costs one boolean test: nothing is loaded for it.
 */
public final class StartupTrace {
  private static final boolean ON = System.getenv("BACALHAU_TRACE_STARTUP") != null;
  private static ThreadMXBean threads;
  private static long origin;
  private static long last = -1;
  private static long lastCpu;

  private StartupTrace() {}

  public static void mark(String label) {
    if (ON) {
      print(label);
    }
  }

  private static synchronized void print(String label) {
    long now = System.nanoTime();
    long cpu;
    if (last < 0) {
      // java.management is loaded only when tracing; what loading it takes is left out of the
      // deltas of this mark and the next (not of the times since the JVM started).
      threads = ManagementFactory.getThreadMXBean();
      long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
      cpu = threads.getCurrentThreadCpuTime();
      long asked = System.nanoTime();
      origin = asked - uptime * 1_000_000L;
      line(label, now - origin, now - origin, cpu);
      last = asked;
      lastCpu = cpu;
      return;
    }
    cpu = threads.getCurrentThreadCpuTime();
    line(label, now - origin, now - last, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  }

  /** No printf: the formatter's classes would be loaded (and timed) on the first mark. */
  private static void line(String label, long sinceStart, long wall, long cpu) {
    System.err.println(
        "startup "
            + tenths(sinceStart)
            + " ms  +"
            + tenths(wall)
            + " ms  cpu +"
            + tenths(cpu)
            + " ms  "
            + label);
  }

  private static String tenths(long nanos) {
    return (nanos / 100_000) / 10.0 + "";
  }
}
