package io.bacalhau.core.client;

/**
 * Which history entries to read, in sequence order.
 *
 * @param jobVersion a version, or 0 for the job's latest
 * @param allVersions every version, ignoring jobVersion
 * @param eventType {@code all}, {@code job} or {@code execution}
 * @param executionIdPrefix only entries of executions whose ID starts with this ("" for any)
 * @param afterSeq only entries after this sequence number in the query's order (for following and
 *     for the next page); 0 from the start
 * @param limit at most this many entries; 0 for all
 * @param reverse newest first
 */
public record HistoryQuery(
    long jobVersion,
    boolean allVersions,
    String eventType,
    String executionIdPrefix,
    long afterSeq,
    int limit,
    boolean reverse) {

  /** Every entry after {@code afterSeq}, oldest first. */
  public HistoryQuery(
      long jobVersion,
      boolean allVersions,
      String eventType,
      String executionIdPrefix,
      long afterSeq) {
    this(jobVersion, allVersions, eventType, executionIdPrefix, afterSeq, 0, false);
  }

  public static HistoryQuery latest() {
    return new HistoryQuery(0, false, "all", "", 0);
  }

  public static HistoryQuery everything() {
    return new HistoryQuery(0, true, "all", "", 0);
  }

  public HistoryQuery after(long seq) {
    return new HistoryQuery(
        jobVersion, allVersions, eventType, executionIdPrefix, seq, limit, reverse);
  }

  /** The same query for at most {@code max} entries (0 for all). */
  public HistoryQuery limitedTo(int max) {
    return new HistoryQuery(
        jobVersion, allVersions, eventType, executionIdPrefix, afterSeq, max, reverse);
  }

  /** Whether an entry with this sequence number comes after {@code afterSeq} in this order. */
  public boolean follows(long seq) {
    return afterSeq <= 0 || (reverse ? seq < afterSeq : seq > afterSeq);
  }
}
