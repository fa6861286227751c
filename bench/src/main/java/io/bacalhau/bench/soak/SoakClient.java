package io.bacalhau.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * One of the soak's API clients: a loop of operations in a fixed mix, bounded by a deadline and a
 * count, with a pause between them. Jobs it submits to sleep are the ones it stops; its quick jobs
 * are the ones whose logs it follows. Whatever it left sleeping is stopped when the loop ends, so
 * the drain does not wait for them.
 */
final class SoakClient implements Runnable {
  private static final Duration FOLLOW_LIMIT = Duration.ofMinutes(2);
  private final int number;
  private final URI base;
  private final SoakSettings settings;
  private final long deadline;
  private final JobSpecs specs;
  private final JobLedger ledger;
  private final OpStats stats;
  private final SplittableRandom random;
  private final Deque<String> sleeping = new ArrayDeque<>();
  private String lastQuick = "";
  private long submitted;

  SoakClient(
      int number,
      URI base,
      SoakSettings settings,
      long deadlineNanos,
      JobSpecs specs,
      JobLedger ledger,
      OpStats stats) {
    this.number = number;
    this.base = base;
    this.settings = settings;
    this.deadline = deadlineNanos;
    this.specs = specs;
    this.ledger = ledger;
    this.stats = stats;
    this.random = new SplittableRandom(number * 7919L);
  }

  @Override
  public void run() {
    try (ApiClient api = new ApiClient(base)) {
      for (int i = 0; i < settings.maxOpsPerClient() && System.nanoTime() < deadline; i++) {
        step(api, random.nextInt(100));
        Thread.sleep(settings.thinkTime());
      }
      while (!sleeping.isEmpty()) {
        timed("stop", () -> api.stop(sleeping.pop()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void step(ApiClient api, int dice) throws InterruptedException {
    if (dice < 20 || lastQuick.isEmpty()) {
      timed("submit", () -> lastQuick = ack(api.submit(specs.quickNoop(number, submitted))));
    } else if (dice < 25 && specs.hasWasm()) {
      timed("submit-wasm", () -> lastQuick = ack(api.submit(specs.wasm())));
    } else if (dice < 30 || (dice < 40 && sleeping.isEmpty())) {
      timed("submit-sleeping", () -> sleeping.push(ack(api.submit(specs.sleepingNoop()))));
    } else if (dice < 40) {
      timed("stop", () -> api.stop(sleeping.pop()));
    } else if (dice < 60) {
      timed("get", () -> api.get(ledger.any(random)));
    } else if (dice < 75) {
      timed("list", () -> api.list(20));
    } else if (dice < 90) {
      timed("history", () -> api.history(ledger.any(random)));
    } else {
      String id = lastQuick;
      timed("logs-follow", () -> api.followLogs(id, FOLLOW_LIMIT));
    }
  }

  private String ack(String id) {
    submitted++;
    ledger.acknowledged(id);
    return id;
  }

  private interface Call {
    void run() throws IOException, InterruptedException;
  }

  private void timed(String op, Call call) throws InterruptedException {
    long start = System.nanoTime();
    try {
      call.run();
      stats.ok(op, System.nanoTime() - start);
    } catch (IOException | RuntimeException e) {
      stats.error(op, "client " + number + " " + e);
    }
  }
}
