package io.bacalhau.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records of the store's JSON rows seen lately, keyed by the row's text: those decoded, and
 * executions and evaluations just encoded for a write (write-through). Each step of an active job
 * reads its job, executions and evaluation again, and decoding them was most of a job's CPU time;
 * the text of a row is compared instead (a memory compare). Keyed by content, the cache needs no
 * invalidation: a rewritten row has new text, and the records are immutable, so sharing one between
 * readers is safe. A record kept on a write is the record its text decodes to (a test checks every
 * row a node writes), so a hit reads what a fresh process would. Bounded, least recently used out
 * first.
 */
final class DecodedRows {
  private static final int CAPACITY = 4096;

  private record Key(Class<?> type, String json) {}

  private static final Map<Key, Object> ROWS =
      new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
          return size() > CAPACITY;
        }
      };

  private DecodedRows() {}

  static <T> T decode(String json, Class<T> type) throws JsonProcessingException {
    Key key = new Key(type, json);
    Object hit;
    synchronized (ROWS) {
      hit = ROWS.get(key);
    }
    if (hit != null) {
      return type.cast(hit);
    }
    T decoded = Codecs.storeJson().readValue(json, type);
    synchronized (ROWS) {
      ROWS.put(key, decoded);
    }
    return decoded;
  }

  /**
   * Notes that {@code json} is the encoding of {@code value}, which was just written. Maps are
   * written sorted by key, so a record holding a map of several entries reads back iterating them
   * in another order than the record written, and what prints it must see what a fresh process
   * would: jobs (labels, params) and history entries (event details) are decoded once changed, and
   * so is an execution once it has a published result; evaluations hold no map.
   */
  static void written(String json, Object value) {
    if (!orderFree(value)) {
      return;
    }
    Key key = new Key(value.getClass(), json);
    synchronized (ROWS) {
      ROWS.put(key, value);
    }
  }

  /** Whether {@code value} iterates as the record its text decodes to would (see written). */
  static boolean orderFree(Object value) {
    return value instanceof Evaluation
        || value instanceof Execution e
            && e.publishedResult().params().isEmpty()
            && e.allocatedResources().tasks().size() <= 1;
  }

  /** The record kept for this text, if any (for tests of the round trip). */
  static Object cached(Class<?> type, String json) {
    synchronized (ROWS) {
      return ROWS.get(new Key(type, json));
    }
  }
}
