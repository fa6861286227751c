package io.bacalhau.core.models;

import java.util.Optional;

/** Network access a task asks for. Full is the deprecated spelling of Host. */
public enum NetworkType {
  DEFAULT("Default"),
  NONE("None"),
  HOST("Host"),
  FULL("Full"),
  HTTP("HTTP"),
  BRIDGE("Bridge");

  private final String label;

  NetworkType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Ports may be mapped only where the task shares or bridges the host's network. */
  public boolean allowsPorts() {
    return this == HOST || this == FULL || this == BRIDGE;
  }

  /** Whether the task can reach anything at all. Default means none for jobs here. */
  public boolean isNetworked() {
    return this != DEFAULT && this != NONE;
  }

  /** Case-insensitive; blank is Default. */
  public static Optional<NetworkType> parse(String text) {
    String wanted = text == null ? "" : text.strip();
    if (wanted.isEmpty()) {
      return Optional.of(DEFAULT);
    }
    for (NetworkType t : values()) {
      if (t.label.equalsIgnoreCase(wanted)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
