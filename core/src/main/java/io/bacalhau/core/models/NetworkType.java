package io.bacalhau.core.models;

import java.util.Optional;

/** Network access a task asks for. Full is the deprecated spelling of Host. */
public enum NetworkType implements Labelled {
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

  @Override
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
    if (text == null || text.isBlank()) {
      return Optional.of(DEFAULT);
    }
    return Optional.ofNullable(Labelled.find(values(), text, null));
  }

  @Override
  public String toString() {
    return label;
  }
}
