package io.bacalhau.bench.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and errors per operation, from every client; thread-safe. */
final class OpStats {
  /** One operation's figures: calls, errors, and latency percentiles in milliseconds. */
  record Row(String op, int calls, int errors, double p50, double p99, double max) {}

  private static final int KEEP_MESSAGES = 20;
  private final Map<String, List<Long>> nanos = new TreeMap<>();
  private final Map<String, Integer> errors = new TreeMap<>();
  private final List<String> messages = new ArrayList<>();

  synchronized void ok(String op, long elapsedNanos) {
    nanos.computeIfAbsent(op, k -> new ArrayList<>()).add(elapsedNanos);
  }

  synchronized void error(String op, String message) {
    errors.merge(op, 1, Integer::sum);
    if (messages.size() < KEEP_MESSAGES) {
      messages.add(message);
    }
  }

  synchronized int errorCount() {
    return errors.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The first few error messages, enough to tell what went wrong. */
  synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  synchronized List<Row> rows() {
    TreeMap<String, Integer> ops = new TreeMap<>(errors);
    nanos.keySet().forEach(k -> ops.putIfAbsent(k, 0));
    List<Row> rows = new ArrayList<>();
    for (String op : ops.keySet()) {
      long[] sorted =
          nanos.getOrDefault(op, List.of()).stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      int failed = errors.getOrDefault(op, 0);
      rows.add(
          new Row(
              op,
              sorted.length + failed,
              failed,
              percentile(sorted, 0.50),
              percentile(sorted, 0.99),
              sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
    }
    return rows;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
  }
}
