package io.bacalhau.core.client;

/**
 * Which history entries to read.
 *
 * @param jobVersion a version, or 0 for the job's latest
 * @param allVersions every version, ignoring jobVersion
 * @param eventType {@code all}, {@code job} or {@code execution}
 * @param executionIdPrefix only entries of executions whose ID starts with this ("" for any)
 * @param afterSeq only entries after this sequence number (for following)
 */
public record HistoryQuery(
    long jobVersion,
    boolean allVersions,
    String eventType,
    String executionIdPrefix,
    long afterSeq) {
  public static HistoryQuery latest() {
    return new HistoryQuery(0, false, "all", "", 0);
  }

  public static HistoryQuery everything() {
    return new HistoryQuery(0, true, "all", "", 0);
  }

  public HistoryQuery after(long seq) {
    return new HistoryQuery(jobVersion, allVersions, eventType, executionIdPrefix, seq);
  }
}
