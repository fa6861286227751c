package io.bacalhau.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a process every few seconds on a thread of its own until closed, so the memory curve of
 * the whole run (load, drain and settle) can be read afterwards.
 */
final class ProcSampler implements AutoCloseable {
  private final long pid;
  private final long start = System.nanoTime();
  private final List<ProcStats> samples = new ArrayList<>();
  private final Thread thread;

  ProcSampler(long pid, Duration every) {
    this.pid = pid;
    this.thread =
        Thread.ofPlatform()
            .daemon()
            .name("soak-sampler")
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      sample();
                      Thread.sleep(every);
                    }
                  } catch (InterruptedException e) {
                    // closed
                  }
                });
  }

  /** Takes a sample now, beside the periodic ones. */
  synchronized ProcStats sample() {
    ProcStats s = ProcStats.of(pid, (System.nanoTime() - start) / 1_000_000);
    samples.add(s);
    return s;
  }

  synchronized List<ProcStats> samples() {
    return List.copyOf(samples);
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
