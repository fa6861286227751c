package io.bacalhau.core.config;

/** Binds a config section (e.g. {@code Engines.Types.Docker}) to a provider's config record. */
@FunctionalInterface
public interface ConfigBinder {
  ConfigBinder DEFAULTS =
      new ConfigBinder() {
        @Override
        public <T> T bind(String section, Class<T> type) {
          return io.bacalhau.core.codec.Codecs.json().convertValue(java.util.Map.of(), type);
        }
      };

  <T> T bind(String section, Class<T> type);
}
