package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry answers the bid check keeps: an hour each, the last 1000 images. */
class PlatformCacheTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  @Test
  void anAnswerIsKeptForAnHourThenAskedAgain() {
    PlatformCache cache = new PlatformCache(clock);
    List<Platform> arm = List.of(new Platform("linux", "arm64"));
    cache.put("img:1", arm);
    now = now.plus(PlatformCache.TTL);
    assertEquals(Optional.of(arm), cache.get("img:1"));
    now = now.plusSeconds(1);
    assertEquals(Optional.empty(), cache.get("img:1"));
  }

  @Test
  void theLeastRecentlyUsedImageMakesRoomBeyondItsSize() {
    PlatformCache cache = new PlatformCache(clock);
    for (int i = 0; i < PlatformCache.SIZE; i++) {
      cache.put("img:" + i, List.of());
    }
    cache.get("img:0");
    cache.put("img:new", List.of());
    assertEquals(Optional.of(List.of()), cache.get("img:0"));
    assertEquals(Optional.empty(), cache.get("img:1"));
  }
}
