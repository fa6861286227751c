package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request IDs the server makes up are random (version 4) UUIDs, as they were from the JDK's. */
class RequestIdsTest {
  @Test
  void newIdsAreDistinctVersionFourUuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.newId();
      UUID u = UUID.fromString(id);
      assertEquals(4, u.version(), id);
      assertEquals(2, u.variant(), id);
      assertEquals(u.toString(), id);
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }
}
