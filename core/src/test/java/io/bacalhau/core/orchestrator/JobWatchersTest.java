package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class JobWatchersTest {
  /**
   * A waiter reads the job between two waits; a change committed during that read (the job
   * completing, say) was missed, and {@code job run} noticed it only a tick (250 ms) later.
   */
  @Test
  void aChangeBetweenTwoWaitsEndsTheNextWaitAtOnce() throws InterruptedException {
    JobWatchers watchers = new JobWatchers();
    watchers.awaitChange(Duration.ofMillis(1)); // the first wait, before the waiter reads
    watchers.signal(); // committed while the waiter reads
    long start = System.nanoTime();
    watchers.awaitChange(Duration.ofSeconds(5));
    long waited = System.nanoTime() - start;
    assertTrue(waited < Duration.ofSeconds(1).toNanos(), "waited " + waited / 1_000_000 + " ms");
  }

  /**
   * {@code job run} starts the node's worker right before its first wait: a change the worker made
   * in between was missed, and the first wait lasted its whole tick.
   */
  @Test
  void aChangeBeforeAThreadsFirstWaitEndsItAtOnce() throws Exception {
    JobWatchers watchers = new JobWatchers();
    watchers.signal();
    long[] waited = new long[1];
    Thread waiter =
        Thread.ofPlatform()
            .start(
                () -> {
                  long start = System.nanoTime();
                  try {
                    watchers.awaitChange(Duration.ofSeconds(5));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  waited[0] = System.nanoTime() - start;
                });
    waiter.join();
    assertTrue(
        waited[0] < Duration.ofSeconds(1).toNanos(), "waited " + waited[0] / 1_000_000 + " ms");
  }

  @Test
  void withNoChangeTheWaitLastsItsTimeout() throws InterruptedException {
    JobWatchers watchers = new JobWatchers();
    watchers.awaitChange(Duration.ofMillis(1));
    long start = System.nanoTime();
    watchers.awaitChange(Duration.ofMillis(200));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(190).toNanos());
  }

  /**
   * Every commit woke every waiter, and each read its job again: with 8 jobs in flight, a quarter
   * of the node's CPU time went to waiters whose job had not changed.
   */
  @Test
  void aWaiterForOneJobSleepsThroughOtherJobsChanges() throws InterruptedException {
    JobWatchers watchers = new JobWatchers();
    watchers.awaitChange("j-1", Duration.ofMillis(1));
    watchers.signal(List.of("j-2"));
    long start = System.nanoTime();
    watchers.awaitChange("j-1", Duration.ofMillis(200));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(190).toNanos());
  }

  @Test
  void aWaiterForOneJobWakesWhenItChanges() throws Exception {
    JobWatchers watchers = new JobWatchers();
    long[] waited = new long[1];
    CountDownLatch waiting = new CountDownLatch(1);
    Thread waiter =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    watchers.awaitChange("j-1", Duration.ofMillis(1));
                    waiting.countDown();
                    long start = System.nanoTime();
                    watchers.awaitChange("j-1", Duration.ofSeconds(5));
                    waited[0] = System.nanoTime() - start;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    waiting.await();
    Thread.sleep(50);
    watchers.signal(List.of("j-2", "j-1"));
    waiter.join();
    assertTrue(
        waited[0] < Duration.ofSeconds(1).toNanos(), "waited " + waited[0] / 1_000_000 + " ms");
  }

  @Test
  void aChangeToTheJobBetweenTwoWaitsEndsTheNextWaitAtOnce() throws InterruptedException {
    JobWatchers watchers = new JobWatchers();
    watchers.awaitChange("j-1", Duration.ofMillis(1));
    watchers.signal(List.of("j-1")); // committed while the waiter reads
    long start = System.nanoTime();
    watchers.awaitChange("j-1", Duration.ofSeconds(5));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos());
  }
}
