package io.bacalhau.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
  @TempDir Path home;

  @Test
  void theInstallationIdIsPerUserAndTheInstanceIdPerDataDir() {
    Map<String, String> env = Map.of("HOME", home.toString());
    NodeIdentity first = NodeIdentity.of(home.resolve("a"), "", env);
    NodeIdentity again = NodeIdentity.of(home.resolve("a"), "", env);
    NodeIdentity otherDir = NodeIdentity.of(home.resolve("b"), "", env);

    assertTrue(first.installationId().matches("[0-9a-f-]{36}"), first.installationId());
    assertEquals(first, again);
    assertEquals(first.installationId(), otherDir.installationId());
    assertNotEquals(first.instanceId(), otherDir.instanceId());
    assertTrue(Files.isRegularFile(home.resolve(".config/bacalhau/installation_id")));
  }

  @Test
  void xdgConfigHomeWinsOverHome() {
    Path xdg = home.resolve("xdg");
    Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString());

    String id = InstallationId.loadOrCreate(env);

    assertEquals(xdg.resolve("bacalhau/installation_id"), InstallationId.file(env));
    assertEquals(id, InstallationId.peek(env));
  }

  @Test
  void anUnwritableConfigFolderGivesAnEmptyIdNotAnError() throws Exception {
    Path blocker = Files.writeString(home.resolve("not-a-dir"), "x");
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", blocker.toString());

    assertEquals("", InstallationId.loadOrCreate(env));
  }

  @Test
  void peekCreatesNothing() {
    Map<String, String> env = Map.of("HOME", home.toString());

    assertEquals("", InstallationId.peek(env));
    assertTrue(Files.notExists(InstallationId.file(env)));
  }

  @Test
  void namesAreSha256HexAndEmptyStaysEmpty() {
    assertEquals(
        "37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f",
        Hashing.sha256("default"));
    assertEquals("", Hashing.sha256(""));
    assertEquals("", Hashing.sha256(null));
  }
}
