package io.bacalhau.core.models;

import java.util.Locale;
import java.util.Optional;

/**
 * How a job is scheduled: once (batch), on every node once (ops), or for ever (daemon, service).
 */
public enum JobType {
  BATCH,
  OPS,
  DAEMON,
  SERVICE;

  /** The spec's spelling: lower case. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Batch and ops jobs finish; daemons and services run until stopped. */
  public boolean isLongRunning() {
    return this == DAEMON || this == SERVICE;
  }

  /** Batch and service jobs run Count partitions; ops and daemon jobs one per matching node. */
  public boolean isPartitioned() {
    return this == BATCH || this == SERVICE;
  }

  public static Optional<JobType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    for (JobType t : values()) {
      if (t.value().equalsIgnoreCase(wanted)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value();
  }
}
