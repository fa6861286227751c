package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.store.StoreTx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The orchestrator's single line of work: messages from compute (due at once, in arrival order) and
 * evaluations (due at their WaitUntil). One thread drains it, so no two changes to a job race. A
 * WaitUntil is turned into a wait on the monotonic clock when it is queued, so a step of the wall
 * clock neither wakes an evaluation early nor holds it back.
 */
final class WorkQueue {
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final DelayQueue<Item> queue = new DelayQueue<>();
  private final Set<String> queuedEvaluations = ConcurrentHashMap.newKeySet();
  private final AtomicLong sequence = new AtomicLong();
  private final CommitBarriers barriers = new CommitBarriers();
  private static final int MAX_ATTEMPTS = 25;

  /** One unit of work: an action, a store change reported by compute, or an evaluation. */
  sealed interface Work permits Message, Change, EvaluationDue {}

  record Message(Runnable action) implements Work {}

  /**
   * A change to record; it may ask for an evaluation of the job. {@code id} numbers it for the
   * {@link CommitBarriers} and stays the same across retries.
   */
  record Change(Function<StoreTx, Optional<Evaluation>> change, int attempt, long id)
      implements Work {}

  record EvaluationDue(String evaluationId) implements Work {}

  /**
   * @param clock the wall clock WaitUntil is read against
   * @param nanoTime the monotonic clock ({@link System#nanoTime}) waits are measured on
   */
  WorkQueue(Clock clock, LongSupplier nanoTime) {
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  void submit(Runnable action) {
    queue.put(new Item(new Message(action), Long.MIN_VALUE, sequence.incrementAndGet()));
  }

  void record(Function<StoreTx, Optional<Evaluation>> change) {
    queue.put(
        new Item(
            new Change(change, 0, barriers.opened()), Long.MIN_VALUE, sequence.incrementAndGet()));
  }

  /** The change committed, or was given up for good: barriers it held back may run. */
  void committed(Change change) {
    barriers.closed(change.id());
  }

  /** Runs {@code action} once every change recorded so far has committed. */
  void afterCommitted(Runnable action) {
    barriers.after(action);
  }

  /**
   * Queues a change whose commit failed again, after a back-off that doubles up to 30 s; false once
   * it has failed {@link #MAX_ATTEMPTS} times (about 10 minutes in all): it is then given up, and
   * no longer holds back the barriers behind it.
   */
  boolean retry(Change failed) {
    int attempt = failed.attempt() + 1;
    if (attempt >= MAX_ATTEMPTS) {
      committed(failed);
      return false;
    }
    long delayMillis = Math.min(30_000L, 250L << Math.min(attempt, 7));
    long due = Times.plus(nanoTime.getAsLong(), delayMillis * 1_000_000L);
    queue.put(
        new Item(
            new Change(failed.change(), attempt, failed.id()), due, sequence.incrementAndGet()));
    return true;
  }

  /**
   * Queues an evaluation once, however often it is offered.
   *
   * @param waitUntil when it is due on the wall clock (0: now)
   */
  void schedule(String evaluationId, long waitUntil) {
    if (queuedEvaluations.add(evaluationId)) {
      long wait = Math.max(0, Times.minus(waitUntil, Times.nanos(clock.instant())));
      long due = wait == 0 ? Long.MIN_VALUE : Times.plus(nanoTime.getAsLong(), wait);
      queue.put(new Item(new EvaluationDue(evaluationId), due, sequence.incrementAndGet()));
    }
  }

  /** The next due work, or null when nothing is due within the timeout. */
  Work poll(long timeout, TimeUnit unit) throws InterruptedException {
    return take(queue.poll(timeout, unit));
  }

  /**
   * Due work that can join a batch with {@code first}: changes and evaluations, up to {@code max}.
   */
  List<Work> batch(Work first, int max) {
    List<Work> batch = new ArrayList<>(List.of(first));
    if (first instanceof Message) {
      return batch;
    }
    while (batch.size() < max) {
      Item next = queue.poll();
      if (next == null) {
        break;
      }
      if (next.work instanceof Message) {
        queue.put(next); // its sequence number keeps its place
        break;
      }
      batch.add(take(next));
    }
    return batch;
  }

  private Work take(Item item) {
    if (item == null) {
      return null;
    }
    if (item.work instanceof EvaluationDue due) {
      queuedEvaluations.remove(due.evaluationId());
    }
    return item.work;
  }

  /** {@code dueNanos} is on the monotonic clock; Long.MIN_VALUE is due at once. */
  private final class Item implements Delayed {
    private final Work work;
    private final long dueNanos;
    private final long seq;

    Item(Work work, long dueNanos, long seq) {
      this.work = work;
      this.dueNanos = dueNanos;
      this.seq = seq;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      if (dueNanos == Long.MIN_VALUE) {
        return 0;
      }
      return unit.convert(Times.minus(dueNanos, nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      Item other = (Item) o;
      int byDue = Long.compare(dueNanos, other.dueNanos);
      return byDue != 0 ? byDue : Long.compare(seq, other.seq);
    }
  }
}
