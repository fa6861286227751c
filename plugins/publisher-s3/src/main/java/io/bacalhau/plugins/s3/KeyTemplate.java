package io.bacalhau.plugins.s3;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Fills the placeholders of a publisher key: {@code {jobID}}, {@code {executionID}}, {@code
 * {nodeID}}, {@code {date}} (YYYYMMDD, UTC) and {@code {time}} (HHMMSS, UTC).
 */
final class KeyTemplate {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

  private KeyTemplate() {}

  static String render(
      String template, String jobId, String executionId, String nodeId, ZonedDateTime now) {
    ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
    return template
        .replace("{jobID}", jobId)
        .replace("{executionID}", executionId)
        .replace("{nodeID}", nodeId)
        .replace("{date}", DATE.format(utc))
        .replace("{time}", TIME.format(utc));
  }

  /** The object key of a gzip result: the rendered key with {@code .tar.gz} appended if missing. */
  static String archiveKey(String rendered) {
    return rendered.endsWith(".tar.gz") ? rendered : rendered + ".tar.gz";
  }

  /** The prefix of a plain result: the rendered key with {@code /} appended if missing. */
  static String prefix(String rendered) {
    return rendered.isEmpty() || rendered.endsWith("/") ? rendered : rendered + "/";
  }
}
