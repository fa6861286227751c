package io.bacalhau.core.orchestrator;

import java.time.Duration;

/** Durations as Go prints them ({@code 1h2m3s}, {@code 500ms}), which is how Bacalhau reports. */
public final class DurationText {
  private DurationText() {}

  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toSeconds() == 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder sb = new StringBuilder();
    if (d.toHours() > 0) {
      sb.append(d.toHours()).append('h');
    }
    if (d.toMinutesPart() > 0 || (d.toHours() > 0 && d.toSecondsPart() > 0)) {
      sb.append(d.toMinutesPart()).append('m');
    }
    sb.append(d.toSecondsPart());
    if (d.toMillisPart() > 0) {
      sb.append('.').append(String.format("%03d", d.toMillisPart()).replaceAll("0+$", ""));
    }
    return sb.append('s').toString();
  }
}
