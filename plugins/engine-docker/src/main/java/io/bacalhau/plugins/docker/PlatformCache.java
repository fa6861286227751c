package io.bacalhau.plugins.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms registries offered per image reference, kept as Bacalhau keeps its manifest cache
 * (1000 references for an hour), so that a node bidding on many jobs of one image asks the registry
 * once. Only answers are kept: a failed lookup is asked again next time.
 */
final class PlatformCache {
  static final int SIZE = 1000;
  static final Duration TTL = Duration.ofHours(1);

  private final Clock clock;
  private final Map<String, Cached> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > SIZE;
        }
      };

  PlatformCache(Clock clock) {
    this.clock = clock;
  }

  synchronized Optional<List<Platform>> get(String image) {
    Cached e = entries.get(image);
    if (e == null || clock.instant().isAfter(e.expires)) {
      entries.remove(image);
      return Optional.empty();
    }
    return Optional.of(e.platforms);
  }

  synchronized void put(String image, List<Platform> platforms) {
    entries.put(image, new Cached(List.copyOf(platforms), clock.instant().plus(TTL)));
  }

  private record Cached(List<Platform> platforms, Instant expires) {}
}
