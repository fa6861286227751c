package io.bacalhau.cli;

/**
 * Replaces what changes from run to run (IDs, times, durations) with stable placeholders, so
 * approved-file tests compare the layout and the words.
 */
public final class Scrub {
  private Scrub() {}

  public static String of(String text) {
    return text.replaceAll(
            "([jenv])-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "$1-<uuid>")
        .replaceAll("([jen])-[0-9a-f]{8}(?![0-9a-f-])", "$1-<short>")
        .replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "<date time>")
        .replaceAll("\\d{2}:\\d{2}:\\d{2}\\.\\d{3}", "<clock.ms>")
        .replaceAll("\\b\\d{2}:\\d{2}:\\d{2}\\b", "<clock>")
        .replaceAll("\\b\\d+(d|h|m|s)(\\d+(h|m|s))? ago", "<ago>");
  }

  /**
   * As {@link #of}, for JSON and YAML: also the nanosecond times, RFC 3339 timestamps and bare
   * UUIDs (evaluation IDs, installation IDs) that machine output carries.
   */
  public static String json(String text) {
    return of(text.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<timestamp>")
            .replaceAll(
                "(?<![0-9a-f-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                "<uuid>"))
        .replaceAll("\\b\\d{19}\\b", "<nanos>");
  }
}
