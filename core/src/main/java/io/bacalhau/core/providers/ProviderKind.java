package io.bacalhau.core.providers;

/** The kinds of extension a node hosts; their names appear in errors and {@code plugin list}. */
public enum ProviderKind {
  ENGINE("engine", "Engines"),
  PUBLISHER("publisher", "Publishers"),
  INPUT_SOURCE("input source", "InputSources"),
  ANALYTICS("analytics", "Analytics");

  private final String noun;
  private final String configRoot;

  ProviderKind(String noun, String configRoot) {
    this.noun = noun;
    this.configRoot = configRoot;
  }

  /** How errors name it: "no engine 'flibble'". */
  public String noun() {
    return noun;
  }

  /** The config root of its sections and of its {@code Disabled} list. */
  public String configRoot() {
    return configRoot;
  }
}
