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
}
