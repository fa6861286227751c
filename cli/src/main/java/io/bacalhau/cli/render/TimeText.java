package io.bacalhau.cli.render;

import io.bacalhau.core.models.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Bacalhau prints them: UTC date-times, clock times, and "5m10s ago". */
public final class TimeText {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK_MILLIS =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private TimeText() {}

  public static String dateTime(Instant t) {
    return t == null ? "" : DATE_TIME.format(t);
  }

  public static String dateTime(long nanos) {
    return nanos == 0 ? "" : dateTime(Times.instant(nanos));
  }

  /** The short form list columns use unless {@code --wide}. */
  public static String clock(long nanos, boolean wide) {
    return nanos == 0 ? "" : wide ? dateTime(nanos) : CLOCK.format(Times.instant(nanos));
  }

  public static String clockMillis(Instant t) {
    return t == null ? "" : CLOCK_MILLIS.format(t);
  }

  /** Two most significant units: {@code 3d4h ago}, {@code 2h5m ago}, {@code 12s ago}. */
  public static String ago(long nanos, Instant now) {
    Duration d = Duration.between(Times.instant(nanos), now);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    long seconds = d.toSecondsPart();
    String text;
    if (days > 0) {
      text = days + "d" + (hours > 0 ? hours + "h" : "");
    } else if (hours > 0) {
      text = hours + "h" + (minutes > 0 ? minutes + "m" : "");
    } else if (minutes > 0) {
      text = minutes + "m" + (seconds > 0 ? seconds + "s" : "");
    } else {
      text = seconds + "s";
    }
    return text + " ago";
  }
}
