package io.bacalhau.core.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The records a transaction wrote, by ID, which its own reads see first and which become {@link
 * CommittedRecords} once its commit succeeded. In layers that follow the transaction's savepoints
 * (each write of a group, each part undone alone on failure): a layer undone drops what was written
 * since its savepoint, as SQLite does with the rows.
 */
final class TxRecords {
  /** What one layer wrote: records by kind and ID, and each job's last history sequence. */
  private static final class Layer {
    final Map<RecordKind, Map<String, Object>> records = new EnumMap<>(RecordKind.class);
    final Map<String, Long> lastSeqs = new HashMap<>();

    Map<String, Object> of(RecordKind kind) {
      return records.computeIfAbsent(kind, k -> new HashMap<>());
    }

    void mergeInto(Layer below) {
      records.forEach((kind, rows) -> below.of(kind).putAll(rows));
      below.lastSeqs.putAll(lastSeqs);
    }
  }

  private final Deque<Layer> layers = new ArrayDeque<>();

  TxRecords() {
    layers.push(new Layer());
  }

  /** Opens a layer, at a savepoint. */
  void begin() {
    layers.push(new Layer());
  }

  /** Keeps what the top layer wrote (its savepoint was released). */
  void keep() {
    layers.pop().mergeInto(layers.peek());
  }

  /** Drops what the top layer wrote (rolled back to its savepoint). */
  void undo() {
    layers.pop();
  }

  /** The map of the newest layer holding {@code id}, or null when no layer wrote it. */
  Map<String, Object> holding(RecordKind kind, String id) {
    for (Layer layer : layers) {
      Map<String, Object> rows = layer.records.get(kind);
      if (rows != null && rows.containsKey(id)) {
        return rows;
      }
    }
    return null;
  }

  void put(RecordKind kind, String id, Object record) {
    layers.peek().of(kind).put(id, record);
  }

  Long lastSeq(String jobId) {
    for (Layer layer : layers) {
      Long seq = layer.lastSeqs.get(jobId);
      if (seq != null) {
        return seq;
      }
    }
    return null;
  }

  void lastSeq(String jobId, long seq) {
    layers.peek().lastSeqs.put(jobId, seq);
  }

  /** Makes what the transaction wrote the committed records, once its commit is made. */
  void committedTo(CommittedRecords committed) {
    if (layers.size() != 1) {
      throw new IllegalStateException("a savepoint is still open");
    }
    Layer all = layers.peek();
    all.records.forEach((kind, rows) -> committed.of(kind).putAll(rows));
    committed.lastSeqs().putAll(all.lastSeqs);
  }
}
