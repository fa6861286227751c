package io.bacalhau.core.builtin.urldownload;

/** History topics of downloads. */
final class Topics {
  static final String DOWNLOAD = "Downloading Inputs";

  private Topics() {}
}
