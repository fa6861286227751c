package io.bacalhau.cli.config;

import io.bacalhau.core.config.ConfigCatalog;
import java.util.Iterator;

/**
 * What tab completion offers after {@code -c}: every key followed by {@code =}. Read only when
 * completing, so ordinary commands never load the catalogue for it.
 */
public final class ConfigKeyCandidates implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ConfigCatalog.get().keys().stream().map(k -> k.path() + "=").iterator();
  }
}
