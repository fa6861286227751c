package io.bacalhau.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs, executions and evaluations by ID as last committed, and each job's last history sequence
 * number: what a job in flight reads at each of its steps, kept so those reads need no SQL. Valid
 * only while no other connection changed the store: SQLite's {@code data_version} tells, and the
 * store checks it at the start of every transaction and forgets everything when it moved (another
 * process on the same data dir committed). Used under the store's commit lock only.
 */
final class CommittedRecords {
  private static final int CAPACITY = 4096;

  /** The text of a row written, decoded only when read (see {@link DecodedRows#written}). */
  record Encoded(String json) {}

  private final Map<RecordKind, Map<String, Object>> records =
      new EnumMap<>(
          Map.of(RecordKind.JOB, lru(), RecordKind.EXECUTION, lru(), RecordKind.EVALUATION, lru()));
  private final Map<String, Long> lastSeqs = lru();
  private long dataVersion = Long.MIN_VALUE;

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CAPACITY;
      }
    };
  }

  /** Forgets everything when {@code version} (SQLite's data_version) differs from the last seen. */
  void validate(long version) {
    if (version != dataVersion) {
      records.values().forEach(Map::clear);
      lastSeqs.clear();
      dataVersion = version;
    }
  }

  Map<String, Object> of(RecordKind kind) {
    return records.get(kind);
  }

  Map<String, Long> lastSeqs() {
    return lastSeqs;
  }

  /**
   * The record held in {@code map} for {@code id}, decoding (once) one held as text; null when none
   * is held.
   */
  static <T> T record(Map<String, Object> map, String id, Class<T> type) {
    Object held = map.get(id);
    if (held instanceof Encoded e) {
      try {
        T decoded = DecodedRows.decode(e.json(), type);
        map.put(id, decoded);
        return decoded;
      } catch (JsonProcessingException ex) {
        throw StoreFailure.of(ex);
      }
    }
    return held == null ? null : type.cast(held);
  }
}
